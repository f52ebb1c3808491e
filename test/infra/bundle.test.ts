/**
 * The benchmark measures bundles made by infra/build-functions.ts; the cloud runs bundles made by
 * CDK's NodejsFunction. Both take their options from infra/bundling.ts, but CDK translates them
 * into esbuild command-line flags and can drop one (aws-cdk-lib 2.276 ignores `charset`). So: bundle
 * one area and one job both ways and require the same bytes. Bundling is real here (local esbuild,
 * no Docker), about a second per function.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../infra/build-functions';
import { functionEntries, type FunctionEntry } from '../../infra/functions';
import { journalFunction } from '../../infra/lambda';

const tmp = mkdtempSync(join(tmpdir(), 'zhurnal-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * One area of the manifest: every entry, area or job, gets the same options. An area, because its
 * Russian messages are what a dropped `charset` changes.
 */
const sample = functionEntries().find((f) => f.kind === 'area')!;

async function cdkBundle(f: FunctionEntry): Promise<Buffer> {
  const app = new App({ outdir: join(tmp, `cdk-${f.name}`) });
  const stack = new Stack(app, 'BundleTest', { env: { region: 'eu-central-1' } });
  journalFunction(stack, 'Fn', { entry: f.entry, description: f.name, environment: {}, timeout: Duration.seconds(3) });
  const dir = app.synth().directory;
  const assets = readdirSync(dir).filter((d) => d.startsWith('asset.'));
  expect(assets).toHaveLength(1);
  expect(readdirSync(join(dir, assets[0]!))).toEqual(['index.mjs']);
  return readFileSync(join(dir, assets[0]!, 'index.mjs'));
}

describe('function bundles', () => {
  let own: Buffer;
  it(`should be the same bytes from CDK and from build-functions (area ${sample.name})`, async () => {
    const file = join(tmp, 'own', 'index.mjs');
    const bytes = await bundleFunction(sample.entry, file);
    own = readFileSync(file);
    const cdk = await cdkBundle(sample);
    expect(own.length).toBe(bytes);
    expect(cdk.length).toBe(own.length);
    expect(cdk.equals(own)).toBe(true);
  });

  it('should be ESM with the CommonJS shim, minified, UTF-8, with the AWS SDK inside', () => {
    const text = own.toString('utf8');
    // Toolchain trap 4: CommonJS dependencies need require, __filename and __dirname.
    expect(text.startsWith("import { createRequire as __zjCreateRequire } from 'node:module';")).toBe(true);
    expect(text).toContain('const require = __zjCreateRequire(import.meta.url);');
    expect(text).toContain('const __filename = __zjFileURLToPath(import.meta.url);');
    expect(text).toContain('const __dirname = __zjDirname(__filename);');
    expect(text).toMatch(/\bexport\s*\{[^}]*\bhandler\b[^}]*\}/);
    expect(text.split('\n').length).toBeLessThan(500);
    // Russian text as UTF-8, not \uXXXX escapes.
    expect(text).toMatch(/[а-яА-Я]{4}/);
    // The SDK is inside the bundle, not imported from the runtime.
    expect(text).not.toMatch(/from\s*["']@aws-sdk\//);
    expect(text).toContain('DynamoDB');
  });
});

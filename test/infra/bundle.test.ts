/**
 * The benchmark measures bundles made by infra/build-functions.ts; the cloud runs bundles made by
 * CDK's NodejsFunction. Both take their options from infra/bundling.ts, but CDK translates them
 * into esbuild command-line flags and can drop one (aws-cdk-lib 2.276 ignores `charset`). So: bundle
 * one area both ways and require the same bytes. Then every function against its budget (issue 7:
 * an API area <= 450 KB and <= 60 ms cold import, PDF and spreadsheet functions <= 2 MB and
 * <= 250 ms). Bundling is real here (local esbuild, no Docker), about a second per function.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBudget, coldImports, isHeavy } from '../../bench/bundles';
import { openApiDocument } from '../../functions/openapi';
import { buildFunctions, bundleFunction, type BuiltFunction } from '../../infra/build-functions';
import { functionEntries, REPO_ROOT, type FunctionEntry } from '../../infra/functions';
import { journalFunction } from '../../infra/lambda';
import { S3RVER_CREDENTIALS, startS3 } from '../../infra/local/s3';

const tmp = mkdtempSync(join(tmpdir(), 'zhurnal-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Every entry, area or job, gets the same options; these two use all of them: the PDF function
 * Russian messages (a dropped `charset`), embedded fonts (the binary loader), CommonJS dependencies
 * (the banner) and both stubbed modules (the aliases); the system function the build-time OpenAPI
 * document (the define).
 */
const samples = ['people-pdf', 'system'].map((name) => functionEntries().find((f) => f.name === name)!);

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
  const own = new Map<string, Buffer>();
  it.each(samples.map((f) => [f.name, f] as const))('should be the same bytes from CDK and from build-functions (%s)', async (_name, f) => {
    const file = join(tmp, 'own', f.name, 'index.mjs');
    const { bytes } = await bundleFunction(f.entry, file);
    own.set(f.name, readFileSync(file));
    const cdk = await cdkBundle(f);
    expect(own.get(f.name)!.length).toBe(bytes);
    expect(cdk.length).toBe(bytes);
    expect(cdk.equals(own.get(f.name)!)).toBe(true);
  });

  it('should be ESM with the CommonJS shim, minified, UTF-8, with the AWS SDK inside', () => {
    const text = own.get('people-pdf')!.toString('utf8');
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
    // The stubs of infra/bundle-stubs instead of the SDK's credential chain, the WOFF2 decoder, the
    // S3 client's event streams and the web streams middy would load at start-up.
    expect(text).not.toContain('defaultProvider::fromSSO');
    expect(text).toContain('WOFF2 fonts are not supported');
    expect(text).toContain('Event streams are not in the function bundles');
    expect(text).not.toContain('EventStreamCodec');
    expect(text).not.toMatch(/from\s*["']node:stream\/web["']/);
  });

  it('should answer the OpenAPI document of the manifest from the system bundle, without the areas\' schemas', async () => {
    const file = join(tmp, 'own', 'system', 'index.mjs');
    // Another area's route summary: the document has it, the bundle's code does not.
    expect(own.get('system')!.toString('utf8')).not.toContain('Сохранить темы КТП');
    const script = [
      `const { handler } = await import(${JSON.stringify(file)});`,
      "const res = await handler({ version: '2.0', routeKey: 'GET /api/openapi.json', rawPath: '/api/openapi.json', headers: {}, isBase64Encoded: false,",
      "  requestContext: { http: { method: 'GET', path: '/api/openapi.json', sourceIp: '127.0.0.1' } } }, {});",
      'process.stdout.write(JSON.stringify(res));',
    ].join('\n');
    // LOG_LEVEL: stdout carries only the answer, not the request line (shared/ops/telemetry.ts).
    const env = { PATH: process.env.PATH ?? '', TABLE_NAME: 't', REPORT_BUCKET: 'b', SESSION_SIGNING_KEY: 'k'.repeat(44), AWS_REGION: 'eu-central-1', LOG_LEVEL: 'SILENT' };
    const res = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: tmp, env, encoding: 'utf8' }));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});

describe('function budgets', () => {
  let built: BuiltFunction[];
  beforeAll(async () => {
    built = await buildFunctions(join(tmp, 'all'));
  }, 120_000);

  it('should keep every bundle within its size budget', () => {
    const sizes = Object.fromEntries(built.map((b) => [b.name, b.bytes]));
    const budgets = Object.fromEntries(built.map((b) => [b.name, Math.min(b.bytes, bundleBudget(b.name).bytes)]));
    expect(sizes).toEqual(budgets);
  });

  it('should load every bundle within its cold-import budget', ({ skip }) => {
    // A wall-clock budget means something only on a machine that is not already saturated: beside
    // the other test projects on two cores a 40 ms import takes 150-300 ms. `npm run bench` measures
    // these first, on its own (bench/results.json; ../shared/tools/check-budgets.mjs holds them);
    // here they are checked whenever the machine has a core to spare.
    const [load] = loadavg();
    skip(load! > availableParallelism() - 0.5, `machine busy (load ${load!.toFixed(1)} on ${availableParallelism()} cores): the bench holds load_ms`);
    // The fastest of five fresh processes: whatever else runs only ever adds to a load time.
    const times = Object.fromEntries(built.map((b) => [b.name, Math.round(Math.min(...coldImports(b.file, 5)))]));
    const budgets = Object.fromEntries(built.map((b) => [b.name, Math.min(times[b.name]!, bundleBudget(b.name).loadMs)]));
    expect(times).toEqual(budgets);
  }, 120_000);

  it('should keep PDF and spreadsheet libraries and fonts out of API areas, and the AWS SDK in every function', () => {
    const heavyLibraries = /^(pdfmake|pdfkit|fontkit|exceljs|jszip|@expo-google-fonts\/.*)$/;
    for (const b of built) {
      if (!isHeavy(b.name)) expect(b.packages.filter((p) => heavyLibraries.test(p)), b.name).toEqual([]);
      expect(b.packages, b.name).toContain('@aws-sdk/client-dynamodb');
    }
  });

  it('should ship only production dependencies (npm ci --omit=dev installs everything a bundle holds)', () => {
    // package-lock.json marks `dev` every package that only devDependencies need.
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = new Set(Object.entries(lock.packages).filter(([, p]) => p.dev).map(([path]) => path.replace(/^.*node_modules\//, '')));
    for (const b of built) expect(b.packages.filter((p) => devOnly.has(p)), b.name).toEqual([]);
  });

  it('should carry only the English zod locale (namespace import `import * as z from \'zod\'`)', () => {
    for (const b of built) expect(readFileSync(b.file, 'utf8'), b.name).not.toContain('Ungültige Eingabe');
  });
});

describe('the stubbed modules in a bundle', () => {
  it('should answer through the area adapter and store and read an S3 object, with event streams and web streams stubbed', async () => {
    // The area adapter answers through middy, which imports the ReadableStream stub; the S3 client is
    // built with the event-streams stub (its config resolver runs at construction) and PutObject and
    // GetObject go through the SDK's protocol code, which loads event streams only for streaming
    // operations. Bundled with the stack's options
    // and run away from node_modules, so nothing can come from an unstubbed package.
    const dir = mkdtempSync(join(tmp, 'stubs-'));
    const s3 = await startS3({ directory: join(dir, 's3'), buckets: ['reports'] });
    try {
      const entry = join(dir, 'entry.ts');
      const repo = (path: string) => JSON.stringify(join(REPO_ROOT, path));
      writeFileSync(
        entry,
        [
          `import { areaHandler } from ${repo('functions/http/area.ts')};`,
          `import { readReport, storeReport } from ${repo('shared/repos/reports.ts')};`,
          "const answer = await areaHandler([], {})({ routeKey: 'GET /api/nothing', requestContext: { requestId: 'r1' } }, {});",
          "const stored = await storeReport({ kind: 'journals', name: 'bundle-test/a.txt', body: new TextEncoder().encode('Журнал'), contentType: 'text/plain', now: new Date() });",
          'const read = await readReport(stored.key);',
          'process.stdout.write(JSON.stringify({ answer, text: new TextDecoder().decode(read.body), streams: ReadableStream.name }));',
        ].join('\n'),
      );
      const file = join(dir, 'index.mjs');
      await bundleFunction(entry, file);
      expect(readFileSync(file, 'utf8')).toContain('Event streams are not in the function bundles');
      const env = {
        PATH: process.env.PATH ?? '', LOG_LEVEL: 'SILENT', TABLE_NAME: 't', REPORT_BUCKET: 'reports', SESSION_SIGNING_KEY: 'k'.repeat(44), AWS_REGION: 'eu-central-1',
        AWS_ENDPOINT_URL_S3: s3.endpoint, S3_FORCE_PATH_STYLE: 'true', AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      };
      const out = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [file], { cwd: dir, env, encoding: 'utf8' }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
      );
      const result = JSON.parse(out);
      expect(result.answer).toMatchObject({ statusCode: 404, headers: { 'x-request-id': 'r1' } });
      expect(result).toMatchObject({ text: 'Журнал', streams: 'ReadableStream' });
    } finally {
      await s3.stop();
    }
  });
});

describe('the PDF function bundle', () => {
  it('should render a Cyrillic sheet with its embedded fonts and stubs, away from node_modules', async () => {
    // The same entry shape as functions/people-pdf/index.ts, rendering instead of serving: run from
    // a folder with no node_modules, the bundle can only use the fonts it embeds, and the stubbed
    // WOFF2 decoder (infra/bundle-stubs) must not be reached by a TTF font.
    const dir = mkdtempSync(join(tmp, 'pdf-'));
    const entry = join(dir, 'entry.ts');
    const repo = (path: string) => JSON.stringify(join(REPO_ROOT, path));
    writeFileSync(
      entry,
      [
        `import { provideBundledFonts } from ${repo('shared/reports/pdf.ts')};`,
        `import { renderActivationSheet } from ${repo('shared/reports/activation-sheet.ts')};`,
        `provideBundledFonts(() => import(${repo('functions/people-pdf/fonts.ts')}).then((m) => m.default));`,
        'const pdf = await renderActivationSheet({ schoolName: "МАОУ СОШ № 53", title: "5А класс", issuedAt: "2026-09-01T06:00:00Z",',
        '  expiresAt: "2026-09-15T06:00:00Z", issuedBy: "Петрова Е. В.", timeZone: "Europe/Moscow",',
        '  entries: [{ displayName: "Шевченко Олег Игоревич", role: "обучающийся", login: "shevchenko.oi", code: "BCDE-FGHJ-KLMN-PQRS" }] });',
        'process.stdout.write(pdf);',
      ].join('\n'),
    );
    const file = join(dir, 'index.mjs');
    await bundleFunction(entry, file);
    const pdf = execFileSync(process.execPath, [file], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (!existsSync('/usr/bin/pdftotext')) return;
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    const text = execFileSync('pdftotext', [join(dir, 'sheet.pdf'), '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Коды активации — 5А класс');
    expect(text).toContain('Шевченко Олег Игоревич');
  });
});

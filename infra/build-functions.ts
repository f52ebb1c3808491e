/**
 * Bundles every function exactly as the CDK stack does (same entries, same esbuild options) into
 * `<outDir>/<name>/index.mjs`. The benchmark imports `buildFunctions` to measure bundle sizes and
 * cold-load times; run directly it prints the sizes:
 *
 *   npx tsx infra/build-functions.ts [outDir]     (default: dist/functions)
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptions } from './bundling';
import { functionEntries, REPO_ROOT } from './functions';

export interface Bundle {
  bytes: number;
  /** The npm packages with code in the bundle, e.g. `pdfmake`, `zod`. */
  packages: string[];
}

export interface BuiltFunction extends Bundle {
  name: string;
  /** Absolute path of the bundle. */
  file: string;
}

export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'dist', 'functions');

const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/;

/** Bundles one entry file to `file` with the stack's esbuild options. */
export async function bundleFunction(entry: string, file: string): Promise<Bundle> {
  const { metafile } = await build({ ...esbuildOptions, entryPoints: [entry], outfile: file, absWorkingDir: REPO_ROOT, logLevel: 'warning', metafile: true });
  const inputs = Object.values(metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path));
  const packages = new Set(inputs.map((path) => PACKAGE.exec(path)?.[1]).filter((p): p is string => p !== undefined));
  return { bytes: (await stat(file)).size, packages: [...packages].sort() };
}

export async function buildFunctions(outDir: string = DEFAULT_OUT_DIR): Promise<BuiltFunction[]> {
  const root = resolve(outDir);
  return Promise.all(
    functionEntries().map(async ({ name, entry }) => {
      const file = join(root, name, 'index.mjs');
      return { name, file, ...(await bundleFunction(entry, file)) };
    }),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const built = await buildFunctions(process.argv[2]);
  const width = Math.max(...built.map((b) => b.name.length));
  for (const b of built) console.log(`${b.name.padEnd(width)}  ${(b.bytes / 1024).toFixed(1).padStart(8)} KiB  ${b.file}`);
  console.log(`${built.length} bundles in ${Math.round(performance.now() - started)} ms`);
}

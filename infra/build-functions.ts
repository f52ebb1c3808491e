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

export interface BuiltFunction {
  name: string;
  /** Absolute path of the bundle. */
  file: string;
  bytes: number;
}

export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'dist', 'functions');

/** Bundles one entry file to `file` with the stack's esbuild options; returns the bundle's size. */
export async function bundleFunction(entry: string, file: string): Promise<number> {
  await build({ ...esbuildOptions, entryPoints: [entry], outfile: file, absWorkingDir: REPO_ROOT, logLevel: 'warning' });
  return (await stat(file)).size;
}

export async function buildFunctions(outDir: string = DEFAULT_OUT_DIR): Promise<BuiltFunction[]> {
  const root = resolve(outDir);
  return Promise.all(
    functionEntries().map(async ({ name, entry }) => {
      const file = join(root, name, 'index.mjs');
      return { name, file, bytes: await bundleFunction(entry, file) };
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

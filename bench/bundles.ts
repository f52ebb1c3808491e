/**
 * Function bundles: size, and the cold `import` of each in a fresh Node process (what a Lambda
 * cold start pays for our code, before any request), held against the budgets of issue 7.
 *
 *   npx tsx bench/bundles.ts [outDir]     (default: .local/bench/functions; prints, writes nothing else)
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFunctions, type BuiltFunction } from '../infra/build-functions';
import { REPO_ROOT } from '../infra/functions';
import { Figures } from './figures';

/**
 * PDF and spreadsheet work lives in functions of its own, named so that this matches them (the same
 * expression as ../shared/tools/check-budgets.mjs); every other function is an API area or a job.
 */
const HEAVY = /pdf|report|xlsx|sheet|import|export|render|print|archive|close/i;

export interface BundleBudget {
  bytes: number;
  loadMs: number;
}

export const isHeavy = (name: string): boolean => HEAVY.test(name);

export function bundleBudget(name: string): BundleBudget {
  return isHeavy(name) ? { bytes: 2_000_000, loadMs: 250 } : { bytes: 450_000, loadMs: 60 };
}

/** Milliseconds of one `import` of the bundle in a fresh Node process, once per run. */
export function coldImports(file: string, runs: number): number[] {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  return Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim()));
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export interface MeasuredBundle extends BuiltFunction {
  loadMs: number;
}

export async function benchBundles(figures: Figures, outDir: string): Promise<MeasuredBundle[]> {
  const measured = (await buildFunctions(outDir)).map((b) => ({ ...b, loadMs: median(coldImports(b.file, 3)) }));
  for (const b of measured) {
    figures.set(`bundle.${b.name}.bytes`, b.bytes, 'bytes');
    figures.set(`bundle.${b.name}.load_ms`, b.loadMs, 'ms', 'median of 3 fresh processes');
  }
  return measured;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = new Figures();
  const measured = await benchBundles(figures, process.argv[2] ?? join(REPO_ROOT, '.local', 'bench', 'functions'));
  figures.print();
  const over = measured.filter((b) => b.bytes > bundleBudget(b.name).bytes || b.loadMs > bundleBudget(b.name).loadMs);
  console.log(over.length ? `\nOver budget: ${over.map((b) => b.name).join(', ')}` : '\nEvery bundle within its budget.');
  process.exitCode = over.length ? 1 : 0;
}

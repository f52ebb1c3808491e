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

export interface ColdImport {
  /** Wall-clock milliseconds of the `import`: what the budget holds. */
  wallMs: number;
  /**
   * CPU milliseconds the process spent in it (every thread): the work itself, which other people's
   * processes on a busy machine stretch in wall-clock time but hardly change, so two builds can be
   * compared in the same run.
   */
  cpuMs: number;
}

/** One `import` of the bundle in a fresh Node process, once per run. */
export function coldImportTimes(file: string, runs: number): ColdImport[] {
  const script = [
    'const c = process.cpuUsage(); const t = performance.now();',
    `await import(${JSON.stringify(file)});`,
    'const w = performance.now() - t; const u = process.cpuUsage(c);',
    'console.log(JSON.stringify({ wallMs: w, cpuMs: (u.user + u.system) / 1000 }));',
  ].join(' ');
  return Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as ColdImport);
}

/** Wall-clock milliseconds of one `import` of the bundle in a fresh Node process, once per run. */
export function coldImports(file: string, runs: number): number[] {
  return coldImportTimes(file, runs).map((t) => t.wallMs);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export interface MeasuredBundle extends BuiltFunction {
  loadMs: number;
}

const RUNS = 5;

export async function benchBundles(figures: Figures, outDir: string): Promise<MeasuredBundle[]> {
  const built = await buildFunctions(outDir);
  // Round-robin over the bundles rather than one bundle's runs in a row, so that a burst of other
  // work on the machine spreads over all of them instead of landing on one.
  const times = new Map(built.map((b) => [b.name, [] as ColdImport[]]));
  for (let run = 0; run < RUNS; run++) for (const b of built) times.get(b.name)!.push(...coldImportTimes(b.file, 1));
  const measured = built.map((b) => ({ ...b, loadMs: median(times.get(b.name)!.map((t) => t.wallMs)) }));
  for (const b of measured) {
    const cpu = median(times.get(b.name)!.map((t) => t.cpuMs));
    figures.set(`bundle.${b.name}.bytes`, b.bytes, 'bytes');
    figures.set(`bundle.${b.name}.load_ms`, b.loadMs, 'ms', `median of ${RUNS} fresh processes; CPU ${cpu.toFixed(1)} ms (median)`);
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

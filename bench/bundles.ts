/**
 * Function bundles: size, and the cold `import` of each in a fresh Node process (what a Lambda
 * cold start pays for our code, before any request).
 */
import { execFileSync } from 'node:child_process';
import { buildFunctions } from '../infra/build-functions';
import type { Figures } from './figures';

function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim()));
  return runs.sort((a, b) => a - b)[1]!;
}

export async function benchBundles(figures: Figures, outDir: string): Promise<void> {
  for (const b of await buildFunctions(outDir)) {
    figures.set(`bundle.${b.name}.bytes`, b.bytes, 'bytes');
    figures.set(`bundle.${b.name}.load_ms`, coldImportMs(b.file), 'ms', 'median of 3 fresh processes');
  }
}

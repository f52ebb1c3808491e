/**
 * One bench module run by itself (`npx tsx bench/<module>.ts`): its own in-memory stack, its figures
 * printed and merged into bench/results.json beside the others'. `npm run bench` runs the modules
 * together instead (bench/run.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../infra/local/dynamodb-local';
import { Figures } from './figures';

/** Whether `moduleUrl` (the caller's `import.meta.url`) is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  return !!process.argv[1] && moduleUrl === pathToFileURL(process.argv[1]).href;
}

export async function runAlone(bench: (figures: Figures, baseUrl: string) => Promise<void>): Promise<void> {
  const { setLogLevel } = await import('../shared/ops/telemetry');
  const { startLocalStack } = await import('../infra/local/stack');
  setLogLevel('SILENT');
  const file = join(projectRoot, 'bench', 'results.json');
  const figures = new Figures();
  const stack = await startLocalStack({ web: false, seed: 'people', timers: false });
  try {
    await bench(figures, stack.url);
  } finally {
    await stack.stop();
  }
  figures.print();
  figures.merge(file);
  console.log(`\nWritten: ${file}`);
}

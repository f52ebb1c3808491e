/**
 * The whole local stack for browser tests: in-memory DynamoDB Local, the S3 server, the API and
 * the built web app on one origin, with the demo school loaded. `npm test` builds the web app first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../infra/local/dynamodb-local';
import { startLocalStack as start } from '../../infra/local/stack';

export async function startLocalStack(opts: { web?: boolean; seed?: 'people' | 'full' } = {}): Promise<{ url: string; stop(): Promise<void> }> {
  if (opts.web !== false && !existsSync(join(projectRoot, 'web', 'build', 'index.html'))) {
    throw new Error('web/build is missing: run `npm run build:web` first (npm test does it)');
  }
  const stack = await start({ web: opts.web !== false, seed: opts.seed ?? 'people', timers: false });
  await stack.settingUp;
  return { url: stack.url, stop: stack.stop };
}

/**
 * A browser-test file's way into the run's one local stack (test/support/e2e-setup.ts): points the
 * handlers and repositories of this worker at the shared, seeded table and opens an HTTP front
 * serving the API and the built web app on one origin. The front lives in the test's process so
 * that `setClock` and the DynamoDB request counter act on the handlers that answer the browser.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inject } from 'vitest';
import { projectRoot } from '../../infra/local/dynamodb-local';
import { createLocalServer } from '../../infra/local/server';
import { localStackEnv } from '../../infra/local/stack';
import { resetSigningKey } from '../../shared/auth/signing-key';
import { resetConfig } from '../../shared/config';
import { resetClients } from '../../shared/db/client';

export interface StackFront {
  url: string;
  stop(): Promise<void>;
}

export async function openLocalStack(): Promise<StackFront> {
  Object.assign(process.env, localStackEnv(inject('e2e')));
  resetConfig();
  resetClients();
  resetSigningKey();
  const server = createLocalServer({ webRoot: join(projectRoot, 'web', process.env.ZHURNAL_WEB_OUT || 'build') });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The whole product on one machine: DynamoDB Local, the S3 server, the handlers behind the local
 * HTTP server, the built web app on the same origin, the scheduled jobs on timers and the demo
 * school. `npm start`, the test harness and the bench all start it through here.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { jobModules } from '../../functions/index';
import { jobs } from '../../functions/routes';
import { resetConfig } from '../../shared/config';
import { resetClients } from '../../shared/db/client';
import { resetSigningKey } from '../../shared/auth/signing-key';
import { projectRoot, startDynamoDbLocal } from './dynamodb-local';
import { startS3 } from './s3';
import { seedDemoSchool, seedDemoSetUp } from './seed';
import { DEPARTMENT_ID, REPORT_BUCKET, TABLE_NAME } from './names';
import { createLocalServer } from './server';
import { ensureTable } from '../../shared/db/ensure-table';


export interface StackOptions {
  /** Persist data here; omit for an in-memory stack (tests, bench). */
  dataDir?: string;
  port?: number;
  /** Serve the built web app (web/build). */
  web?: boolean;
  /** 'people': every role can sign in (fast); 'full': the school's set-up and journal too, loaded
   * in the background after the stack serves; false: an empty table. Default 'people'. */
  seed?: 'people' | 'full' | false;
  /** Run the scheduled jobs on their local timers. */
  timers?: boolean;
  log?: (line: string) => void;
}

export interface LocalStack {
  url: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  logins: Array<{ login: string; role: string; who: string }>;
  /** Settles when the demo's set-up part is in (at once unless `seed: 'full'`). */
  settingUp: Promise<void>;
  stop(): Promise<void>;
}

function sessionKey(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'session-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** What the handlers read (shared/config.ts) to use the local services; the e2e tests' workers set it too. */
export function localStackEnv(services: { dynamoEndpoint: string; s3Endpoint: string; sessionSigningKey: string }): Record<string, string> {
  return {
    TABLE_NAME,
    REPORT_BUCKET,
    AWS_ENDPOINT_URL_DYNAMODB: services.dynamoEndpoint,
    AWS_ENDPOINT_URL_S3: services.s3Endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: process.env.AWS_REGION ?? 'eu-central-1',
    // Local servers accept any credentials, but the SDK wants some to sign with.
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'S3RVER',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'S3RVER',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    SESSION_SIGNING_KEY: services.sessionSigningKey,
    DEPARTMENT_ID,
  };
}

export async function startLocalStack(opts: StackOptions = {}): Promise<LocalStack> {
  const log = opts.log ?? (() => {});
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const s3Dir = opts.dataDir ? join(opts.dataDir, 's3') : join(projectRoot, '.local', 'tmp', `s3-${process.pid}-${Date.now()}`);
  const [dynamo, s3] = await Promise.all([
    startDynamoDbLocal({ dbPath: opts.dataDir ? join(opts.dataDir, 'dynamodb') : undefined }),
    startS3({ directory: s3Dir, buckets: [REPORT_BUCKET] }),
  ]);
  log(`DynamoDB Local: ${dynamo.endpoint}; S3: ${s3.endpoint}`);

  Object.assign(process.env, localStackEnv({ dynamoEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint, sessionSigningKey: sessionKey(opts.dataDir) }));
  resetConfig();
  resetClients();
  resetSigningKey();

  await ensureTable();
  const seeded = opts.seed === false ? null : await seedDemoSchool(new Date());
  if (seeded) log(`Demo school, people: ${seeded.items} items in ${seeded.ms} ms`);
  const settingUp =
    opts.seed === 'full'
      ? seedDemoSetUp(new Date()).then(
          (r) => log(`Demo school, set-up and journal: ${r.items} items in ${(r.ms / 1000).toFixed(1)} s`),
          (e: unknown) => log(`Demo set-up failed: ${(e as Error).message}`),
        )
      : Promise.resolve();

  const server = createLocalServer({ webRoot: opts.web === false ? undefined : join(projectRoot, 'web', 'build') });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const timers = opts.timers
    ? jobs.map((job) =>
        setInterval(() => {
          void jobModules[job.name]!()
            .then((m) => m.run(DEPARTMENT_ID, new Date()))
            .then((r) => log(`job ${r.job}: checked ${r.checked}, changed ${r.changed}`))
            .catch((e: unknown) => log(`job ${job.name} failed: ${(e as Error).message}`));
        }, job.localEveryMinutes * 60_000),
      )
    : [];

  return {
    url: `http://localhost:${port}`,
    dynamoEndpoint: dynamo.endpoint,
    s3Endpoint: s3.endpoint,
    logins: seeded?.logins ?? [],
    settingUp,
    async stop() {
      timers.forEach(clearInterval);
      await settingUp;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([dynamo.stop(), s3.stop()]);
    },
  };
}

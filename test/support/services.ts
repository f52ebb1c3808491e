/**
 * The local services of one test run: one DynamoDB Local (in memory) and one S3 server, shared by
 * the integration tier (a table per file) and the browser tier (one seeded table). The projects'
 * global set-ups run in the same vitest process, so a counted holder on `globalThis` (each project
 * may load this module afresh) starts them once and stops them after the last user.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { REPORT_BUCKET } from '../../infra/local/names';
import { startS3 } from '../../infra/local/s3';

export interface LocalServices {
  dynamoEndpoint: string;
  s3Endpoint: string;
}

interface Holder {
  users: number;
  started: Promise<LocalServices & { stop(): Promise<void> }>;
}

const KEY = Symbol.for('zhurnal.test.localServices');
const slot = globalThis as unknown as Record<symbol, Holder | undefined>;

async function start(): Promise<LocalServices & { stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'zhurnal-s3-'));
  const [dynamo, s3] = await Promise.all([startDynamoDbLocal(), startS3({ directory: dir, buckets: [REPORT_BUCKET] })]);
  return {
    dynamoEndpoint: dynamo.endpoint,
    s3Endpoint: s3.endpoint,
    async stop() {
      await Promise.all([dynamo.stop(), s3.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The run's services, started on first use; call the returned `release` when done with them. */
export async function acquireLocalServices(): Promise<LocalServices & { release(): Promise<void> }> {
  const holder = (slot[KEY] ??= { users: 0, started: start() });
  holder.users++;
  const services = await holder.started;
  let released = false;
  return {
    dynamoEndpoint: services.dynamoEndpoint,
    s3Endpoint: services.s3Endpoint,
    async release() {
      if (released) return;
      released = true;
      if (--holder.users > 0) return;
      slot[KEY] = undefined;
      await services.stop();
    },
  };
}

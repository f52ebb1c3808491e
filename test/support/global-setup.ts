/**
 * Integration tier: one DynamoDB Local (in memory) and one S3 server for the whole run; each test
 * file makes its own table (test/support/dynamo.ts), so files never see each other's data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startS3 } from '../../infra/local/s3';
import { REPORT_BUCKET } from '../../infra/local/names';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'zhurnal-s3-'));
  const [dynamo, s3] = await Promise.all([startDynamoDbLocal(), startS3({ directory: dir, buckets: [REPORT_BUCKET] })]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), s3.stop()]);
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * A fresh table for one integration test file, on the DynamoDB Local of the global setup, with the
 * environment set so the application's own clients use it.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { resetSigningKey } from '../../shared/auth/signing-key';
import { resetConfig } from '../../shared/config';
import { resetClients } from '../../shared/db/client';
import { REPORT_BUCKET } from '../../infra/local/names';
import { ensureTable } from '../../shared/db/ensure-table';
import { forgetJournalRules } from '../../shared/services/journal-settings';

export async function useTestTable(): Promise<{ tableName: string }> {
  const tableName = `t_${randomBytes(6).toString('hex')}`;
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    REPORT_BUCKET,
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    AWS_ENDPOINT_URL_S3: inject('s3Endpoint'),
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    SESSION_SIGNING_KEY: randomBytes(32).toString('base64url'),
  });
  resetConfig();
  resetClients();
  resetSigningKey();
  // Files may share a worker's modules (vitest isolate: false): nothing cached from another file's table.
  forgetJournalRules();
  await ensureTable();
  return { tableName };
}

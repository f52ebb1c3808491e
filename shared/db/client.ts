/**
 * DynamoDB and S3 clients built from configuration. Only plain API calls are used anywhere, so any
 * DynamoDB-/S3-compatible endpoint can stand in for AWS. The SDK counts requests so the bench can
 * report round trips per screen.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { config } from '../config';

let ddb: DynamoDBDocumentClient | undefined;
let s3: S3Client | undefined;

/** Requests sent to DynamoDB since start (read by the bench and by tests of round-trip budgets). */
export const ddbRequestCounter = { count: 0 };

export function dynamo(): DynamoDBDocumentClient {
  if (!ddb) {
    const c = config();
    const base = new DynamoDBClient({ region: c.region, endpoint: c.dynamoEndpoint, maxAttempts: 4 });
    base.middlewareStack.add(
      (next) => async (args) => {
        ddbRequestCounter.count++;
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
    ddb = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  }
  return ddb;
}

export function s3Client(): S3Client {
  if (!s3) {
    const c = config();
    s3 = new S3Client({
      region: c.region,
      endpoint: c.s3Endpoint,
      forcePathStyle: c.s3ForcePathStyle,
      // Local S3 servers store the chunk framing of checksummed streaming uploads (toolchain trap 8);
      // real S3 with Object Lock needs the checksum, so only a custom endpoint turns it off.
      ...(c.s3Endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
    });
  }
  return s3;
}

export function tableName(): string {
  return config().tableName;
}

/** For tests that point the clients at a new endpoint. */
export function resetClients(): void {
  ddb = undefined;
  s3 = undefined;
}

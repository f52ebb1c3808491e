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
let plain: DynamoDBClient | undefined;
let s3: S3Client | undefined;

/** Requests sent to DynamoDB since start (read by the bench and by tests of round-trip budgets). */
export const ddbRequestCounter = { count: 0 };

function counted(client: DynamoDBClient): DynamoDBClient {
  client.middlewareStack.add(
    (next) => async (args) => {
      ddbRequestCounter.count++;
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return client;
}

export function dynamo(): DynamoDBDocumentClient {
  if (!ddb) {
    const c = config();
    const base = counted(new DynamoDBClient({ region: c.region, endpoint: c.dynamoEndpoint, maxAttempts: 4 }));
    ddb = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  }
  return ddb;
}

/** How ./query.ts and ./transact.ts write values for `dynamoPlain` (what the document client does). */
export const MARSHALL = { removeUndefinedValues: true } as const;

/**
 * The plain client, for the requests a journal write is made of (BatchGetItem, TransactWriteItems),
 * which marshal their items themselves with MARSHALL: its middleware stack is resolved once per
 * command type (the SDK's `cacheMiddleware`) instead of on every send, and no document-client walk
 * of every input and output; together 0.2-0.3 ms of Node time per request. Never wrapped in the
 * document client, whose commands cannot be cached (each would send the first one's input again).
 */
export function dynamoPlain(): DynamoDBClient {
  if (!plain) {
    const c = config();
    plain = counted(new DynamoDBClient({ region: c.region, endpoint: c.dynamoEndpoint, maxAttempts: 4, cacheMiddleware: true }));
  }
  return plain;
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
  plain = undefined;
  s3 = undefined;
}

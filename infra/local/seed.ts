/**
 * Loads the demo school (shared/demo) into an empty table: `npm start` and the integration tests
 * call it. Idempotent: when the department item exists the table is already seeded and nothing is
 * written. The department item is written last, after everything else succeeded, so a seed that
 * was interrupted is simply done again (BatchWrite puts overwrite) on the next start.
 */
import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { hashPassword } from '../../shared/auth/password';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { buildDemoSchool, DEMO_DEPARTMENT_ID, DEMO_PASSWORD, type DemoLogin } from '../../shared/demo/index';

const BATCH_SIZE = 25; // DynamoDB's BatchWriteItem limit
const PARALLEL_BATCHES = 8;
const MAX_ATTEMPTS = 10;

export interface SeedResult {
  logins: DemoLogin[];
  /** Items written: 0 when the table was already seeded. */
  items: number;
  ms: number;
}

export async function seedDemoSchool(now: Date): Promise<SeedResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const marker = keys.department(DEMO_DEPARTMENT_ID);

  const existing = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: marker, ConsistentRead: true, ProjectionExpression: 'pk' }),
  );
  if (existing.Item) {
    // The logins do not depend on the hash; skip the (deliberately slow) scrypt.
    return { logins: buildDemoSchool({ passwordHash: '', now }).logins, items: 0, ms: ms() };
  }

  // One scrypt for every demo account: they share the demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { items, logins } = buildDemoSchool({ passwordHash, now });
  const isMarker = (i: Record<string, unknown>) => i.pk === marker.pk && i.sk === marker.sk;
  const department = items.find(isMarker);
  if (!department) throw new Error('The demo school has no department item');

  await batchWriteAll(items.filter((i) => !isMarker(i)));
  try {
    await dynamo().send(
      new PutCommand({ TableName: tableName(), Item: department, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  } catch (e) {
    // Another seeder finished first: its items are the same as ours.
    if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
  }
  return { logins, items: items.length, ms: ms() };
}

/** Writes items in batches of 25, several batches at a time, retrying unprocessed items with backoff. */
export async function batchWriteAll(items: Array<Record<string, unknown>>, parallel = PARALLEL_BATCHES): Promise<void> {
  const batches: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) batches.push(items.slice(i, i + BATCH_SIZE));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await writeBatch(batches[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
}

async function writeBatch(batch: Array<Record<string, unknown>>): Promise<void> {
  const table = tableName();
  let requests = batch.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 1; ; attempt++) {
    const out = await dynamo().send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
    const left = out.UnprocessedItems?.[table] ?? [];
    if (left.length === 0) return;
    if (attempt >= MAX_ATTEMPTS) {
      throw new Error(`Demo seed: ${left.length} items still unprocessed after ${attempt} attempts`);
    }
    requests = left as typeof requests;
    // Exponential backoff with full jitter, as AWS recommends for throttled batch writes.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(2000, 50 * 2 ** attempt)));
  }
}

/**
 * BatchWriteItem for any number of whole items: loaders (the demo school, test fixtures) that put
 * thousands of items where no condition or transaction is needed. Puts overwrite, so a load that
 * was interrupted can simply be run again.
 */
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './client';
import type { Item } from './query';

const BATCH_SIZE = 25; // DynamoDB's BatchWriteItem limit
const PARALLEL_BATCHES = 8;
const MAX_ATTEMPTS = 10;

/**
 * Writes items in batches of 25, several batches at a time, retrying unprocessed items with backoff.
 * `raw`: the items are attribute-value maps as DynamoDB stores them (shared/db/raw-items.ts), written
 * without the document client's conversion.
 */
export async function batchWriteAll(items: Item[], parallel = PARALLEL_BATCHES, opts: { raw?: boolean } = {}): Promise<void> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) batches.push(items.slice(i, i + BATCH_SIZE));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await writeBatch(batches[next++]!, opts.raw === true);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
}

async function writeBatch(batch: Item[], raw: boolean): Promise<void> {
  const table = tableName();
  let requests = batch.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 1; ; attempt++) {
    const input = { RequestItems: { [table]: requests } };
    const out = await dynamo().send(raw ? new BatchWriteItemCommand(input as never) : new BatchWriteCommand(input));
    const left = out.UnprocessedItems?.[table] ?? [];
    if (left.length === 0) return;
    if (attempt >= MAX_ATTEMPTS) {
      throw new Error(`BatchWriteItem: ${left.length} items still unprocessed after ${attempt} attempts`);
    }
    requests = left as typeof requests;
    // Exponential backoff with full jitter, as AWS recommends for throttled batch writes.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(2000, 50 * 2 ** attempt)));
  }
}

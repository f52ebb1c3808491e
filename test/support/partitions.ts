/**
 * Browser-test files share one table (test/support/e2e-setup.ts). A test that saves into data other
 * tests read records the partitions it touches first and puts them back afterwards, so no test
 * depends on another's saves or on the order they run in.
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { onTestFinished } from 'vitest';
import { dynamo, tableName } from '../../shared/db/client';

type Item = Record<string, unknown>;
type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: { pk: unknown; sk: unknown } } };

async function readPartition(pk: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Attribute order is not part of an item: compare with sorted keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Set) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v instanceof Set ? [...v].sort() : v,
  );
}

async function write(requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let batch = requests.slice(i, i + 25);
    for (let attempt = 0; batch.length > 0; attempt++) {
      if (attempt === 10) throw new Error(`${batch.length} writes left unprocessed while restoring partitions`);
      const out = await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName()]: batch } }));
      batch = (out.UnprocessedItems?.[tableName()] ?? []) as WriteRequest[];
      if (batch.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
}

/**
 * Records every item of the partitions `pks`; the function it returns makes them exactly so again:
 * items added since are deleted, changed or deleted ones are written back.
 */
export async function keepPartitions(pks: string[]): Promise<() => Promise<void>> {
  const saved = (await Promise.all(pks.map(readPartition))).flat();
  return async () => {
    const id = (i: Item) => `${String(i.pk)}\u0000${String(i.sk)}`;
    const before = new Map(saved.map((i) => [id(i), i]));
    const now = new Map((await Promise.all(pks.map(readPartition))).flat().map((i) => [id(i), i]));
    const requests: WriteRequest[] = [];
    for (const [key, item] of now) if (!before.has(key)) requests.push({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } });
    for (const [key, item] of before) if (canonical(now.get(key)) !== canonical(item)) requests.push({ PutRequest: { Item: item } });
    await write(requests);
  };
}

/** Called in a test (or its beforeEach): the partitions are put back when the test ends, passed or not. */
export async function keepDuringTest(pks: string[]): Promise<void> {
  onTestFinished(await keepPartitions(pks));
}

/**
 * The two read loops every repository needs: a Query followed through all its pages, and a
 * BatchGetItem that retries what DynamoDB leaves unprocessed. Nothing here knows about keys.
 */
import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './client';

export type Item = Record<string, unknown>;

/** All items of a Query, page after page (each page is one request of the access pattern). */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamo().send(new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Items of a partition whose sort key starts with a prefix. */
export function queryPrefix(pk: string, skPrefix: string, opts: { consistent?: boolean } = {}): Promise<Item[]> {
  return queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
    ConsistentRead: opts.consistent,
  });
}

/** Items of one index partition (gsi1 or gsi2). */
export function queryIndex(index: 'gsi1' | 'gsi2', pk: string): Promise<Item[]> {
  return queryAll({
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk`,
    ExpressionAttributeValues: { ':pk': pk },
  });
}

/** BatchGetItem for up to 100 distinct keys, retrying unprocessed keys a few times. */
export async function batchGet(wanted: Array<{ pk: string; sk: string }>): Promise<Item[]> {
  const unique = [...new Map(wanted.map((k) => [`${k.pk}|${k.sk}`, k])).values()];
  if (unique.length === 0) return [];
  if (unique.length > 100) throw new Error('batchGet takes at most 100 keys');
  const found: Item[] = [];
  let request: Record<string, { Keys: Item[] }> | undefined = { [tableName()]: { Keys: unique } };
  for (let attempt = 0; request && Object.keys(request).length > 0 && attempt < 5; attempt++) {
    const out: BatchGetCommandOutput = await dynamo().send(new BatchGetCommand({ RequestItems: request }));
    found.push(...((out.Responses?.[tableName()] ?? []) as Item[]));
    request = out.UnprocessedKeys as typeof request;
  }
  return found;
}

/** An item without its key attributes and type tag: the entity as the domain sees it. */
export function stripKeys<T>(item: Item | undefined, type: string): T | null {
  if (!item || item.type !== type) return null;
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest } = item;
  return rest as T;
}

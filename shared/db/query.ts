/**
 * The two read loops every repository needs: a Query followed through all its pages, and a
 * BatchGetItem that retries what DynamoDB leaves unprocessed. Nothing here knows about keys.
 */
import { BatchGetItemCommand, type BatchGetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamo, dynamoPlain, MARSHALL, tableName } from './client';

export type Item = Record<string, unknown>;

/**
 * All items of a Query, page after page (each page is one request of the access pattern).
 * `stopAt` ends the paging once that many items are in (a search that shows the first few);
 * `pages` counts the requests, for the screens whose budget is "one Query, plus pages".
 */
export async function queryAll(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  opts: { stopAt?: number; pages?: { count: number } } = {},
): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamo().send(new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey: start }));
    if (opts.pages) opts.pages.count++;
    items.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey;
  } while (start && (opts.stopAt === undefined || items.length < opts.stopAt));
  return items;
}

/** One item by its key, or null. */
export async function getItem(key: { pk: string; sk: string }, opts: { consistent?: boolean } = {}): Promise<Item | null> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: opts.consistent }));
  return (out.Item as Item | undefined) ?? null;
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

/** `projection` (with `names` for its placeholders) reads only some attributes. */
export interface BatchGetOptions {
  consistent?: boolean;
  projection?: string;
  names?: Record<string, string>;
}

/**
 * BatchGetItem for any number of distinct keys: 100 per request (DynamoDB's limit), the requests in
 * parallel, unprocessed keys retried with a short back-off.
 */
export async function batchGet(wanted: Array<{ pk: string; sk: string }>, opts: BatchGetOptions = {}): Promise<Item[]> {
  const unique = [...new Map(wanted.map((k) => [`${k.pk}|${k.sk}`, k])).values()];
  const chunks: Item[][] = [];
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
  const pages = await Promise.all(chunks.map((chunk) => batchGetChunk(chunk, opts)));
  return pages.flat();
}

async function batchGetChunk(keys: Item[], opts: BatchGetOptions): Promise<Item[]> {
  const found: Item[] = [];
  let pending: Item[] | undefined = keys;
  for (let attempt = 0; pending && pending.length > 0 && attempt < 8; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    const Keys = pending.map((k) => marshall(k, MARSHALL));
    const out: BatchGetItemCommandOutput = await dynamoPlain().send(
      new BatchGetItemCommand({ RequestItems: { [tableName()]: { Keys, ConsistentRead: opts.consistent, ProjectionExpression: opts.projection, ExpressionAttributeNames: opts.names } } }),
    );
    for (const item of out.Responses?.[tableName()] ?? []) found.push(unmarshall(item));
    pending = out.UnprocessedKeys?.[tableName()]?.Keys?.map((k) => unmarshall(k));
  }
  // A partial answer would look like missing items (a free timetable guard, an absent account).
  if (pending && pending.length > 0) throw new Error('BatchGetItem left keys unprocessed');
  return found;
}

/** An item without its key attributes and type tag: the entity as the domain sees it. */
export function stripKeys<T>(item: Item | undefined, type: string): T | null {
  if (!item || item.type !== type) return null;
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest } = item;
  return rest as T;
}

/**
 * Writes that must succeed together, and the conditions that make concurrent edits safe. The only
 * place that sends TransactWriteItems and reads why DynamoDB cancelled one: every caller gets the
 * reasons typed, one per operation in order, and maps "which item failed" to its domain error.
 */
import { TransactWriteItemsCommand, type AttributeValue, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { PutCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamo, dynamoPlain, MARSHALL, tableName } from './client';
import type { Item } from './query';

/** One operation of a transaction: Put, Update, Delete or ConditionCheck (TableName included). */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Why DynamoDB refused one operation: `ConditionalCheckFailed` (with the stored item when the
 * operation asked for ALL_OLD), `TransactionConflict`, `None` for the operations that were fine. */
export interface CancellationReason {
  code: string;
  item: Item | null;
}

export class TransactionCancelled extends Error {
  constructor(readonly reasons: CancellationReason[]) {
    super(`Transaction cancelled: ${reasons.map((r) => r.code).join(', ')}`);
    this.name = 'TransactionCancelled';
  }

  /** Indexes of the operations whose condition failed. */
  get failed(): number[] {
    return this.reasons.flatMap((r, i) => (r.code === 'ConditionalCheckFailed' ? [i] : []));
  }

  /** Whether the operation at `index` failed its condition. */
  failedAt(index: number): boolean {
    return this.reasons[index]?.code === 'ConditionalCheckFailed';
  }
}

type RawReason = { Code?: string; Item?: Record<string, AttributeValue> };

/**
 * Sends the operations as one TransactWriteItems (at most 100, DynamoDB's limit). A cancellation
 * is thrown as `TransactionCancelled` with its reasons; anything else as it came. A retry with the
 * same `idempotencyToken` (at most 36 characters) within ten minutes is not applied twice.
 */
export async function transact(items: TransactItem[], opts: { idempotencyToken?: string } = {}): Promise<void> {
  if (items.length === 0) return;
  try {
    await dynamoPlain().send(new TransactWriteItemsCommand({ TransactItems: items.map(plainItem), ClientRequestToken: opts.idempotencyToken }));
  } catch (e) {
    if ((e as Error).name !== 'TransactionCanceledException') throw e;
    const raw = ((e as { CancellationReasons?: RawReason[] }).CancellationReasons ?? []) as RawReason[];
    throw new TransactionCancelled(
      raw.map((r) => ({ code: r.Code ?? 'None', item: r.Item ? (unmarshall(r.Item) as Item) : null })),
    );
  }
}

type Values = Record<string, unknown> | undefined;
const attributes = (values: Values) => (values ? marshall(values, MARSHALL) : undefined);

/** One operation as DynamoDB takes it: its item, key and values marshalled (./client.ts, `dynamoPlain`). */
function plainItem(op: TransactItem): TransactWriteItem {
  const { Put, Update, Delete, ConditionCheck } = op;
  if (Put) return { Put: { ...Put, Item: marshall(Put.Item, MARSHALL), ExpressionAttributeValues: attributes(Put.ExpressionAttributeValues) } };
  if (Update) return { Update: { ...Update, Key: marshall(Update.Key, MARSHALL), ExpressionAttributeValues: attributes(Update.ExpressionAttributeValues) } };
  if (Delete) return { Delete: { ...Delete, Key: marshall(Delete.Key, MARSHALL), ExpressionAttributeValues: attributes(Delete.ExpressionAttributeValues) } };
  if (ConditionCheck) return { ConditionCheck: { ...ConditionCheck, Key: marshall(ConditionCheck.Key, MARSHALL), ExpressionAttributeValues: attributes(ConditionCheck.ExpressionAttributeValues) } };
  throw new Error('A transaction operation is a Put, Update, Delete or ConditionCheck');
}

/** `transact` answering whether it was applied: false when DynamoDB cancelled it (a condition, or
 * another transaction on the same items), for callers that read again and retry or answer a 409. */
export async function transactIf(items: TransactItem[]): Promise<boolean> {
  try {
    await transact(items);
    return true;
  } catch (e) {
    if (e instanceof TransactionCancelled) return false;
    throw e;
  }
}

/**
 * `transact`, where a cancellation (somebody changed one of the items since it was read, or is
 * writing it right now) becomes the domain error `onCancelled` gives: usually a 409 with the value
 * that won, chosen by which operation failed.
 */
export async function transactOr(
  items: TransactItem[],
  onCancelled: (c: TransactionCancelled) => Error | Promise<Error>,
): Promise<void> {
  try {
    await transact(items);
  } catch (e) {
    if (e instanceof TransactionCancelled) throw await onCancelled(e);
    throw e;
  }
}

/** A single conditional write whose condition failed, or a transaction cancelled by one. */
export function conditionFailed(e: unknown): boolean {
  return (e as Error)?.name === 'ConditionalCheckFailedException' || (e instanceof TransactionCancelled && e.failed.length > 0);
}

export type Condition = { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> };

/**
 * Optimistic concurrency, the one way it is spelled: `undefined` creates (the key must be free),
 * 0 updates an item stored before it had a version, n updates version n only. `placeholder` names
 * the value when the operation has other values of its own.
 */
export function versionCondition(expected: number | undefined, placeholder = ':v'): Condition {
  if (expected === undefined) return { ConditionExpression: 'attribute_not_exists(pk)' };
  if (expected === 0) return { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(version)' };
  return { ConditionExpression: `version = ${placeholder}`, ExpressionAttributeValues: { [placeholder]: expected } };
}

/** The condition of a create: nothing is stored under the key yet. */
export const CREATE_ONLY: Condition = { ConditionExpression: 'attribute_not_exists(pk)' };

/** A Put of a whole item in a transaction, on a condition (usually `versionCondition`). */
export function putOp(item: Item, condition?: Condition): TransactItem {
  return { Put: { TableName: tableName(), Item: item, ...condition } };
}

/** A Delete in a transaction, on a condition. */
export function deleteOp(key: { pk: string; sk: string }, condition?: Condition): TransactItem {
  return { Delete: { TableName: tableName(), Key: key, ...condition } };
}

/** A check that cancels the transaction when an item it does not write has changed meanwhile. */
export function checkOp(key: { pk: string; sk: string }, condition: Condition): TransactItem {
  return { ConditionCheck: { TableName: tableName(), Key: key, ...condition } };
}

/** A write DynamoDB refused for the state of the data: a failed condition, or a transaction
 * cancelled for any reason (a condition, or another transaction writing the same item). */
export function writeRefused(e: unknown): boolean {
  return e instanceof TransactionCancelled || conditionFailed(e);
}

/** A single Put on a condition: false when the condition failed (somebody else wrote first). */
export async function putIf(item: Item, condition: Condition): Promise<boolean> {
  try {
    await dynamo().send(new PutCommand({ TableName: tableName(), Item: item, ...condition }));
    return true;
  } catch (e) {
    if (conditionFailed(e)) return false;
    throw e;
  }
}

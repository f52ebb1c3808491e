/**
 * The data layer's own contract on DynamoDB Local: a cancelled transaction comes back with its
 * reasons per operation (and the stored item where asked), the version condition refuses a stale
 * write, and queryAll / batchGet follow every page and every key.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ddbRequestCounter } from '../../shared/db/client';
import { batchGet, getItem, queryAll } from '../../shared/db/query';
import {
  checkOp,
  CREATE_ONLY,
  deleteOp,
  putIf,
  putOp,
  transact,
  TransactionCancelled,
  transactOr,
  versionCondition,
  writeRefused,
} from '../../shared/db/transact';
import { ConflictError } from '../../shared/errors';
import { useTestTable } from '../support/dynamo';

beforeAll(async () => {
  await useTestTable();
});

const key = (n: number, pk = 'T#1') => ({ pk, sk: `ITEM#${String(n).padStart(4, '0')}` });

describe('transact', () => {
  it('should name the operation whose condition failed, with the stored item when asked', async () => {
    await transact([putOp({ ...key(1), version: 1, value: 'first' }, CREATE_ONLY)]);
    const stale = {
      Put: { ...putOp({ ...key(1), version: 2, value: 'second' }, versionCondition(7)).Put!, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const },
    };
    const error = await transact([putOp({ ...key(2), version: 1 }, CREATE_ONLY), stale]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCancelled);
    const c = error as TransactionCancelled;
    expect(c.reasons.map((r) => r.code)).toEqual(['None', 'ConditionalCheckFailed']);
    expect(c.failed).toEqual([1]);
    expect(c.failedAt(0)).toBe(false);
    expect(c.reasons[1]!.item).toMatchObject({ value: 'first', version: 1 });
    expect(writeRefused(c)).toBe(true);
    // Nothing of a cancelled transaction is written.
    expect(await getItem(key(2), { consistent: true })).toBeNull();
  });

  it('should write on the version read and refuse the same version twice', async () => {
    await transact([putOp({ ...key(3), version: 1 }, versionCondition(undefined))]);
    await transact([putOp({ ...key(3), version: 2 }, versionCondition(1))]);
    await expect(transact([putOp({ ...key(3), version: 2 }, versionCondition(1))])).rejects.toBeInstanceOf(TransactionCancelled);
    await expect(transact([putOp({ ...key(3), version: 1 }, versionCondition(undefined))])).rejects.toBeInstanceOf(TransactionCancelled);
    expect(await getItem(key(3), { consistent: true })).toMatchObject({ version: 2 });
  });

  it('should treat 0 as an item stored before it had a version', async () => {
    await transact([putOp({ ...key(4), value: 'old' })]);
    await transact([putOp({ ...key(4), version: 1, value: 'new' }, versionCondition(0))]);
    await expect(transact([putOp({ ...key(4), version: 1 }, versionCondition(0))])).rejects.toBeInstanceOf(TransactionCancelled);
    await expect(transact([putOp({ ...key(5), version: 1 }, versionCondition(0))])).rejects.toBeInstanceOf(TransactionCancelled);
  });

  it('should turn a cancellation into the domain error the caller picks by the failed operation', async () => {
    await transact([putOp({ ...key(6), version: 1 }, CREATE_ONLY)]);
    const attempt = transactOr([checkOp(key(6), versionCondition(1)), deleteOp(key(6), versionCondition(9))], (c) =>
      c.failedAt(1) ? new ConflictError('второе', { failed: c.failed }) : new Error('не то'),
    );
    await expect(attempt).rejects.toMatchObject({ status: 409, message: 'второе', details: { current: { failed: [1] } } });
    expect(await getItem(key(6), { consistent: true })).not.toBeNull();
  });

  it('should answer a single conditional put with false, not an error', async () => {
    expect(await putIf({ ...key(7), version: 1 }, CREATE_ONLY)).toBe(true);
    expect(await putIf({ ...key(7), version: 1 }, CREATE_ONLY)).toBe(false);
  });
});

describe('queryAll and batchGet', () => {
  // ~40 KB items: DynamoDB pages a Query at 1 MB, so 60 of them take more than one page.
  const big = 'x'.repeat(40_000);

  beforeAll(async () => {
    for (let i = 0; i < 60; i += 20) {
      await transact(Array.from({ length: 20 }, (_, j) => putOp({ ...key(i + j, 'BIG#1'), big })));
    }
    for (let i = 0; i < 100; i += 50) {
      await transact(Array.from({ length: 50 }, (_, j) => putOp({ ...key(i + j, 'MANY#1'), n: i + j })));
    }
  });

  it('should follow every page of a Query and count the pages', async () => {
    const pages = { count: 0 };
    const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'BIG#1' } }, { pages });
    expect(items).toHaveLength(60);
    expect(pages.count).toBeGreaterThan(1);
  });

  it('should stop paging once enough items are in', async () => {
    const pages = { count: 0 };
    const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'BIG#1' } }, { pages, stopAt: 1 });
    expect(pages.count).toBe(1);
    expect(items.length).toBeLessThan(60);
  });

  it('should get more than 100 keys (two requests in parallel), each once, absent ones left out', async () => {
    const wanted = [...Array.from({ length: 100 }, (_, i) => key(i, 'MANY#1')), key(0, 'MANY#1'), key(5000, 'MANY#1'), key(5001, 'MANY#1')];
    const before = ddbRequestCounter.count;
    const found = await batchGet(wanted, { consistent: true, projection: 'pk, sk, #n', names: { '#n': 'n' } });
    expect(ddbRequestCounter.count - before).toBe(2);
    expect(found).toHaveLength(100);
    expect(new Set(found.map((i) => i.n)).size).toBe(100);
    expect(found[0]).not.toHaveProperty('big');
  });
});

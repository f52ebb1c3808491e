/**
 * Scheduled jobs against DynamoDB Local: they do what the regulation asks, on the date passed in,
 * and running them twice changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { run as expireAccess } from '../../functions/jobs/expire-access';
import { createAccount, findAccountByLogin, getAccount } from '../../shared/repos/accounts';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { useTestTable } from '../support/dynamo';

beforeAll(async () => {
  await useTestTable();
  await dynamo().send(
    new BatchWriteCommand({
      RequestItems: {
        [tableName()]: [
          { PutRequest: { Item: { ...keys.school('krd', 'sch1'), type: 'school', schoolId: 'sch1', departmentId: 'krd', name: 'Школа 1', shortName: 'Школа 1', city: 'Краснодар', timeZone: 'Europe/Moscow' } } },
        ],
      },
    }),
  );
  const base = { kind: 'staff' as const, departmentId: 'krd', schoolId: 'sch1', grants: [{ role: 'teacher' as const, schoolId: 'sch1' }], status: 'active' as const, passwordHash: 'x', version: 1 };
  await createAccount({ ...base, userId: 'u-temp', login: 'temp', lastName: 'Проверяющий', firstName: 'Пётр', activeUntil: '2026-12-10' });
  await createAccount({ ...base, userId: 'u-perm', login: 'perm', lastName: 'Постоянный', firstName: 'Павел' });
  await createAccount({ ...base, userId: 'u-later', login: 'later', lastName: 'Будущий', firstName: 'Борис', activeUntil: '2027-06-30' });
});

describe('expire-access job (R-04)', () => {
  it('should keep access through its last day in Moscow time', async () => {
    const r = await expireAccess('krd', new Date('2026-12-10T20:59:00Z'));
    expect(r.changed).toBe(0);
    expect((await getAccount('u-temp'))?.status).toBe('active');
  });

  it('should disable an account the day after its access ends, keep it, and change nothing on a second run', async () => {
    const now = new Date('2026-12-10T21:00:00Z'); // 00:00 on 11.12 in Moscow
    const first = await expireAccess('krd', now);
    expect(first).toMatchObject({ job: 'expire-access', checked: 3, changed: 1 });
    const temp = await getAccount('u-temp');
    expect(temp).toMatchObject({ status: 'disabled', disabledReason: 'access_period_ended', login: 'temp' });
    expect((await findAccountByLogin('perm'))?.status).toBe('active');
    expect((await getAccount('u-later'))?.status).toBe('active');
    const second = await expireAccess('krd', now);
    expect(second.changed).toBe(0);
    expect((await getAccount('u-temp'))?.version).toBe(temp!.version);
  });
});

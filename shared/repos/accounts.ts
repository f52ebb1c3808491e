/**
 * Accounts: people who can sign in. One item per person, found by id or (through GSI1) by login.
 * A separate guard item makes the login unique, because a GSI cannot enforce uniqueness.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionFailed, CREATE_ONLY, putOp, transact, type TransactItem } from '../db/transact';
import type { RoleGrant } from '../auth/roles';
import { dynamo, tableName } from '../db/client';
import { batchGet, queryAll, queryIndex, stripKeys, type Item } from '../db/query';
import { keys, sortName } from '../db/keys';

export type AccountKind = 'staff' | 'student' | 'parent' | 'department';
export type AccountStatus = 'pending' | 'active' | 'disabled';

export interface Account {
  userId: string;
  login: string;
  kind: AccountKind;
  lastName: string;
  firstName: string;
  middleName?: string;
  departmentId: string;
  /** The school whose lists show this account (absent for department staff). */
  schoolId?: string;
  /** The class whose class teacher issues this person's code: the student's, or the parent's first child's. */
  classId?: string;
  position?: string;
  grants: RoleGrant[];
  status: AccountStatus;
  passwordHash?: string;
  /** ISO date; access ends by itself after it (R-04: temporary grants, end of employment). */
  activeUntil?: string;
  disabledReason?: string;
  /** Hash of the one activation code that may still be redeemed for this account. */
  currentCodeHash?: string;
  /** Raised by a reset code and by «Выйти на всех устройствах»: session tokens of a lower epoch are refused. */
  sessionEpoch?: number;
  /** The school's date of the last sign-in (R-62: diary activity), written at most once a day. */
  lastSignInOn?: string;
  version: number;
}

const ITEM_TYPE = 'account';

export function displayName(a: Pick<Account, 'lastName' | 'firstName' | 'middleName'>): string {
  return [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' ');
}

export function accountItem(a: Account) {
  return {
    ...keys.account(a.userId),
    ...keys.accountByLogin(a.login),
    ...(a.schoolId ? keys.accountsOfSchool(a.schoolId, sortName(a.lastName, a.firstName), a.userId) : {}),
    type: ITEM_TYPE,
    ...a,
  };
}

function fromItem(item: Record<string, unknown> | undefined): Account | null {
  return stripKeys<Account>(item, ITEM_TYPE);
}

/** An account item read by another repository's BatchGetItem (a write checking its caller). */
export const accountFromItem = (item: Record<string, unknown> | null): Account | null => fromItem(item ?? undefined);

/** `consistent` where a session is judged: an epoch raised a moment ago must already count. */
export async function getAccount(userId: string, consistent = false): Promise<Account | null> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.account(userId), ConsistentRead: consistent }));
  return fromItem(out.Item);
}

export async function findAccountByLogin(login: string): Promise<Account | null> {
  const k = keys.accountByLogin(login);
  const out = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
      ExpressionAttributeValues: { ':pk': k.gsi1pk, ':sk': k.gsi1sk },
      Limit: 1,
    }),
  );
  return fromItem(out.Items?.[0]);
}

/** The put operations that create an account; callers add them to their own transaction. */
export function createAccountOps(a: Account): TransactItem[] {
  return [putOp(accountItem(a), CREATE_ONLY), putOp({ ...keys.loginGuard(a.login), type: 'loginGuard', userId: a.userId }, CREATE_ONLY)];
}

export async function createAccount(a: Account): Promise<void> {
  await transact(createAccountOps(a));
}

export async function disableAccount(userId: string, reason: string, expectedVersion: number): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.account(userId),
        UpdateExpression: 'SET #s = :disabled, disabledReason = :r, version = version + :one',
        ConditionExpression: 'version = :v',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':disabled': 'disabled', ':r': reason, ':v': expectedVersion, ':one': 1 },
      }),
    );
    return true;
  } catch (e) {
    if (conditionFailed(e)) return false;
    throw e;
  }
}

/**
 * Ends every session of the account: its epoch goes up, and tokens carrying the old one are refused.
 * Not versioned: it changes nothing anybody edits, and two at once must both count. Returns the new epoch.
 */
export async function endAllSessions(userId: string): Promise<number> {
  const out = await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.account(userId),
      UpdateExpression: 'ADD sessionEpoch :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(out.Attributes?.sessionEpoch ?? 0);
}

/** Accounts listed in a school (GSI2), a page at a time; for lists and the access-expiry job. */
export async function listAccountsOfSchool(schoolId: string): Promise<Account[]> {
  const items = await queryIndex('gsi2', keys.accountsOfSchoolPartition(schoolId));
  return items.flatMap((i) => fromItem(i) ?? []);
}

/**
 * A school's staff accounts with the fields a name, a role and a status need (teacher lists, the
 * recipient picker): one Query of the school's accounts (GSI2), staff only, never the whole account.
 */
export async function staffAccountItemsOfSchool(schoolId: string): Promise<Item[]> {
  const items = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    FilterExpression: '#k = :staff',
    ExpressionAttributeValues: { ':pk': keys.accountsOfSchoolPartition(schoolId), ':staff': 'staff' },
    ProjectionExpression: 'userId, lastName, firstName, middleName, #p, grants, #s, #k, #t',
    ExpressionAttributeNames: { '#p': 'position', '#s': 'status', '#k': 'kind', '#t': 'type' },
  });
  return items.filter((i) => i.type === 'account');
}

export async function getAccounts(userIds: string[]): Promise<Account[]> {
  return (await batchGet(userIds.map((id) => keys.account(id)))).flatMap((i) => fromItem(i) ?? []);
}

/**
 * The day of a sign-in on the account (R-62: the families' activity in the diary without a log
 * scan). The caller skips it when the account already says today, so it costs at most one write a
 * day per person; the condition keeps a later day from being overwritten by a slower request. Not
 * versioned and not audited: nobody edits it, and it records an event, not a change of data.
 */
export async function recordSignInDay(userId: string, day: string): Promise<void> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.account(userId),
        UpdateExpression: 'SET lastSignInOn = :d',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastSignInOn) OR lastSignInOn < :d)',
        ExpressionAttributeValues: { ':d': day },
      }),
    );
  } catch (e) {
    if (!conditionFailed(e)) throw e;
  }
}

/** What the monitoring needs of every account of a school (one Query of GSI2, projected): kind, grants, status, last sign-in day. */
export interface AccountActivity {
  userId: string;
  kind: AccountKind;
  classId?: string;
  grants: RoleGrant[];
  status: AccountStatus;
  lastSignInOn?: string;
}

export async function accountActivityOfSchool(schoolId: string, pages?: { count: number }): Promise<AccountActivity[]> {
  const items = await queryAll(
    {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.accountsOfSchoolPartition(schoolId) },
      ProjectionExpression: 'userId, #k, classId, grants, #s, lastSignInOn, #t',
      ExpressionAttributeNames: { '#k': 'kind', '#s': 'status', '#t': 'type' },
    },
    pages ? { pages } : {},
  );
  return items.filter((i) => i.type === ITEM_TYPE).map(({ type: _t, ...rest }) => rest as unknown as AccountActivity);
}

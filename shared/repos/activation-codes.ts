/**
 * Activation codes (R-04, clause 4.2): stored as their hash, issued and redeemed each in one
 * transaction with the account and the register of issued logins (clause 5), so a code is used
 * at most once and only the latest code of an account works.
 */
import { keys } from '../db/keys';
import { tableName } from '../db/client';
import { getItem, queryAll, type Item } from '../db/query';
import { transact } from '../db/transact';
import { displayName, type Account } from './accounts';

export interface StoredCode {
  userId: string;
  expiresAtIso: string;
  usedAt?: string;
  register: { pk: string; sk: string };
}

/**
 * Stores a new code for the account on the version read, with its register entry. Throws
 * `TransactionCancelled` when the account changed meanwhile. A `reset` (the account has a password)
 * also removes the password and raises the session epoch in the same update: the old password
 * stops working at once and every open session ends (shared/auth/session-rules.ts).
 */
export async function recordIssuedCode(input: {
  account: Account;
  kind: Account['kind'];
  codeHash: string;
  issuedBy: { userId: string; displayName: string };
  issuedAt: string;
  expiresAt: string;
  register: { pk: string; sk: string };
  reset: boolean;
}): Promise<void> {
  const { account, kind, codeHash, issuedAt, expiresAt, register, reset } = input;
  const by = input.issuedBy;
  await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.account(account.userId),
        UpdateExpression: reset
          ? 'SET currentCodeHash = :h, #s = :pending, version = version + :one ADD sessionEpoch :one REMOVE passwordHash'
          : 'SET currentCodeHash = :h, version = version + :one',
        ConditionExpression: 'version = :v',
        ...(reset ? { ExpressionAttributeNames: { '#s': 'status' } } : {}),
        ExpressionAttributeValues: { ':h': codeHash, ':v': account.version, ':one': 1, ...(reset ? { ':pending': 'pending' } : {}) },
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.activationCode(codeHash),
          type: 'activationCode',
          userId: account.userId,
          issuedBy: by.userId,
          issuedAt,
          expiresAtIso: expiresAt,
          register,
          // Removed by TTL a month after it stops working.
          expiresAt: Math.floor(new Date(expiresAt).getTime() / 1000) + 30 * 24 * 3600,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...register,
          type: 'loginRegisterEntry',
          userId: account.userId,
          login: account.login,
          displayName: displayName(account),
          kind,
          issuedAt,
          issuedBy: by.displayName,
          expiresAt: expiresAt,
          ...(reset ? { reset: true } : {}),
        },
      },
    },
  ]);
}

export async function getActivationCode(codeHash: string): Promise<StoredCode | null> {
  return (await getItem(keys.activationCode(codeHash))) as StoredCode | null;
}

/**
 * Spends the code, sets the password and activates the account, and marks the register entry.
 * Throws `TransactionCancelled` when the code was used or replaced meanwhile.
 */
export async function recordRedeemedCode(input: { code: StoredCode; codeHash: string; userId: string; passwordHash: string; at: string }): Promise<void> {
  const { codeHash, passwordHash, at } = input;
  const item = input.code;
  const account = { userId: input.userId };
  await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.activationCode(codeHash),
        UpdateExpression: 'SET usedAt = :at',
        ConditionExpression: 'attribute_not_exists(usedAt)',
        ExpressionAttributeValues: { ':at': at },
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: keys.account(account.userId),
        UpdateExpression: 'SET passwordHash = :ph, #s = :active, activatedAt = :at, version = version + :one REMOVE currentCodeHash',
        ConditionExpression: 'currentCodeHash = :h',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':ph': passwordHash, ':active': 'active', ':at': at, ':one': 1, ':h': codeHash },
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: item.register,
        UpdateExpression: 'SET redeemedAt = :at',
        ExpressionAttributeValues: { ':at': at },
      },
    },
  ]);
}

/** The register of issued logins of a school, newest first (clause 5). */
export async function listLoginRegister(schoolId: string): Promise<Item[]> {
  return queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.loginRegisterPartition(schoolId) },
    ScanIndexForward: false,
  });
}

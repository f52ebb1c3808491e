/**
 * What the people services share: the school's "today", running one TransactWriteItems with its
 * audit record and turning a cancelled one into a Russian 409, new accounts for students, parents
 * and staff, and reading accounts a hundred at a time.
 */
import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal, RoleGrant } from '../auth/roles';
import { dynamo, tableName } from '../db/client';
import { keys } from '../db/keys';
import { dateInZone } from '../domain/calendar';
import { loginBase } from '../domain/people-names';
import { ConflictError } from '../errors';
import type { Account } from '../repos/accounts';
import { cancellationCodes, isCancelled, newId, reserveLogins } from '../repos/people';
import type { School } from '../repos/school';

/** An account as the people area writes it: the platform's Account plus what set-up records. */
export type AccountRecord = Account & {
  /** Russian explanation of `disabledReason` for the staff screens. */
  disabledNote?: string;
  disabledAt?: string;
  phone?: string;
  /** Staff: first day of employment (clause 4.2). `activeUntil` is its last day (clause 4.3). */
  employedFrom?: string;
  /** Other people's time-limited access on written application (clause 4.5). */
  temporary?: boolean;
  application?: { number: string; date: string };
  importId?: string;
};

/** Why an account was closed; `access_period_ended` is the expiry job's own. */
export const DISABLED_REASONS: Record<string, string> = {
  access_period_ended: 'срок доступа истёк',
  transfer_out: 'обучающийся выбыл из школы',
  graduated: 'обучающийся окончил школу',
  children_left: 'дети выбыли из школы',
  no_children: 'не связан ни с одним обучающимся',
};

export function schoolToday(school: Pick<School, 'timeZone'>, now: Date): string {
  return dateInZone(now, school.timeZone);
}

export const actor = (p: Principal) => ({ userId: p.userId, displayName: p.displayName });

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Runs one transaction (the change and its audit record). A cancelled transaction means somebody
 * changed one of the items since it was read: `onConflict` names which (by the index of the
 * operation whose condition failed) and gives the 409 to answer.
 */
export async function transact(
  items: TransactItem[],
  onConflict: (failedIndexes: number[]) => ConflictError | Promise<ConflictError>,
): Promise<void> {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (e) {
    if (isCancelled(e)) {
      const failed = cancellationCodes(e).flatMap((c, i) => (c === 'ConditionalCheckFailed' ? [i] : []));
      throw await onConflict(failed);
    }
    throw e;
  }
}

/** Accounts by id, in 100-key BatchGets (DynamoDB's limit), retrying unprocessed keys. */
export async function getAccountsById(userIds: string[]): Promise<Map<string, AccountRecord>> {
  const result = new Map<string, AccountRecord>();
  const unique = [...new Set(userIds)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += 100) batches.push(unique.slice(i, i + 100));
  await Promise.all(
    batches.map(async (batch) => {
      let request: Record<string, unknown>[] | undefined = batch.map((id) => keys.account(id));
      for (let attempt = 0; request && request.length > 0 && attempt < 8; attempt++) {
        const out = await dynamo().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: request, ConsistentRead: true } } }));
        for (const i of out.Responses?.[tableName()] ?? []) {
          if (i.type !== 'account') continue;
          const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest } = i;
          result.set(String(rest.userId), rest as unknown as AccountRecord);
        }
        request = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
        if (request?.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
    }),
  );
  return result;
}

export interface PersonInput {
  lastName: string;
  firstName: string;
  middleName?: string;
}

/** New pending accounts (they get activation codes later), with free logins. */
export async function newAccounts(
  people: Array<PersonInput & { userId?: string; prefix: string; kind: Account['kind']; grants: RoleGrant[]; classId?: string; extra?: Partial<AccountRecord> }>,
  school: Pick<School, 'schoolId' | 'departmentId'>,
): Promise<AccountRecord[]> {
  const logins = await reserveLogins(people.map((p) => loginBase(p)));
  return people.map((p, i) => ({
    userId: p.userId ?? newId(p.prefix),
    login: logins[i]!,
    kind: p.kind,
    lastName: p.lastName,
    firstName: p.firstName,
    ...(p.middleName ? { middleName: p.middleName } : {}),
    departmentId: school.departmentId,
    schoolId: school.schoolId,
    ...(p.classId ? { classId: p.classId } : {}),
    grants: p.grants,
    status: 'pending' as const,
    version: 1,
    ...p.extra,
  }));
}

/** The student's account id: written on cards since issue 3; the demo's older cards use u-<student>. */
export function studentUserId(card: { studentId: string; userId?: string }): string {
  return card.userId ?? `u-${card.studentId}`;
}

/** An account closed by a movement comes back as `pending`: access resumes with a new code. */
export function reopened(a: AccountRecord): AccountRecord {
  const { disabledReason: _r, disabledNote: _n, disabledAt: _d, ...rest } = a;
  return { ...rest, status: 'pending' };
}

export function disabled(a: AccountRecord, reason: keyof typeof DISABLED_REASONS, note: string, at: string): AccountRecord {
  return { ...a, status: 'disabled', disabledReason: reason, disabledNote: note, disabledAt: at };
}

/**
 * What the people services share: the school's "today", new accounts for students, parents and
 * staff, and reading accounts by id.
 */
import type { Principal, RoleGrant } from '../auth/roles';
import { keys } from '../db/keys';
import { batchGet, stripKeys } from '../db/query';
import { dateInZone } from '../domain/calendar';
import { loginBase, type Gender } from '../domain/people-names';
import type { Account } from '../repos/accounts';
import { newId, reserveLogins } from '../repos/people';
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
  consent_withdrawn: 'отозвано согласие на обработку персональных данных',
};

export function schoolToday(school: Pick<School, 'timeZone'>, now: Date): string {
  return dateInZone(now, school.timeZone);
}

export const actor = (p: Principal) => ({ userId: p.userId, displayName: p.displayName });

/** Accounts by id (consistent reads: a card's accounts are read just before they are changed). */
export async function getAccountsById(userIds: string[]): Promise<Map<string, AccountRecord>> {
  const found = await batchGet(userIds.map((id) => keys.account(id)), { consistent: true });
  const result = new Map<string, AccountRecord>();
  for (const i of found) {
    const a = stripKeys<AccountRecord>(i, 'account');
    if (a) result.set(a.userId, a);
  }
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

/** A student's card as a person enters it (the form, a row of the import file). */
export interface CardInput {
  lastName: string;
  firstName: string;
  middleName?: string;
  birthDate: string;
  gender?: Gender;
  address?: string;
  personalFileNo?: string;
}

/** The card's fields as stored: the optional ones only when given. */
export function cardFields(card: CardInput): CardInput {
  return {
    lastName: card.lastName,
    firstName: card.firstName,
    ...(card.middleName ? { middleName: card.middleName } : {}),
    birthDate: card.birthDate,
    ...(card.gender ? { gender: card.gender } : {}),
    ...(card.address ? { address: card.address } : {}),
    ...(card.personalFileNo ? { personalFileNo: card.personalFileNo } : {}),
  };
}

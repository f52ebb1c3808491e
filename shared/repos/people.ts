/**
 * Students' personal cards as the people area keeps them (the read side of issue 2 is in
 * ./school.ts): the full card with gender, address, status and consent; its item with the index
 * keys that put it on a class roster, or on the school's list of former students once they left;
 * versioned writes; login reservation for new accounts.
 */
import { randomBytes } from 'node:crypto';
import { batchGet, getItem, queryAll, queryIndex } from '../db/query';
import { CREATE_ONLY, putOp, versionCondition } from '../db/transact';
import { keys, sortName } from '../db/keys';
import type { Movement, StudentStatus } from '../domain/movement';
import type { Gender } from '../domain/people-names';
import { ConflictError } from '../errors';
import { accountItem, type Account } from './accounts';
import type { StudentCard } from './school';

export interface Consent {
  /** Date of the signed document (YYYY-MM-DD). */
  date: string;
  /** What was signed, e.g. «Согласие на обработку ПДн № 12 от 30.08.2026, подписано матерью». */
  document: string;
  recordedBy: string;
  recordedByName: string;
}

/** The personal card in full (R-11, clause 5). Cards written before issue 3 lack the optional parts. */
export interface StudentRecord extends StudentCard {
  gender?: Gender;
  address?: string;
  personalFileNo?: string;
  /** Absent on cards loaded before movement existed: read as 'enrolled'. */
  status?: StudentStatus;
  /** The student's account (for codes and for disabling on leaving). */
  userId?: string;
  consent?: Consent;
  /** Consent withdrawn (R-71): the student's and their parents' access to this card ended then. */
  consentWithdrawn?: Consent;
  /** The day the card was reduced to what the archive needs (shared/domain/retention.ts). */
  archivedOn?: string;
  /** The import run that wrote the card, if any (compensation deletes only its own items). */
  importId?: string;
  version?: number;
}

export const statusOf = (s: Pick<StudentRecord, 'status'>): StudentStatus => s.status ?? 'enrolled';
export const versionOf = (x: { version?: number }): number => x.version ?? 0;

const CARD = 'studentCard';

export function studentItem(s: StudentRecord) {
  const name = sortName(s.lastName, s.firstName);
  const list = statusOf(s) === 'enrolled' ? keys.studentsOfClass(s.schoolId, s.classId, name, s.studentId) : keys.formerStudents(s.schoolId, name, s.studentId);
  return { ...keys.studentCard(s.schoolId, s.studentId), ...list, type: CARD, ...s };
}

function strip<T>(item: Record<string, unknown> | undefined, type: string): T | null {
  if (!item || item.type !== type) return null;
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest } = item;
  return rest as T;
}

export const cardOf = (item: Record<string, unknown> | undefined) => strip<StudentRecord>(item, CARD);


export function createStudentOp(s: StudentRecord) {
  return putOp(studentItem({ ...s, version: 1 }), CREATE_ONLY);
}

export function putStudentOp(s: StudentRecord, expectedVersion: number) {
  // Items written before versions existed count as version 0.
  return putOp(studentItem({ ...s, version: expectedVersion + 1 }), versionCondition(expectedVersion));
}

export function putAccountOp(a: Account, expectedVersion: number) {
  return putOp(accountItem({ ...a, version: expectedVersion + 1 }), versionCondition(expectedVersion));
}

export async function getStudentRecord(schoolId: string, studentId: string): Promise<StudentRecord | null> {
  return cardOf((await getItem(keys.studentCard(schoolId, studentId), { consistent: true })) ?? undefined);
}

/**
 * The card and its movement history in one Query: both live in the student's partition
 * (pk SCH#<sch>#STU#<student>, sk CARD and MOVE#<date>#<order>).
 */
export async function getStudentWithHistory(schoolId: string, studentId: string): Promise<{ card: StudentRecord; movements: Movement[] } | null> {
  const pk = keys.studentCard(schoolId, studentId).pk;
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
  const card = cardOf(items.find((i) => i.type === CARD));
  if (!card) return null;
  const movements = items.flatMap((i) => strip<Movement>(i, 'movement') ?? []);
  movements.sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt));
  return { card, movements };
}

async function cardsOfIndex(pk: string): Promise<StudentRecord[]> {
  return (await queryIndex('gsi2', pk)).flatMap((i) => cardOf(i) ?? []);
}

export function listClassRoster(schoolId: string, classId: string): Promise<StudentRecord[]> {
  return cardsOfIndex(keys.studentsOfClassPartition(schoolId, classId));
}

export function listFormerStudents(schoolId: string): Promise<StudentRecord[]> {
  return cardsOfIndex(keys.formerStudentsPartition(schoolId));
}

/** Every student of the school, current and former: parallel Queries, one per class (no Scan). */
export async function listAllStudents(schoolId: string, classIds: string[]): Promise<StudentRecord[]> {
  const lists = await Promise.all([...classIds.map((c) => listClassRoster(schoolId, c)), listFormerStudents(schoolId)]);
  return lists.flat();
}

/** Parent accounts of the school whose name starts with `prefix` (GSI2 is sorted by name). */
export async function searchParents(schoolId: string, prefix: string, limit = 20): Promise<Account[]> {
  const p = prefix.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
  const items = await queryAll(
    {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :p)',
      FilterExpression: 'kind = :parent',
      ExpressionAttributeValues: { ':pk': keys.accountsOfSchoolPartition(schoolId), ':p': p, ':parent': 'parent' },
    },
    { stopAt: limit },
  );
  return items.slice(0, limit).map((i) => {
    const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, type: _t, ...rest } = i;
    return rest as unknown as Account;
  });
}

/** A new random id: «st-k3x9q2m7». Random rather than counted, so two secretaries never collide. */
export function newId(prefix: string): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `${prefix}-${s}`;
}

/** Which of these logins are already taken (their guard item exists). */
export async function takenLogins(logins: string[]): Promise<Set<string>> {
  const found = await batchGet(logins.map((l) => keys.loginGuard(l)), { projection: 'pk' });
  return new Set(found.map((i) => String(i.pk).slice('LOGIN#'.length)));
}

/**
 * Free logins for people with these bases («ivanov.ip»), unique among themselves and against
 * every login already issued: base, base2, base3 ... A race with another writer is caught later
 * by the conditional put of the login guard.
 */
export async function reserveLogins(bases: string[]): Promise<string[]> {
  const chosen: string[] = new Array(bases.length);
  const next = new Map<string, number>();
  let pending = bases.map((_, i) => i);
  const inUse = new Set<string>();
  for (let round = 0; pending.length > 0; round++) {
    if (round > 20) throw new ConflictError('Не удалось подобрать свободные логины. Повторите попытку.');
    const candidate = new Map<number, string>();
    for (const i of pending) {
      const base = bases[i]!;
      let n = next.get(base) ?? 1;
      let login = n === 1 ? base : `${base}${n}`;
      while (inUse.has(login)) login = `${base}${++n}`;
      next.set(base, n + 1);
      inUse.add(login);
      candidate.set(i, login);
    }
    const taken = await takenLogins([...candidate.values()]);
    const retry: number[] = [];
    for (const [i, login] of candidate) {
      if (taken.has(login)) retry.push(i);
      else chosen[i] = login;
    }
    pending = retry;
  }
  return chosen;
}

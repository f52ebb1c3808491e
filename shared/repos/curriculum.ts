/**
 * Curriculum data: the school's subjects, the year's curriculum lines with each
 * teacher's load, the subgroups of a class x period and the substitutes. Item builders here are the
 * one shape of these items: services write them, the demo generator produces them.
 *
 * Access patterns:
 * - subjects of a school: Query SCH#<sch> begins_with SUBJ#
 * - curriculum of a year (or of a class): Query SCH#<sch>#YEAR#<year> begins_with LOAD#[<class>#]
 * - a teacher's own load ("my classes and subjects"): Query gsi1 SCH#<sch>#YEAR#<year>#TEACHER#<t>
 * - subgroups / substitutes of a class x period: in the journal partition, read with the journal's
 *   own Query; the set-up screens read them with one Query of that partition filtered by type.
 */
import { scopedRead } from '../db/read-scope';
import { keys } from '../db/keys';
import { batchGet, getItem, queryAll } from '../db/query';
import { deleteOp, putOp, versionCondition, type TransactItem } from '../db/transact';
import { WHOLE_CLASS, type LoadLine, type Subject, type SubgroupSet, type SubstituteAssignment, type TeacherLoad } from '../domain/curriculum';
import { displayName, staffAccountItemsOfSchool, type Account } from './accounts';

type Item = Record<string, unknown>;

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type'];

export function stripKeys<T>(item: Item): T {
  const rest: Item = { ...item };
  for (const k of KEY_ATTRIBUTES) delete rest[k];
  return rest as T;
}

/** Every page of a Query (shared/db/query.ts). */
export const queryItems = queryAll;

// --- subjects ----------------------------------------------------------------------------------

export function subjectItem(s: Subject): Item {
  return { ...keys.subject(s.schoolId, s.subjectId), type: 'subject', ...s };
}

/** Writes a subject: created when `expected` is absent, else on the version read. */
export function putSubjectOp(s: Subject, expected?: number): TransactItem {
  return putOp(subjectItem(s), versionCondition(expected));
}

/** Shared within a read scope (shared/db/read-scope.ts: the period close reads it once). */
export function listSubjects(schoolId: string): Promise<Subject[]> {
  return scopedRead(['listSubjects', schoolId], () => listSubjectsNow(schoolId));
}

async function listSubjectsNow(schoolId: string): Promise<Subject[]> {
  const k = keys.subjectsPrefix(schoolId);
  const items = await queryItems({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': k.pk, ':p': k.skPrefix },
  });
  return items
    .filter((i) => i.type === 'subject')
    .map((i) => stripKeys<Subject>(i))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

export async function getSubject(schoolId: string, subjectId: string): Promise<Subject | null> {
  const item = await getItem(keys.subject(schoolId, subjectId));
  return item?.type === 'subject' ? stripKeys<Subject>(item) : null;
}

// --- curriculum lines and teachers' load -------------------------------------------------------

/** The items of a curriculum line: the line itself and, when split, one item per group. */
export function loadLineItems(line: LoadLine): Item[] {
  const { schoolId: sch, yearId, classId, subjectId } = line;
  const items: Item[] = [
    {
      ...keys.load(sch, yearId, classId, subjectId),
      ...(line.teacherId ? keys.loadOfTeacher(sch, yearId, line.teacherId, classId, subjectId) : {}),
      type: 'loadLine',
      ...line,
    },
  ];
  for (const g of line.groups ?? []) {
    items.push({
      ...keys.loadGroup(sch, yearId, classId, subjectId, g.groupId),
      ...keys.loadOfTeacher(sch, yearId, g.teacherId, classId, subjectId),
      type: 'loadGroup',
      schoolId: sch,
      yearId,
      classId,
      subjectId,
      groupId: g.groupId,
      groupName: g.name,
      teacherId: g.teacherId,
      hoursPerWeek: line.hoursPerWeek,
    });
  }
  return items;
}

function lineOf(item: Item): LoadLine {
  return stripKeys<LoadLine>(item);
}

/** The curriculum of a year, or of one class. */
/** The writes of a curriculum line: the line on the version read (created when `expected` is
 * absent), its groups' items, and the deletion of groups it no longer has. */
export function putLoadLineOps(line: LoadLine, expected: number | undefined, removedGroupIds: readonly string[]): TransactItem[] {
  const [lineItem, ...groupItems] = loadLineItems(line);
  return [
    putOp(lineItem!, versionCondition(expected)),
    ...groupItems.map((i) => putOp(i)),
    ...removedGroupIds.map((g) => deleteOp(keys.loadGroup(line.schoolId, line.yearId, line.classId, line.subjectId, g))),
  ];
}

/** Deletes a curriculum line on the version read, with its groups' items. */
export function deleteLoadLineOps(line: LoadLine): TransactItem[] {
  return [
    deleteOp(keys.load(line.schoolId, line.yearId, line.classId, line.subjectId), versionCondition(line.version)),
    ...(line.groups ?? []).map((g) => deleteOp(keys.loadGroup(line.schoolId, line.yearId, line.classId, line.subjectId, g.groupId))),
  ];
}

/** The stored items of the given class x subject lines (for their group names), read consistently. */
export function getLoadLineItems(schoolId: string, yearId: string, lines: ReadonlyArray<{ classId: string; subjectId: string }>): Promise<Item[]> {
  return batchGet(lines.map((l) => keys.load(schoolId, yearId, l.classId, l.subjectId)), { consistent: true });
}

export async function listLoad(schoolId: string, yearId: string, classId?: string): Promise<LoadLine[]> {
  const items = await queryItems({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.yearPlan(schoolId, yearId), ':p': keys.loadPrefix(classId), ':t': 'loadLine' },
    FilterExpression: '#t = :t',
    ExpressionAttributeNames: { '#t': 'type' },
  });
  return items.map(lineOf);
}

export async function getLoad(schoolId: string, yearId: string, classId: string, subjectId: string, consistent = false): Promise<LoadLine | null> {
  const item = await getItem(keys.load(schoolId, yearId, classId, subjectId), { consistent });
  return item?.type === 'loadLine' ? lineOf(item) : null;
}

/**
 * A teacher's own load for a year: the classes, subjects and groups they teach ("my classes and
 * subjects" of the journal). One Query of gsi1.
 */
export async function listLoadOfTeacher(schoolId: string, yearId: string, teacherId: string): Promise<TeacherLoad[]> {
  const items = await queryItems({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.loadOfTeacherPartition(schoolId, yearId, teacherId) },
  });
  const result: TeacherLoad[] = [];
  for (const i of items) {
    if (i.type === 'loadLine') {
      const l = lineOf(i);
      if (l.teacherId === teacherId) result.push({ classId: l.classId, subjectId: l.subjectId, groupId: WHOLE_CLASS, teacherId, hoursPerWeek: l.hoursPerWeek });
    } else if (i.type === 'loadGroup' && i.teacherId === teacherId) {
      result.push({
        classId: i.classId as string,
        subjectId: i.subjectId as string,
        groupId: i.groupId as string,
        groupName: i.groupName as string,
        teacherId,
        hoursPerWeek: i.hoursPerWeek as number,
      });
    }
  }
  return result;
}

// --- subgroups and substitutes (journal partition) ---------------------------------------------

export function subgroupsItem(set: SubgroupSet): Item {
  return { ...keys.subgroups(set.schoolId, set.classId, set.periodId, set.subjectId), type: 'subgroups', ...set };
}

export function substituteItem(sub: SubstituteAssignment & { createdBy?: string; createdAt?: string }): Item {
  return { ...keys.substitute(sub.schoolId, sub.classId, sub.periodId, sub.subjectId, sub.from, sub.teacherId), type: 'substitute', ...sub };
}

/** Writes a make-up of subgroups: created when `expected` is absent, else on the version read. */
export function putSubgroupsOp(set: SubgroupSet, expected?: number): TransactItem {
  return putOp(subgroupsItem(set), versionCondition(expected));
}

/** The subgroups of one class x subject in several periods, read consistently (absent ones left out). */
export async function getSubgroupSets(schoolId: string, classId: string, subjectId: string, periodIds: readonly string[]): Promise<SubgroupSet[]> {
  const items = await batchGet(periodIds.map((p) => keys.subgroups(schoolId, classId, p, subjectId)), { consistent: true });
  return items.filter((i) => i.type === 'subgroups').map((i) => stripKeys<SubgroupSet>(i));
}

export function putSubstituteOp(sub: SubstituteAssignment & { createdBy?: string; createdAt?: string }, expected?: number): TransactItem {
  return putOp(substituteItem(sub), versionCondition(expected));
}

export function deleteSubstituteOp(sub: SubstituteAssignment): TransactItem {
  return deleteOp(keys.substitute(sub.schoolId, sub.classId, sub.periodId, sub.subjectId, sub.from, sub.teacherId), versionCondition(sub.version));
}

export async function getSubgroups(schoolId: string, classId: string, periodId: string, subjectId: string, consistent = false): Promise<SubgroupSet | null> {
  const item = await getItem(keys.subgroups(schoolId, classId, periodId, subjectId), { consistent });
  return item?.type === 'subgroups' ? stripKeys<SubgroupSet>(item) : null;
}

async function journalItemsOfType(schoolId: string, classId: string, periodId: string, type: string): Promise<Item[]> {
  return queryItems({
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: '#t = :t',
    ExpressionAttributeNames: { '#t': 'type' },
    ExpressionAttributeValues: { ':pk': keys.journalPartition(schoolId, classId, periodId), ':t': type },
  });
}

export async function listSubgroups(schoolId: string, classId: string, periodId: string): Promise<SubgroupSet[]> {
  return (await journalItemsOfType(schoolId, classId, periodId, 'subgroups')).map((i) => stripKeys<SubgroupSet>(i));
}

export async function listSubstitutes(schoolId: string, classId: string, periodId: string): Promise<SubstituteAssignment[]> {
  const items = await journalItemsOfType(schoolId, classId, periodId, 'substitute');
  return items.map((i) => stripKeys<SubstituteAssignment>(i)).sort((a, b) => a.from.localeCompare(b.from));
}

export async function getSubstitute(
  schoolId: string,
  classId: string,
  periodId: string,
  subjectId: string,
  from: string,
  teacherId: string,
): Promise<SubstituteAssignment | null> {
  const item = await getItem(keys.substitute(schoolId, classId, periodId, subjectId, from, teacherId), { consistent: true });
  return item?.type === 'substitute' ? stripKeys<SubstituteAssignment>(item) : null;
}

// --- teachers ---------------------------------------------------------------------------------

export interface TeacherInfo {
  userId: string;
  /** «Петрова Анна Ивановна». */
  name: string;
  /** «Петрова А. И.» for grids. */
  shortName: string;
  position?: string;
}

export function shortPersonName(a: Pick<Account, 'lastName' | 'firstName' | 'middleName'>): string {
  const initials = [a.firstName, a.middleName].filter(Boolean).map((n) => `${n!.slice(0, 1)}.`).join(' ');
  return initials ? `${a.lastName} ${initials}` : a.lastName;
}

/** Whether an account may be given lessons in a school: a teacher (or class teacher) with access. */
export function isTeacherOf(a: Pick<Account, 'grants' | 'status' | 'kind'>, schoolId: string): boolean {
  return (
    a.kind === 'staff' &&
    a.status !== 'disabled' &&
    a.grants.some((g) => (g.role === 'teacher' || g.role === 'classTeacher') && 'schoolId' in g && g.schoolId === schoolId)
  );
}

export function teacherInfo(a: Account): TeacherInfo {
  return { userId: a.userId, name: displayName(a), shortName: shortPersonName(a), position: a.position };
}

/** The teachers of a school, by name: one Query of the school's accounts, staff only. */
export async function listTeachers(schoolId: string): Promise<TeacherInfo[]> {
  return (await staffAccountItemsOfSchool(schoolId))
    .map((i) => stripKeys<Account>(i))
    .filter((a) => isTeacherOf(a, schoolId))
    .map(teacherInfo);
}

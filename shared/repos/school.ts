/**
 * Department, schools, classes and students' personal cards: the read side that issue-2 screens
 * need. School set-up (issue 3) adds the writes.
 */
import { scopedRead } from '../db/read-scope';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../db/client';
import { batchGet, queryIndex, queryPrefix, stripKeys, type Item } from '../db/query';
import { CREATE_ONLY, putOp, versionCondition } from '../db/transact';
import { keys } from '../db/keys';
import type { LockDays } from '../domain/settings';

export interface Department {
  departmentId: string;
  name: string;
  lockDays: LockDays;
  marksInAdvanceAllowed: boolean;
}

export interface School {
  schoolId: string;
  departmentId: string;
  name: string;
  shortName: string;
  city: string;
  timeZone: string;
}

export interface SchoolClass {
  classId: string;
  schoolId: string;
  grade: number;
  letter: string;
  yearId: string;
  classTeacherId?: string;
  classTeacherName?: string;
}

export interface StudentCard {
  studentId: string;
  schoolId: string;
  classId: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  birthDate: string;
  parentIds: string[];
  /** written consent to personal-data processing, recorded before access is issued. */
  consentRecordedAt?: string;
}

export function className(c: Pick<SchoolClass, 'grade' | 'letter'>): string {
  return `${c.grade}${c.letter}`;
}


export async function getDepartment(departmentId: string): Promise<Department | null> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.department(departmentId) }));
  return stripKeys<Department>(out.Item, 'department');
}

/** The department and school items as stored, in one request (the journal's rules come from both); shared within a read scope (shared/db/read-scope.ts). */
export function getDepartmentAndSchoolItems(departmentId: string, schoolId: string): Promise<{ department: Item | null; school: Item | null }> {
  return scopedRead(['getDepartmentAndSchoolItems', departmentId, schoolId], () => getDepartmentAndSchoolItemsNow(departmentId, schoolId));
}

async function getDepartmentAndSchoolItemsNow(departmentId: string, schoolId: string): Promise<{ department: Item | null; school: Item | null }> {
  const dk = keys.department(departmentId);
  const sk = keys.school(departmentId, schoolId);
  const items = await batchGet([dk, sk]);
  const find = (k: { pk: string; sk: string }) => items.find((i) => i.pk === k.pk && i.sk === k.sk) ?? null;
  return { department: find(dk), school: find(sk) };
}

export async function getSchool(departmentId: string, schoolId: string): Promise<School | null> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.school(departmentId, schoolId) }));
  return stripKeys<School>(out.Item, 'school');
}

export async function listSchools(departmentId: string): Promise<School[]> {
  const k = keys.schoolsPrefix(departmentId);
  return (await queryPrefix(k.pk, k.skPrefix)).flatMap((i) => stripKeys<School>(i, 'school') ?? []);
}

export async function listClasses(schoolId: string): Promise<SchoolClass[]> {
  const k = keys.classesPrefix(schoolId);
  const classes = (await queryPrefix(k.pk, k.skPrefix)).flatMap((i) => stripKeys<SchoolClass>(i, 'class') ?? []);
  return classes.sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, 'ru'));
}

/** Shared within a read scope (shared/db/read-scope.ts: the period close reads it once). */
export function getClass(schoolId: string, classId: string): Promise<SchoolClass | null> {
  return scopedRead(['getClass', schoolId, classId], () => getClassNow(schoolId, classId));
}

async function getClassNow(schoolId: string, classId: string): Promise<SchoolClass | null> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.class(schoolId, classId) }));
  return stripKeys<SchoolClass>(out.Item, 'class');
}

export async function getStudentCard(schoolId: string, studentId: string): Promise<StudentCard | null> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.studentCard(schoolId, studentId) }));
  return stripKeys<StudentCard>(out.Item, 'studentCard');
}

export async function getStudentCards(refs: Array<{ schoolId: string; studentId: string }>): Promise<StudentCard[]> {
  const items = await batchGet(refs.map((r) => keys.studentCard(r.schoolId, r.studentId)));
  return items.flatMap((i) => stripKeys<StudentCard>(i, 'studentCard') ?? []);
}

/** Schools and students' cards by key, in one BatchGetItem (the home screen's /me). */
export async function getSchoolsAndCards(
  departmentId: string,
  schoolIds: string[],
  cardRefs: Array<{ schoolId: string; studentId: string }>,
): Promise<{ schools: School[]; cards: StudentCard[] }> {
  const wanted = [...schoolIds.map((id) => keys.school(departmentId, id)), ...cardRefs.map((r) => keys.studentCard(r.schoolId, r.studentId))];
  const items = await batchGet(wanted);
  return {
    schools: items.flatMap((i) => stripKeys<School>(i, 'school') ?? []),
    cards: items.flatMap((i) => stripKeys<StudentCard>(i, 'studentCard') ?? []),
  };
}

export async function getClasses(refs: Array<{ schoolId: string; classId: string }>): Promise<SchoolClass[]> {
  const items = await batchGet(refs.map((r) => keys.class(r.schoolId, r.classId)));
  return items.flatMap((i) => stripKeys<SchoolClass>(i, 'class') ?? []);
}

/** Shared within a read scope (shared/db/read-scope.ts: the period close reads it once). */
export function listStudentsOfClass(schoolId: string, classId: string): Promise<StudentCard[]> {
  return scopedRead(['listStudentsOfClass', schoolId, classId], () => listStudentsOfClassNow(schoolId, classId));
}

async function listStudentsOfClassNow(schoolId: string, classId: string): Promise<StudentCard[]> {
  const items = await queryIndex('gsi2', keys.studentsOfClassPartition(schoolId, classId));
  return items.flatMap((i) => stripKeys<StudentCard>(i, 'studentCard') ?? []);
}

// --- writes (issue 3, people area) ------------------------------------------------------------

/** A class as stored, with its version (demo classes were written without one: version 0). */
export type ClassRecord = SchoolClass & { version?: number };

export function classItem(c: ClassRecord) {
  return { ...keys.class(c.schoolId, c.classId), type: 'class', ...c };
}

/** Creates a class; the key (grade + letter) makes a second «5А» in one school impossible. */
export function createClassOp(c: ClassRecord) {
  return putOp(classItem({ ...c, version: 1 }), CREATE_ONLY);
}

/** Replaces a class if nobody changed it since it was read at `expectedVersion`. */
export function putClassOp(c: ClassRecord, expectedVersion: number) {
  return putOp(classItem({ ...c, version: expectedVersion + 1 }), versionCondition(expectedVersion));
}

/** Reads a class strongly consistently, for the read-modify-write of an edit. */
export async function getClassForUpdate(schoolId: string, classId: string): Promise<ClassRecord | null> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.class(schoolId, classId), ConsistentRead: true }));
  return stripKeys<ClassRecord>(out.Item, 'class');
}

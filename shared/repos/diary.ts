/**
 * The diary's reads (issue 12, R-50). The two data reads of a week are the budget's two Queries:
 * the student's own marks and attendance on the diary index (gsi1 `STU#<sch>#<student>`, by date,
 * across classes and periods) and the class's lessons on the class-day index (gsi2, by date; the
 * journal's lessons, so timetable changes are already in them). The rest is the context a screen
 * needs around them: the card with the movement history (one Query of the student's partition),
 * the school's items and the year, teachers' names and the subgroups of split subjects by key.
 */
import { keys } from '../db/keys';
import { batchGet, queryAll, stripKeys } from '../db/query';
import type { JournalAttendance, JournalMark } from '../domain/journal-model';
import type { LoadLine, Subject, SubgroupSet } from '../domain/curriculum';
import type { AcademicYear } from '../domain/year';
import { shortPersonName } from './curriculum';
import type { MovementRecord } from './movement';
import { FINAL_MARK_TYPE, finalMarkKey, finalMarkOf, type StoredFinalMark } from './period-marks';
import type { StudentCard } from './school';

export interface DiaryEntries {
  marks: Array<JournalMark & { subjectId: string; classId: string; periodId: string }>;
  attendance: Array<JournalAttendance & { subjectId: string; classId: string; periodId: string }>;
}

/** The student's marks and attendance dated from..to (inclusive): ONE Query of the diary index. */
export async function readDiaryEntries(schoolId: string, studentId: string, from: string, to: string, pages?: { count: number }): Promise<DiaryEntries> {
  const items = await queryAll(
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.diaryPartition(schoolId, studentId), ':from': from, ':to': `${to}#\uffff` },
    },
    pages ? { pages } : {},
  );
  const out: DiaryEntries = { marks: [], attendance: [] };
  for (const i of items) {
    if (i.deleted) continue;
    if (i.type === 'mark') out.marks.push(stripKeys<DiaryEntries['marks'][number]>(i, 'mark')!);
    else if (i.type === 'attendance') out.attendance.push(stripKeys<DiaryEntries['attendance'][number]>(i, 'attendance')!);
  }
  return out;
}

/** The card and the movement history: ONE Query of the student's own partition. */
export async function readStudentRecords(schoolId: string, studentId: string): Promise<{ card: (StudentCard & { status?: string }) | null; movements: MovementRecord[] }> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.studentCard(schoolId, studentId).pk },
  });
  return {
    card: items.map((i) => stripKeys<StudentCard & { status?: string }>(i, 'studentCard')).find((c) => c !== null) ?? null,
    movements: items.flatMap((i) => stripKeys<MovementRecord>(i, 'movement') ?? []),
  };
}

/** The classes and school years a week names, in one BatchGetItem. */
export async function readSchoolYears(schoolId: string, classIds: readonly string[], yearIds: readonly string[]): Promise<{ classes: DiaryClass[]; years: AcademicYear[] }> {
  const items = await batchGet([...classIds.map((c) => keys.class(schoolId, c)), ...yearIds.map((y) => keys.year(schoolId, y))]);
  return {
    classes: items.flatMap((i) => stripKeys<DiaryClass>(i, 'class') ?? []),
    years: items.flatMap((i) => stripKeys<AcademicYear>(i, 'academicYear') ?? []),
  };
}

export interface DiaryClass {
  classId: string;
  grade: number;
  letter: string;
  yearId: string;
}

export interface DiaryPeople {
  teacherNames: Map<string, string>;
  subgroups: SubgroupSet[];
}

/**
 * Teachers' short names («Иванова А. П.») and subgroup sets by key, in one BatchGetItem:
 * the few a week names, never the school's whole staff list.
 */
export async function readDiaryPeople(
  schoolId: string,
  want: { teacherIds: readonly string[]; subgroups: ReadonlyArray<{ classId: string; periodId: string; subjectId: string }> },
): Promise<DiaryPeople> {
  const wanted = [
    ...want.teacherIds.map((t) => keys.account(t)),
    ...want.subgroups.map((g) => keys.subgroups(schoolId, g.classId, g.periodId, g.subjectId)),
  ];
  if (wanted.length === 0) return { teacherNames: new Map(), subgroups: [] };
  const items = await batchGet(wanted, {
    projection: '#t, classId, userId, lastName, firstName, middleName, schoolId, periodId, subjectId, #g',
    names: { '#t': 'type', '#g': 'groups' },
  });
  const teacherNames = new Map<string, string>();
  for (const i of items) {
    if (i.type === 'account' && typeof i.userId === 'string') teacherNames.set(i.userId, shortPersonName({ lastName: String(i.lastName ?? ''), firstName: String(i.firstName ?? ''), ...(typeof i.middleName === 'string' ? { middleName: i.middleName } : {}) }));
  }
  return {
    teacherNames,
    subgroups: items.flatMap((i) => stripKeys<SubgroupSet>(i, 'subgroups') ?? []),
  };
}

/** The context of one subject's page, in one BatchGetItem: the rules' items, the year, the curriculum line and the subject. */
export async function readStudentSubjectContext(departmentId: string, schoolId: string, yearId: string, classId: string, subjectId: string) {
  const k = {
    department: keys.department(departmentId),
    school: keys.school(departmentId, schoolId),
    year: keys.year(schoolId, yearId),
    line: keys.load(schoolId, yearId, classId, subjectId),
    subject: keys.subject(schoolId, subjectId),
  };
  const items = await batchGet(Object.values(k));
  const find = (key: { pk: string; sk: string }) => items.find((i) => i.pk === key.pk && i.sk === key.sk) ?? null;
  return {
    department: find(k.department),
    school: find(k.school),
    year: stripKeys<AcademicYear>(find(k.year) ?? undefined, 'academicYear'),
    line: stripKeys<LoadLine>(find(k.line) ?? undefined, 'loadLine'),
    subject: stripKeys<Subject>(find(k.subject) ?? undefined, 'subject'),
  };
}

/** The student's period and year marks of one subject: ONE BatchGetItem by key. */
export async function readStudentFinalMarks(s: { schoolId: string; classId: string; yearId: string; periodId: string; subjectId: string; studentId: string }): Promise<{ period: StoredFinalMark | null; year: StoredFinalMark | null }> {
  const slot = { schoolId: s.schoolId, classId: s.classId, yearId: s.yearId, subjectId: s.subjectId, studentId: s.studentId };
  const pk = finalMarkKey({ ...slot, kind: 'period', periodId: s.periodId });
  const yk = finalMarkKey({ ...slot, kind: 'year' });
  const items = await batchGet([pk, yk]);
  const find = (key: { pk: string; sk: string }) => {
    const i = items.find((x) => x.pk === key.pk && x.sk === key.sk && x.type === FINAL_MARK_TYPE);
    return i ? finalMarkOf(i) : null;
  };
  return { period: find(pk), year: find(yk) };
}

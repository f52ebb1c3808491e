/**
 * Paper progress reports (R-52): parents' written applications and the class x fortnight reports,
 * with the audit record in the same transaction as each change; and the diary index read of one
 * pupil's fortnight. One function per access pattern; services decide, this module reads and writes.
 */
import { keys } from '../db/keys';
import { CREATE_ONLY, putOp, transactIf, versionCondition } from '../db/transact';
import { batchGet, getItem, queryAll, queryPrefix, stripKeys, type Item } from '../db/query';
import type { DiaryAttendance, DiaryMark, HandOver, PaperApplication } from '../domain/paper-reports';
import { auditPut, type AuditEntry } from './audit';
import { JOURNAL_TYPES } from './journal';
import { cardOf, type StudentRecord } from './people';

const APPLICATION = 'paperApplication';
const REPORT = 'paperReport';

export interface PaperReportPupil {
  studentId: string;
  name: string;
  parentName: string;
  applicationId: string;
  handedOver?: HandOver;
}

export interface PaperReport {
  schoolId: string;
  yearId: string;
  classId: string;
  className: string;
  /** Grade-specific holidays (grade 1's February week) do not count towards the hand-over deadline. */
  grade: number;
  fortnightId: string;
  from: string;
  to: string;
  /** An instant, and the school-local day it fell on (the hand-over deadline counts from that day). */
  generatedAt: string;
  generatedOn: string;
  /** The PDF in the report bucket (shared/repos/reports.ts). */
  s3Key: string;
  pupils: PaperReportPupil[];
  version: number;
}

type Audit = Omit<AuditEntry, 'schoolId' | 'entity'>;

// --- applications --------------------------------------------------------------------------------

const applicationItem = (a: PaperApplication): Item => ({ ...keys.paperApplication(a.schoolId, a.applicationId), type: APPLICATION, ...a });

export async function listApplicationsOfSchool(schoolId: string): Promise<PaperApplication[]> {
  const items = await queryPrefix(keys.paperApplicationsPartition(schoolId), keys.paperApplicationsPrefix());
  return items.flatMap((i) => stripKeys<PaperApplication>(i, APPLICATION) ?? []);
}

export async function getApplication(schoolId: string, applicationId: string): Promise<PaperApplication | null> {
  return stripKeys<PaperApplication>((await getItem(keys.paperApplication(schoolId, applicationId), { consistent: true })) ?? undefined, APPLICATION);
}

/** Creates the application with its audit record; false when one with that date and number exists. */
export function createApplication(a: PaperApplication, audit: Audit): Promise<boolean> {
  return transactIf([putOp(applicationItem(a), CREATE_ONLY), auditPut({ ...audit, schoolId: a.schoolId, entity: `PAPERAPP#${a.applicationId}`, after: a })]);
}

/** Stores the changed application (a withdrawal) if it is still at `expectedVersion`. */
export function saveApplication(a: PaperApplication, expectedVersion: number, audit: Audit & { before: unknown }): Promise<boolean> {
  return transactIf([putOp(applicationItem(a), versionCondition(expectedVersion)), auditPut({ ...audit, schoolId: a.schoolId, entity: `PAPERAPP#${a.applicationId}`, after: a })]);
}

// --- reports -------------------------------------------------------------------------------------

const reportItem = (r: PaperReport): Item => ({ ...keys.paperReport(r.schoolId, r.yearId, r.classId, r.fortnightId), type: REPORT, ...r });

export async function getReport(schoolId: string, yearId: string, classId: string, fortnightId: string, consistent = false): Promise<PaperReport | null> {
  return stripKeys<PaperReport>((await getItem(keys.paperReport(schoolId, yearId, classId, fortnightId), { consistent })) ?? undefined, REPORT);
}

/** A class's reports of a school year (one Query), or the whole school's when no class is named. */
export async function listReports(schoolId: string, yearId: string, classId?: string): Promise<PaperReport[]> {
  const items = await queryPrefix(keys.paperReportsPartition(schoolId, yearId), keys.paperReportsPrefix(classId));
  return items.flatMap((i) => stripKeys<PaperReport>(i, REPORT) ?? []);
}

/** Creates the class's report of the fortnight; false when it exists (the job ran already: one report, not two). */
export function createReport(r: PaperReport, audit: Audit): Promise<boolean> {
  const { pupils, ...summary } = r;
  const after = { ...summary, pupils: pupils.map((p) => p.studentId) };
  return transactIf([putOp(reportItem(r), CREATE_ONLY), auditPut({ ...audit, schoolId: r.schoolId, entity: `PAPERREP#${r.classId}#${r.fortnightId}`, after })]);
}

/** Stores the report's pupils (a hand-over recorded) if it is still at `expectedVersion`. */
export function saveReport(r: PaperReport, expectedVersion: number, audit: Audit & { before: unknown; after: unknown }): Promise<boolean> {
  return transactIf([putOp(reportItem(r), versionCondition(expectedVersion)), auditPut({ ...audit, schoolId: r.schoolId, entity: `PAPERREP#${r.classId}#${r.fortnightId}` })]);
}

// --- what a report is made of --------------------------------------------------------------------

/** Students' cards by id (one BatchGetItem per 100), whatever their class now. */
export async function getStudentRecords(schoolId: string, studentIds: readonly string[]): Promise<StudentRecord[]> {
  if (studentIds.length === 0) return [];
  const items = await batchGet(studentIds.map((id) => keys.studentCard(schoolId, id)));
  return items.flatMap((i) => cardOf(i) ?? []);
}

type DiaryDays = { marks: DiaryMark[]; attendance: DiaryAttendance[] };

/** The marks and attendance among journal items (removed ones carry `deleted`). */
function diaryDaysOf(items: Item[], into: (studentId: string) => DiaryDays | undefined): void {
  for (const i of items) {
    const days = into(i.studentId as string);
    if (!days || i.deleted) continue;
    if (i.type === JOURNAL_TYPES.mark) days.marks.push({ date: i.date as string, subjectId: i.subjectId as string, lessonNo: i.lessonNo as number, workType: i.workType as string, value: i.value as number, weight: i.weight as number });
    if (i.type === JOURNAL_TYPES.attendance) days.attendance.push({ date: i.date as string, subjectId: i.subjectId as string, lessonNo: i.lessonNo as number, kind: i.kind as DiaryAttendance['kind'], ...(i.reason ? { reason: i.reason as DiaryAttendance['reason'] } : {}) });
  }
}

/**
 * One pupil's marks and attendance of the days from..to: one Query on the diary index (gsi1), never
 * more than a page (a fortnight is some 150 entries). Removed entries carry no index keys.
 */
export async function readDiaryDays(schoolId: string, studentId: string, from: string, to: string, pages?: { count: number }): Promise<DiaryDays> {
  const range = keys.diaryBetween(from, to);
  const items = await queryAll(
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.diaryPartition(schoolId, studentId), ':from': range.skFrom, ':to': range.skTo },
    },
    { pages },
  );
  const days: DiaryDays = { marks: [], attendance: [] };
  diaryDaysOf(items, () => days);
  return days;
}

/**
 * The same for several pupils of a class at once: its class x period partitions read whole (their
 * sort keys lead with the subject, so no key range picks the days), the days and pupils filtered on
 * the server so that only the fortnight's entries travel. One Query per period, plus its pages.
 */
export async function readClassDays(schoolId: string, classId: string, periodIds: readonly string[], studentIds: readonly string[], from: string, to: string, pages?: { count: number }): Promise<Map<string, DiaryDays>> {
  const byStudent = new Map(studentIds.map((id): [string, DiaryDays] => [id, { marks: [], attendance: [] }]));
  const parts = await Promise.all(
    periodIds.map((periodId) =>
      queryAll(
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :subj)',
          FilterExpression: '#type IN (:mark, :att) AND #date BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#type': 'type', '#date': 'date' },
          ExpressionAttributeValues: { ':pk': keys.journalPartition(schoolId, classId, periodId), ':subj': keys.journalSubjectsPrefix(), ':mark': JOURNAL_TYPES.mark, ':att': JOURNAL_TYPES.attendance, ':from': from, ':to': to },
        },
        { pages },
      ),
    ),
  );
  diaryDaysOf(parts.flat(), (id) => byStudent.get(id));
  return byStudent;
}

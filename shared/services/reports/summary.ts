/**
 * The summary sheet of marks of a class for a period and its class results (issue 13, item 1):
 * the period marks from ONE Query of the class x period partition's `FINAL#` range (plus its
 * pages), and, when the period ends the year, the year marks from one Query of the class's year.
 * The class, its curriculum and class list come from the period-marks reading (ClassMarksContext),
 * the figures from the pure shared/domain/reports/summary-sheet.ts. The screen, the PDF and the
 * XLSX print this one object.
 */
import type { Principal } from '../../auth/roles';
import type { FinalMarkCode } from '../../domain/period-marks';
import { RESULTS_NOTE, summarySheet, type SheetMark, type SummarySheet } from '../../domain/reports/summary-sheet';
import { readPeriodMarks, readYearMarks, type StoredFinalMark } from '../../repos/period-marks';
import { studentRows, subjectColumns, type ClassMarksContext } from '../period-marks-read';
import { reportHeading, type ReportPeriods } from './heading';

export interface SummaryReport extends SummarySheet, ReportPeriods {
  schoolName: string;
  classId: string;
  className: string;
  grade: number;
  subjects: Array<{ subjectId: string; name: string; shortName: string; passFail: boolean }>;
  note: string;
  /** Pages of the FINAL# Query: the budget is one Query (report.summary.ddb_requests). */
  queryPages: number;
}

/** Live marks only: a cleared mark is a tombstone in the table. */
export const live = (marks: readonly StoredFinalMark[]): SheetMark[] =>
  marks.flatMap((m) => (m.deleted || !m.code ? [] : [{ subjectId: m.subjectId, studentId: m.studentId, code: m.code as FinalMarkCode }]));

/** True when the period is the last of the class's period set: its sheet carries the year marks too. */
export function endsYear(ctx: Pick<ClassMarksContext, 'periods' | 'period'>): boolean {
  return ctx.periods.at(-1)?.periodId === ctx.period?.periodId;
}

/** `periodMarks`: the period close passes the marks of the partition it has just read (no second Query). */
export async function summaryReport(p: Principal, ctx: ClassMarksContext, now: Date, periodMarks?: StoredFinalMark[]): Promise<SummaryReport> {
  const period = ctx.period!;
  const cls = ctx.schoolClass;
  const withYear = endsYear(ctx);
  const [read, year, subjects, students] = await Promise.all([
    periodMarks ? { marks: periodMarks, pages: 0 } : readPeriodMarks(cls.schoolId, cls.classId, period.periodId),
    withYear ? readYearMarks(cls.schoolId, cls.classId, cls.yearId) : Promise.resolve(null),
    subjectColumns(p, ctx),
    studentRows(ctx),
  ]);
  const sheet = summarySheet({
    students,
    subjects,
    periodMarks: live(read.marks),
    ...(year ? { yearMarks: live(year.marks.filter((m) => m.kind === 'year')) } : {}),
  });
  return {
    ...reportHeading(ctx, now),
    subjects: subjects.map((s) => ({ subjectId: s.subjectId, name: s.name, shortName: s.shortName, passFail: s.passFail })),
    note: RESULTS_NOTE,
    ...sheet,
    queryPages: read.pages,
  };
}

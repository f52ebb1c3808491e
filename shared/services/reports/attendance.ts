/**
 * The class's attendance by month and the summary sheet of attendance (issue 13, item 1), from the
 * beginning of the school year to the end of the path's period (to today while it runs): one Query
 * of each period's class x period partition (its SUBJ# range, read as the early warnings read it),
 * in parallel. Which lessons are a student's is the early warnings' rule (`studentLessonsOf`); the
 * counting is shared/domain/reports/attendance.ts.
 */
import { dateInZone } from '../../domain/calendar';
import { studentLessonsOf } from '../../domain/early-warning';
import { attendanceSheet, monthsBetween, type AbsenceRecord } from '../../domain/reports/attendance';
import { readClassJournal } from '../../repos/period-marks';
import { studentRows, type ClassMarksContext } from '../period-marks-read';
import { reportHeading } from './heading';

export async function attendanceReport(ctx: ClassMarksContext, now: Date) {
  const period = ctx.period!;
  const today = dateInZone(now, ctx.marking.journal.timeZone);
  const until = period.endDate < today ? period.endDate : today;
  const periods = ctx.periods.filter((p) => p.startDate <= period.endDate);
  const from = periods[0]?.startDate ?? period.startDate;
  const [journals, students] = await Promise.all([Promise.all(periods.map((p) => readClassJournal(ctx.schoolClass.schoolId, ctx.schoolClass.classId, p.periodId))), studentRows(ctx)]);
  const lessons = new Map<string, string[]>();
  const records: AbsenceRecord[] = [];
  for (const { subjects } of journals) {
    for (const j of subjects.values()) {
      for (const s of j.roster?.students ?? []) {
        const held = studentLessonsOf(j.lessons, j.attendance, s, j.roster!.groups).filter((l) => l.date <= until);
        lessons.set(s.studentId, [...(lessons.get(s.studentId) ?? []), ...held.map((l) => l.date)]);
      }
      for (const a of j.attendance) if (a.date <= until) records.push({ studentId: a.studentId, date: a.date, kind: a.kind, ...(a.reason ? { reason: a.reason } : {}) });
    }
  }
  const months = from <= until ? monthsBetween(from, until) : [];
  return {
    ...reportHeading(ctx, now),
    from,
    until,
    ...attendanceSheet({ students, months, lessons, records }),
    queryPages: journals.reduce((n, j) => n + j.pages, 0),
  };
}

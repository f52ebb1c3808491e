/**
 * The preliminary report for a period (issue 13, item 1; clause 5): before the period ends, each
 * student's current weighted average and the mark it implies in every subject, and who is at risk
 * of «2» or «н/а» or of falling attendance. Nothing is computed here: the class's journal is read
 * once (one Query of its SUBJ# range, rosters built where missing, as the early warnings do), the
 * justifications are the period marks' own (`factsOf`, clause 6.1), the risks the early warnings'
 * (`warningsList`, R-63).
 */
import type { Principal } from '../../auth/roles';
import { warningsList } from '../../domain/early-warning';
import { classJournalWithRosters, factsOf } from '../early-warnings';
import { reportHeading } from './heading';
import { studentRows, subjectColumns, type ClassMarksContext } from '../period-marks-read';

export async function preliminaryReport(p: Principal, ctx: ClassMarksContext, now: Date) {
  const period = ctx.period!;
  const timeZone = ctx.marking.journal.timeZone;
  const [journal, subjects, students] = await Promise.all([classJournalWithRosters({ ...ctx, period }, now), subjectColumns(p, ctx), studentRows(ctx)]);
  const facts = factsOf({ ...ctx, period }, journal.subjects);
  const cell = new Map(facts.map((f) => [`${f.subjectId}|${f.studentId}`, f.justification]));
  const names = new Map(students.map((s) => [s.studentId, s.name]));
  const subjectNames = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const warned = warningsList(facts, { period, now, timeZone });
  return {
    ...reportHeading(ctx, now),
    subjects: subjects.map((s) => ({ subjectId: s.subjectId, name: s.name, shortName: s.shortName })),
    rows: students.map((st, i) => ({
      studentId: st.studentId,
      no: i + 1,
      name: st.name,
      cells: subjects.map((s) => {
        const j = cell.get(`${s.subjectId}|${st.studentId}`);
        return j ? { average: j.average, implied: j.implied, minimumMet: j.minimum?.met ?? true } : null;
      }),
      atRisk: warned.some((w) => w.studentId === st.studentId),
    })),
    atRisk: warned.map((w) => ({
      studentId: w.studentId,
      studentName: names.get(w.studentId) ?? w.studentId,
      ...(w.subjectId ? { subjectName: subjectNames.get(w.subjectId) ?? w.subjectId } : {}),
      messages: w.warnings.map((x) => x.message),
    })),
    queryPages: journal.pages,
  };
}

/**
 * «Отчёты по школам» (issue 13 item 5): the department specialist compares its schools side by
 * side for one period: each school's class results (the deputy's school results, themselves the
 * class results' own rule) and the summary of its monitoring. Aggregates only (clause 1.7): the
 * department never sees a pupil's name; teachers are counted, not named.
 * Pure: the service passes each school's results and monitoring as they were computed.
 */
import type { ClassActivity, MonitoringRow } from './monitoring';

export const DEPARTMENT_TITLE = 'Отчёты по школам';

export interface MonitoringSummary {
  /** Journals counted: teacher x class x subject lines of the monitoring. */
  journals: number;
  teachers: number;
  /** Mean of the lines' fill rates (2 decimals), homework and topic shares (whole percents); null without figures. */
  fillRate: number | null;
  homeworkShare: number | null;
  topicShare: number | null;
  /** Journals behind their KTP. */
  behindKtp: number;
  lateFills: number;
  assessmentsKept: number;
  assessmentsDue: number;
  /** Lines and classes with at least one problem by the school's thresholds. */
  withProblems: number;
  /** Shares of parents and students who signed in within 30 days, whole percents; null with nobody. */
  parentsActive30: number | null;
  studentsActive30: number | null;
}

const mean = (xs: ReadonlyArray<number | null>, digits: number): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  if (v.length === 0) return null;
  const f = 10 ** digits;
  return Math.round((v.reduce((a, b) => a + b, 0) / v.length) * f) / f;
};
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 100) / whole));

type Line = Pick<MonitoringRow, 'teacherId' | 'fillRate' | 'homeworkShare' | 'topicShare' | 'ktp' | 'lateFills' | 'assessmentsKept' | 'assessmentsDue'>;

/** A school's monitoring in one line. */
export function monitoringSummary(m: { rows: readonly Line[]; activity: ReadonlyArray<Pick<ClassActivity, 'students' | 'parents'>>; problemRows: number }): MonitoringSummary {
  const sum = (f: (r: Line) => number) => m.rows.reduce((n, r) => n + f(r), 0);
  const active = (who: 'parents' | 'students') => share(m.activity.reduce((n, a) => n + a[who].active30, 0), m.activity.reduce((n, a) => n + a[who].total, 0));
  return {
    journals: m.rows.length,
    teachers: new Set(m.rows.map((r) => r.teacherId)).size,
    fillRate: mean(m.rows.map((r) => r.fillRate), 2),
    homeworkShare: mean(m.rows.map((r) => r.homeworkShare), 0),
    topicShare: mean(m.rows.map((r) => r.topicShare), 0),
    behindKtp: m.rows.filter((r) => r.ktp.behind > 0).length,
    lateFills: sum((r) => r.lateFills),
    assessmentsKept: sum((r) => r.assessmentsKept),
    assessmentsDue: sum((r) => r.assessmentsDue),
    withProblems: m.problemRows,
    parentsActive30: active('parents'),
    studentsActive30: active('students'),
  };
}

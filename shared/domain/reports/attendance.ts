/**
 * The class's attendance by month and the summary sheet of attendance (issue 13, item 1; clause 5):
 * per student and month the lessons missed, by reason («б» illness, «уп» valid, «нп» invalid, «н» no
 * reason recorded yet), and per month for the class the student-lessons held, missed and the share
 * attended. Pure: the caller passes each student's held lessons and absences (early-warning.ts's
 * `studentLessonsOf` decides which lessons are the student's). A late arrival («оп») is no absence;
 * it is counted on its own.
 */
import { ruNumberFormat } from '../calendar';
import type { AbsenceReason, AttendanceKind } from '../journal-model';

export interface AbsenceRecord {
  studentId: string;
  date: string;
  kind: AttendanceKind;
  reason?: AbsenceReason;
}

export interface Missed {
  missed: number;
  illness: number;
  valid: number;
  invalid: number;
  /** Absent with no reason recorded yet («н»). */
  unexplained: number;
}

export interface AttendanceRow extends Missed {
  studentId: string;
  no: number;
  name: string;
  /** Per month of `months`, in order. */
  months: Missed[];
  late: number;
  /** The student's lessons held in the range (not cancelled, of their subgroup, while in the class). */
  lessons: number;
}

export interface MonthOfClass {
  month: string;
  lessons: number;
  missed: number;
  /** Percent of student-lessons attended, whole; null without lessons. */
  attended: number | null;
}

export interface AttendanceSheet {
  months: string[];
  rows: AttendanceRow[];
  byMonth: MonthOfClass[];
}

const none = (): Missed => ({ missed: 0, illness: 0, valid: 0, invalid: 0, unexplained: 0 });

function add(m: Missed, reason: AbsenceReason | undefined): void {
  m.missed++;
  if (reason === 'illness') m.illness++;
  else if (reason === 'valid') m.valid++;
  else if (reason === 'invalid') m.invalid++;
  else m.unexplained++;
}

/** The months from `from` to `to` (ISO dates), as 'YYYY-MM'. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (let s = from.slice(0, 7); s <= last; s = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(s);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
}

export function attendanceSheet(input: {
  students: ReadonlyArray<{ studentId: string; name: string }>;
  months: readonly string[];
  /** Each student's held lessons' dates (every subject), within the range. */
  lessons: ReadonlyMap<string, readonly string[]>;
  /** Absences and late arrivals within the range, removed ones left out. */
  records: readonly AbsenceRecord[];
}): AttendanceSheet {
  const at = new Map(input.months.map((m, i) => [m, i]));
  const rows = input.students.map((st, i): AttendanceRow => ({ studentId: st.studentId, no: i + 1, name: st.name, months: input.months.map(none), ...none(), late: 0, lessons: input.lessons.get(st.studentId)?.length ?? 0 }));
  const byStudent = new Map(rows.map((r) => [r.studentId, r]));
  const byMonth = input.months.map((month): MonthOfClass => ({ month, lessons: 0, missed: 0, attended: null }));
  for (const r of input.records) {
    const row = byStudent.get(r.studentId);
    const m = at.get(r.date.slice(0, 7));
    if (!row || m === undefined) continue;
    if (r.kind === 'late') {
      row.late++;
      continue;
    }
    add(row.months[m]!, r.reason);
    add(row, r.reason);
    byMonth[m]!.missed++;
  }
  for (const [studentId, dates] of input.lessons) {
    if (!byStudent.has(studentId)) continue;
    for (const d of dates) {
      const m = at.get(d.slice(0, 7));
      if (m !== undefined) byMonth[m]!.lessons++;
    }
  }
  for (const m of byMonth) m.attended = m.lessons === 0 ? null : Math.round(((m.lessons - m.missed) * 100) / m.lessons);
  return { months: [...input.months], rows, byMonth };
}

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** «ноябрь 2026». */
export function monthTitle(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** «5 (б 3, уп 1, нп 1)»: a month's missed lessons with their reasons; «—» for none. */
export function missedText(m: Missed): string {
  if (m.missed === 0) return '—';
  const parts = [['б', m.illness], ['уп', m.valid], ['нп', m.invalid], ['н', m.unexplained]].filter(([, n]) => n).map(([k, n]) => `${k} ${n}`);
  return `${m.missed} (${parts.join(', ')})`;
}

const whole = ruNumberFormat({ maximumFractionDigits: 0 });

/** «96 %», «—». */
export function attendedText(n: number | null): string {
  return n === null ? '—' : `${whole.format(n)} %`;
}

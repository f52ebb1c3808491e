/**
 * The period close (R-40; issue 14, items 1 and 2; clauses 3.8, 7.3, 7.5, 8.6). Pure rules: which
 * periods are due on a day in the school's zone, what a closed period answers a late write, and
 * what the close records as still missing in a class (unfilled lessons, pupils without a period
 * mark, KTP hours behind). The job (functions/jobs/close-period.ts) and the service
 * (shared/services/period-close.ts) pass `today` and the journal in; nothing here reads a clock.
 *
 * When. Clause 3.8 forbids changing the period's attestation marks «после окончания каждого
 * учебного периода»; the close runs on the day after the period's last day (its `endDate`), in the
 * school's zone, and a run missed (a failed night) is made up by the next one: every period of the
 * year whose close day has come and that is not closed yet is due.
 *
 * What it locks. The period's journal in every class: current marks, attendance, lessons' topics
 * and homework, period marks (and, for the grade's last period, the year marks logged in its
 * chains). A change after the close goes through a correction request (clause 7; issue 11), whose
 * entry passes every lock by design.
 */
import { addDays, countOf, ruDate, type PluralForms } from './calendar';
import { onRosterOn, type JournalLesson, type SubjectRoster } from './journal-model';
import { GRADE_WITHOUT_MARKS } from './journal-rules';
import type { AcademicYear, Period } from './year';

// --- when -----------------------------------------------------------------------------------------

/** The day a period closes: the day after its last day. */
export const closeDayOf = (p: Pick<Period, 'endDate'>) => addDays(p.endDate, 1);

/** Whether the close of a period is due on `today` (the school's date). */
export const isCloseDue = (p: Pick<Period, 'endDate'>, today: string) => today >= closeDayOf(p);

/** Every period of the year (each period set's), once by id, oldest end first. */
export function periodsOfYear(year: Pick<AcademicYear, 'periodSets'>): Period[] {
  const byId = new Map<string, Period>();
  for (const set of year.periodSets) for (const p of set.periods) if (!byId.has(p.periodId)) byId.set(p.periodId, p);
  return [...byId.values()].sort((a, b) => a.endDate.localeCompare(b.endDate) || a.periodId.localeCompare(b.periodId));
}

/** The periods of a year due to close on `today` and not closed yet (`closed`: ids of the closes done). */
export function duePeriods(year: Pick<AcademicYear, 'periodSets'>, today: string, closed: ReadonlySet<string> = new Set()): Period[] {
  return periodsOfYear(year).filter((p) => isCloseDue(p, today) && !closed.has(p.periodId));
}

/** The grades whose period set holds the period: the classes a close takes. */
export function gradesOfPeriod(year: Pick<AcademicYear, 'periodSets'>, periodId: string): number[] {
  return year.periodSets.filter((s) => s.periods.some((p) => p.periodId === periodId)).flatMap((s) => s.grades);
}

// --- the lock ------------------------------------------------------------------------------------

/** What a chain head carries once its period is closed (shared/repos/period-close.ts writes it). */
export interface ClosedMark {
  /** The school's date of the close. */
  closedOn: string;
  periodName?: string;
}

/** The answer to a write into a closed period (423), naming the close and the way left. */
export function closedMessage(c: ClosedMark): string {
  const period = c.periodName ? `Период «${c.periodName}»` : 'Учебный период';
  return (
    `${period} закрыт ${ruDate(c.closedOn)} (п. 3.8 положения): отметки, посещаемость и темы уроков за него больше не изменяются. ` +
    'Исправление — только по заявке на корректировку (п. 7 положения).'
  );
}

/** The change-log record of the close in each subject's chain: bound into the chain like any change. */
export const CLOSE_TARGET = (periodId: string) => ({ lessonId: periodId });

// --- what was still missing -----------------------------------------------------------------------

export interface MissingPupil {
  studentId: string;
  name: string;
}

export interface SubjectFindings {
  subjectId: string;
  subjectName: string;
  /** Lessons of the period that took place (not cancelled) and have no topic (clause 3.8). */
  unfilledLessons: number;
  /** Their dates, oldest first (at most `LISTED`). */
  unfilledDates: string[];
  /** Pupils in the class at the period's end without a period mark in the subject (clause 3.9). */
  withoutPeriodMark: MissingPupil[];
  /** Hours of the approved KTP not taught by the period's end, over the subject's groups (clause 8.3). */
  ktpHoursBehind: number;
  /** Groups with no approved KTP: nothing to measure against. */
  ktpMissing: number;
}

export interface ClassFindings {
  subjects: SubjectFindings[];
  unfilledLessons: number;
  withoutPeriodMark: number;
  ktpHoursBehind: number;
  ktpMissing: number;
}

/** Dates listed per subject: the count says the rest. */
export const LISTED = 10;

/** The journal of one subject of the class, as the close reads it. */
export interface SubjectJournalFacts {
  subjectId: string;
  subjectName: string;
  roster: Pick<SubjectRoster, 'students'> | null;
  /** The period's lessons. */
  lessons: ReadonlyArray<Pick<JournalLesson, 'date' | 'lessonNo' | 'groupId' | 'status' | 'topic'>>;
  /** The lessons of the year's earlier periods (for the KTP's running count). */
  earlierLessons: ReadonlyArray<Pick<JournalLesson, 'date' | 'groupId' | 'status' | 'topic'>>;
  /** Students with a live period mark in the subject. */
  marked: ReadonlySet<string>;
  /** The subject's KTPs by group: their hours, approved or not. */
  ktps: ReadonlyArray<{ groupId: string; totalHours: number; approved: boolean }>;
}

const held = (l: { status?: string }) => l.status !== 'cancelled';

/**
 * KTP hours behind (clause 8.3: «соответствие учебному плану и тематическому планированию»),
 * counted from the start of the year: the plan's hour k is lesson k of the timetable, so by the
 * period's end the plan asks for as many hours as lessons were scheduled (cancelled ones included:
 * a lesson lost is an hour to make up), capped by the plan's total; taught are the lessons held
 * with a topic. A group with no approved KTP is counted apart.
 */
export function ktpBehind(
  lessons: ReadonlyArray<{ groupId: string; status?: string; topic?: string }>,
  ktps: SubjectJournalFacts['ktps'],
): { hours: number; missing: number } {
  const groups = new Set(lessons.map((l) => l.groupId));
  let hours = 0;
  let missing = 0;
  for (const g of groups) {
    // A KTP is per class x subject x group (the whole class's group when the subject is not split).
    const ktp = ktps.find((k) => k.groupId === g);
    if (!ktp?.approved) {
      missing++;
      continue;
    }
    const ofGroup = lessons.filter((l) => l.groupId === g);
    const planned = Math.min(ktp.totalHours, ofGroup.length);
    const taught = Math.min(ktp.totalHours, ofGroup.filter((l) => held(l) && !!l.topic?.trim()).length);
    hours += Math.max(0, planned - taught);
  }
  return { hours, missing };
}

/** What the close finds missing in one subject of a class on the period's last day. */
export function subjectFindings(f: SubjectJournalFacts, period: Pick<Period, 'endDate'>, grade: number): SubjectFindings {
  const unfilled = f.lessons.filter((l) => held(l) && l.date <= period.endDate && !l.topic?.trim()).sort((a, b) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo);
  // Grade 1 has no marks (clause 3.5): the system's «н/оц» is no gap. A pupil who left before the end needs none.
  const inClass = (f.roster?.students ?? []).filter((s) => onRosterOn(s, period.endDate));
  const withoutPeriodMark = grade === GRADE_WITHOUT_MARKS ? [] : inClass.filter((s) => !f.marked.has(s.studentId)).map((s) => ({ studentId: s.studentId, name: s.name }));
  const behind = ktpBehind([...f.earlierLessons, ...f.lessons.filter((l) => l.date <= period.endDate)], f.ktps);
  return {
    subjectId: f.subjectId,
    subjectName: f.subjectName,
    unfilledLessons: unfilled.length,
    unfilledDates: [...new Set(unfilled.map((l) => l.date))].slice(0, LISTED),
    withoutPeriodMark: withoutPeriodMark.sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    ktpHoursBehind: behind.hours,
    ktpMissing: behind.missing,
  };
}

export function classFindings(subjects: readonly SubjectFindings[]): ClassFindings {
  const sum = (pick: (s: SubjectFindings) => number) => subjects.reduce((n, s) => n + pick(s), 0);
  return {
    subjects: [...subjects].sort((a, b) => a.subjectName.localeCompare(b.subjectName, 'ru')),
    unfilledLessons: sum((s) => s.unfilledLessons),
    withoutPeriodMark: sum((s) => s.withoutPeriodMark.length),
    ktpHoursBehind: sum((s) => s.ktpHoursBehind),
    ktpMissing: sum((s) => s.ktpMissing),
  };
}

const LESSONS: PluralForms = ['урок', 'урока', 'уроков'];
const PUPILS: PluralForms = ['обучающийся', 'обучающихся', 'обучающихся'];
const HOURS: PluralForms = ['час', 'часа', 'часов'];

/** One line per kind of gap, in words: the screen and the manifest say the same. */
export function findingsText(f: Pick<ClassFindings, 'unfilledLessons' | 'withoutPeriodMark' | 'ktpHoursBehind' | 'ktpMissing'>): string[] {
  const out: string[] = [];
  if (f.unfilledLessons) out.push(`Не заполнено ${countOf(f.unfilledLessons, LESSONS)} (нет темы).`);
  if (f.withoutPeriodMark) out.push(`Без отметки за период: ${countOf(f.withoutPeriodMark, PUPILS)} (по предметам).`);
  if (f.ktpHoursBehind) out.push(`Отставание от КТП: ${countOf(f.ktpHoursBehind, HOURS)}.`);
  if (f.ktpMissing) out.push(`Без утверждённого КТП: ${f.ktpMissing} (предмет или подгруппа).`);
  return out.length ? out : ['Пропусков не найдено.'];
}

// --- the progress ------------------------------------------------------------------------------------

/** A class's step in the close: its journal locked, then its documents stored and its findings recorded. */
export type ClassCloseState = 'locked' | 'done';
export type CloseState = 'running' | 'done';

export const CLOSE_STATE_TEXT: Record<CloseState | ClassCloseState | 'pending', string> = {
  pending: 'Ожидает',
  locked: 'Журнал закрыт, документы формируются',
  running: 'Идёт закрытие',
  done: 'Закрыт, документы сохранены',
};

/** The close's id: one per school and period, so a second run finds the first. */
export const closeIdOf = (schoolId: string, periodId: string) => `${schoolId}:${periodId}`;

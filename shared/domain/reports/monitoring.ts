/**
 * Monitoring of how the journal is kept (R-62; clauses 3.11, 8.2, 8.3): per teacher x class x
 * subject of one period, up to today, the figures a deputy checks and the problems the school's
 * thresholds make of them; and per class the families' activity in the diary. Pure: the caller
 * passes each class x subject's journal (one Query of its class x period partition), its KTPs,
 * its assessment procedures, the accounts' last sign-in days and `today` (the school's date).
 *
 * How each figure is counted (stated on the screen, `MONITORING_NOTES`):
 * - lessons held: lessons of the timetable in the window (the period, to today), not cancelled;
 * - fill rate: live current marks on those lessons / the student-lessons at which the student was
 *   present (on the roster that day, of the lesson's group, no absence recorded);
 * - without marks / with one mark: students of the row (on the roster for at least one held lesson)
 *   with 0 / exactly 1 mark, as a share of those students;
 * - homework and topics: shares of the held lessons with homework (class or individual) and with a
 *   topic recorded;
 * - KTP: the approved plan numbers the lessons of the year, so it expects every lesson of the
 *   timetable to date to teach its topic: planned = lessons of the timetable to date (cancelled
 *   ones included: their hours are still to be taught), taught = lessons with a topic recorded
 *   (filled in advance counts). Behind = planned - taught when positive, ahead = taught - planned;
 * - late fills: lessons whose topic was first recorded after the school's fill-within term (R-23);
 * - assessment procedures (R-15): a procedure of the schedule in the window is kept when a held
 *   lesson of its subject that day carries marks of a work type the procedure's kind is done as.
 */
import { addDays, ruDate } from '../calendar';
import { ASSESSMENT_KINDS, type AssessmentKind } from '../assessments';
import { inLessonGroup, lessonIdOf, onRosterOn, type JournalAttendance, type JournalLesson, type JournalMark, type RosterGroup, type RosterStudent } from '../journal-model';
import { fillState } from '../journal-rules';
import type { LockSettings, SettingsProblem } from '../settings';
import type { WorkTypeId } from '../work-types';
import { averageText } from './summary-sheet';

export const MONITORING_TITLE = 'Мониторинг ведения электронного журнала';

// --- thresholds --------------------------------------------------------------------------------

/** What the school counts as a problem (school settings, `monitoringThresholds`). Shares are whole percents. */
export interface MonitoringThresholds {
  /** Marks per student per lesson at least this (clause 3.11: regular marking). */
  minFillRate: number;
  /** At most this share of students without a single mark. */
  maxNoMarkShare: number;
  /** At most this share of students with exactly one mark. */
  maxOneMarkShare: number;
  /** At least this share of held lessons with homework recorded. */
  minHomeworkShare: number;
  /** At least this share of held lessons with a topic recorded. */
  minTopicShare: number;
  /** At most this many hours behind the approved KTP. */
  maxKtpBehind: number;
  /** At most this many lessons filled late. */
  maxLateFills: number;
  /** At least this share of parents who signed in within 30 days. */
  minParentActivity30: number;
  /** At least this share of students who signed in within 30 days. */
  minStudentActivity30: number;
}

export const DEFAULT_MONITORING_THRESHOLDS: MonitoringThresholds = {
  minFillRate: 0.3,
  maxNoMarkShare: 10,
  maxOneMarkShare: 20,
  minHomeworkShare: 80,
  minTopicShare: 95,
  maxKtpBehind: 2,
  maxLateFills: 2,
  minParentActivity30: 50,
  minStudentActivity30: 50,
};

/** Names of the thresholds in the settings form and the report's note. */
export const MONITORING_THRESHOLD_LABELS: Readonly<Record<keyof MonitoringThresholds, string>> = {
  minFillRate: 'Наполняемость текущими отметками не ниже (отметок на ученика за урок)',
  maxNoMarkShare: 'Доля обучающихся без отметок не выше, %',
  maxOneMarkShare: 'Доля обучающихся с одной отметкой не выше, %',
  minHomeworkShare: 'Доля уроков с домашним заданием не ниже, %',
  minTopicShare: 'Доля уроков с записанной темой не ниже, %',
  maxKtpBehind: 'Отставание от КТП не более, часов',
  maxLateFills: 'Уроков, заполненных с опозданием, не более',
  minParentActivity30: 'Родителей, входивших в дневник за 30 дней, не менее, %',
  minStudentActivity30: 'Обучающихся, входивших в дневник за 30 дней, не менее, %',
};

export const MONITORING_THRESHOLD_KEYS = Object.keys(DEFAULT_MONITORING_THRESHOLDS) as Array<keyof MonitoringThresholds>;

/** Allowed ranges: a fill rate 0-5 marks a lesson, shares 0-100 %, hours and lessons 0-100. */
export const MONITORING_THRESHOLD_RANGES: Readonly<Record<keyof MonitoringThresholds, { min: number; max: number }>> = {
  minFillRate: { min: 0, max: 5 },
  maxNoMarkShare: { min: 0, max: 100 },
  maxOneMarkShare: { min: 0, max: 100 },
  minHomeworkShare: { min: 0, max: 100 },
  minTopicShare: { min: 0, max: 100 },
  maxKtpBehind: { min: 0, max: 100 },
  maxLateFills: { min: 0, max: 100 },
  minParentActivity30: { min: 0, max: 100 },
  minStudentActivity30: { min: 0, max: 100 },
};

/** The school's thresholds with the defaults where it set none (or stored something unreadable). */
export function resolveMonitoringThresholds(stored?: Partial<MonitoringThresholds> | null): MonitoringThresholds {
  const out = { ...DEFAULT_MONITORING_THRESHOLDS };
  for (const k of MONITORING_THRESHOLD_KEYS) {
    const v = stored?.[k];
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  return out;
}

/** What is wrong with thresholds entered on the settings screen, field by field, in Russian. */
export function monitoringThresholdProblems(t: MonitoringThresholds): SettingsProblem[] {
  return MONITORING_THRESHOLD_KEYS.flatMap((k) => {
    const { min, max } = MONITORING_THRESHOLD_RANGES[k];
    const v = t[k];
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return [];
    return [{ field: `thresholds.${k}`, message: `«${MONITORING_THRESHOLD_LABELS[k]}»: укажите число от ${min} до ${max}.` }];
  });
}

// --- assessment procedures ----------------------------------------------------------------------

const CONTROL_WORK: readonly WorkTypeId[] = ['test', 'verification', 'dictation', 'essay', 'exposition', 'credit', 'independent'];

/** The work types a procedure of each kind is recorded as in the journal. */
export const ASSESSMENT_WORK_TYPES: Readonly<Record<AssessmentKind, readonly WorkTypeId[]>> = {
  test: CONTROL_WORK,
  vpr: CONTROL_WORK,
  regional: CONTROL_WORK,
  diagnostic: CONTROL_WORK,
  administrative: CONTROL_WORK,
  final: CONTROL_WORK,
  trial: CONTROL_WORK,
  monitoring: ['monitoringPractical', 'practical', 'laboratory'],
};

export type AssessmentState = 'kept' | 'noLesson' | 'noMarks' | 'upcoming';

export const ASSESSMENT_STATE_TEXT: Readonly<Record<AssessmentState, string>> = {
  kept: 'проведена',
  noLesson: 'нет урока в этот день',
  noMarks: 'нет отметок за работу',
  upcoming: 'впереди',
};

export interface AssessmentCheck {
  date: string;
  kind: AssessmentKind;
  kindShort: string;
  title?: string;
  state: AssessmentState;
}

// --- rows ---------------------------------------------------------------------------------------

export type KtpState = 'approved' | 'draft' | 'none';

export interface KtpFigures {
  state: KtpState;
  /** Lessons of the timetable to date (cancelled included). */
  planned: number;
  /** Lessons with a topic recorded (not cancelled). */
  taught: number;
  behind: number;
  ahead: number;
}

export type ProblemCode =
  | 'fillRate'
  | 'noMarks'
  | 'oneMark'
  | 'homework'
  | 'topics'
  | 'ktpBehind'
  | 'ktpNotApproved'
  | 'lateFills'
  | 'assessments'
  | 'parents'
  | 'students';

export interface MonitoringProblem {
  code: ProblemCode;
  /** The problem in words, with the figure and the threshold: the screen shows it as text. */
  message: string;
}

export interface MonitoringRow {
  teacherId: string;
  classId: string;
  subjectId: string;
  /** The subgroups the teacher has in this class and subject (empty: the whole class). */
  groupIds: string[];
  students: number;
  lessonsHeld: number;
  marks: number;
  /** Marks per student per lesson attended, 2 decimals; null without any student-lesson. */
  fillRate: number | null;
  /** Whole percents of the row's students; null without students. */
  noMarkShare: number | null;
  oneMarkShare: number | null;
  noMarkStudents: number;
  oneMarkStudents: number;
  /** Whole percents of the held lessons; null without a held lesson. */
  homeworkShare: number | null;
  topicShare: number | null;
  ktp: KtpFigures;
  lateFills: number;
  /** Held lessons past their fill-within term still without a topic. */
  overdueFills: number;
  assessments: AssessmentCheck[];
  /** Procedures due to date and how many of them were kept. */
  assessmentsDue: number;
  assessmentsKept: number;
  problems: MonitoringProblem[];
}

/** One class x subject of the period as read from its partition. */
export interface SubjectInput {
  classId: string;
  subjectId: string;
  /** The roster's students and subgroups; absent when the subject's journal has no roster yet. */
  students: readonly RosterStudent[];
  groups: readonly RosterGroup[];
  /** The curriculum line's teacher (whole class) as the roster recorded it. */
  lineTeacherId?: string;
  lessons: ReadonlyArray<JournalLesson>;
  marks: ReadonlyArray<JournalMark>;
  attendance: ReadonlyArray<JournalAttendance>;
  /** The KTPs of this class and subject by group ('all' for the whole class). */
  ktps: ReadonlyArray<{ groupId: string; status: 'draft' | 'approved' }>;
  assessments: ReadonlyArray<{ date: string; kind: AssessmentKind; title?: string }>;
}

export interface MonitoringWindow {
  /** First day counted (the period's start). */
  from: string;
  /** Last day counted: the period's end, or today while it runs. */
  until: string;
  /** The period's end: lessons after `until` count only as filled in advance, procedures as upcoming. */
  to: string;
  /** The school's today. */
  today: string;
  locks: LockSettings;
  /** The school's date of an instant (the fill-within rule compares dates in its zone). */
  dayOf: (iso: string) => string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const percentOf = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 100) / whole));
const inWindow = (date: string, w: Pick<MonitoringWindow, 'from' | 'until'>) => w.from <= date && date <= w.until;
const hasText = (s: string | undefined) => !!s && s.trim().length > 0;

/** Who answers for a lesson: its subgroup's teacher, else the line's, else who the timetable names. */
function teacherOfLesson(l: Pick<JournalLesson, 'groupId' | 'teacherId'>, input: Pick<SubjectInput, 'groups' | 'lineTeacherId'>): string {
  return input.groups.find((g) => g.groupId === l.groupId)?.teacherId ?? input.lineTeacherId ?? l.teacherId ?? '';
}

/** The rows of one class x subject: one per teacher who has lessons of it in the period. */
export function subjectRows(input: SubjectInput, w: MonitoringWindow, t: MonitoringThresholds): MonitoringRow[] {
  const byTeacher = new Map<string, JournalLesson[]>();
  for (const l of input.lessons) {
    if (!inWindow(l.date, { from: w.from, until: w.to })) continue;
    const teacher = teacherOfLesson(l, input);
    byTeacher.set(teacher, [...(byTeacher.get(teacher) ?? []), l]);
  }
  return [...byTeacher].map(([teacherId, lessons]) => teacherRow(teacherId, lessons, input, w, t));
}

function teacherRow(teacherId: string, lessons: readonly JournalLesson[], input: SubjectInput, w: MonitoringWindow, t: MonitoringThresholds): MonitoringRow {
  const groupIds = [...new Set(lessons.map((l) => l.groupId))].filter((g) => input.groups.some((x) => x.groupId === g)).sort();
  const due = lessons.filter((l) => inWindow(l.date, w));
  const held = due.filter((l) => l.status !== 'cancelled');
  const heldIds = new Set(held.map(lessonIdOf));
  const absent = new Set(input.attendance.filter((a) => a.kind === 'absent' && !a.deleted).map((a) => `${lessonIdOf(a)}|${a.studentId}`));

  // Student-lessons attended, per student of the row.
  const attended = new Map<string, number>();
  for (const s of input.students) {
    const mine = held.filter((l) => onRosterOn(s, l.date) && inLessonGroup(s, l.groupId, input.groups));
    if (mine.length === 0) continue;
    attended.set(s.studentId, mine.filter((l) => !absent.has(`${lessonIdOf(l)}|${s.studentId}`)).length);
  }
  const marksOf = new Map<string, number>();
  let marks = 0;
  for (const m of input.marks) {
    if (m.deleted || !heldIds.has(lessonIdOf(m)) || !attended.has(m.studentId)) continue;
    marks += 1;
    marksOf.set(m.studentId, (marksOf.get(m.studentId) ?? 0) + 1);
  }
  const studentLessons = [...attended.values()].reduce((a, b) => a + b, 0);
  const students = attended.size;
  const noMarkStudents = [...attended.keys()].filter((id) => !marksOf.has(id)).length;
  const oneMarkStudents = [...marksOf.values()].filter((n) => n === 1).length;

  const fills = held.map((l) => fillState(l, w.today, w.locks, w.dayOf));
  const ktp = ktpFigures(lessons, input.ktps, w);
  const assessments = input.assessments
    .filter((a) => inWindow(a.date, { from: w.from, until: w.to }))
    .map((a) => checkAssessment(a, lessons, input.marks, w));
  const dueChecks = assessments.filter((a) => a.state !== 'upcoming');

  const row: Omit<MonitoringRow, 'problems'> = {
    teacherId,
    classId: input.classId,
    subjectId: input.subjectId,
    groupIds,
    students,
    lessonsHeld: held.length,
    marks,
    fillRate: studentLessons === 0 ? null : round2(marks / studentLessons),
    noMarkShare: percentOf(noMarkStudents, students),
    oneMarkShare: percentOf(oneMarkStudents, students),
    noMarkStudents,
    oneMarkStudents,
    homeworkShare: percentOf(held.filter((l) => hasText(l.homework) || (l.individualHomework?.length ?? 0) > 0).length, held.length),
    topicShare: percentOf(held.filter((l) => hasText(l.topic)).length, held.length),
    ktp,
    lateFills: fills.filter((f) => f.late).length,
    overdueFills: fills.filter((f) => f.overdue).length,
    assessments,
    assessmentsDue: dueChecks.length,
    assessmentsKept: dueChecks.filter((a) => a.state === 'kept').length,
  };
  return { ...row, problems: rowProblems(row, t) };
}

/** The KTP of the row's groups against the lessons of the timetable to date (see the module note). */
export function ktpFigures(
  lessons: ReadonlyArray<Pick<JournalLesson, 'date' | 'groupId' | 'status' | 'topic'>>,
  ktps: SubjectInput['ktps'],
  w: Pick<MonitoringWindow, 'from' | 'until'>,
): KtpFigures {
  const groups = [...new Set(lessons.map((l) => l.groupId))];
  const plans = groups.map((g) => ktps.find((k) => k.groupId === g));
  const state: KtpState = plans.length > 0 && plans.every((p) => p?.status === 'approved') ? 'approved' : plans.some((p) => p) ? 'draft' : 'none';
  const planned = lessons.filter((l) => inWindow(l.date, w)).length;
  const taught = lessons.filter((l) => l.date >= w.from && l.status !== 'cancelled' && hasText(l.topic)).length;
  return { state, planned, taught, behind: Math.max(0, planned - taught), ahead: Math.max(0, taught - planned) };
}

/** Whether one procedure of the schedule was held as planned (see the module note). */
export function checkAssessment(
  a: { date: string; kind: AssessmentKind; title?: string },
  lessons: ReadonlyArray<Pick<JournalLesson, 'date' | 'lessonNo' | 'groupId' | 'status'>>,
  marks: ReadonlyArray<Pick<JournalMark, 'date' | 'lessonNo' | 'groupId' | 'workType' | 'deleted'>>,
  w: Pick<MonitoringWindow, 'until'>,
): AssessmentCheck {
  const base = { date: a.date, kind: a.kind, kindShort: ASSESSMENT_KINDS[a.kind]?.short ?? a.kind, ...(a.title ? { title: a.title } : {}) };
  if (a.date > w.until) return { ...base, state: 'upcoming' };
  const that = new Set(lessons.filter((l) => l.date === a.date && l.status !== 'cancelled').map(lessonIdOf));
  if (that.size === 0) return { ...base, state: 'noLesson' };
  const types = ASSESSMENT_WORK_TYPES[a.kind] ?? CONTROL_WORK;
  const marked = marks.some((m) => !m.deleted && that.has(lessonIdOf(m)) && types.includes(m.workType));
  return { ...base, state: marked ? 'kept' : 'noMarks' };
}


/** The row's problems by the school's thresholds, each in words with its figure. */
export function rowProblems(r: Omit<MonitoringRow, 'problems'>, t: MonitoringThresholds): MonitoringProblem[] {
  const out: MonitoringProblem[] = [];
  if (r.lessonsHeld === 0) return out;
  if (r.fillRate !== null && r.fillRate < t.minFillRate) {
    out.push({ code: 'fillRate', message: `Мало текущих отметок: ${averageText(r.fillRate)} на ученика за урок (порог ${averageText(t.minFillRate)}).` });
  }
  if (r.noMarkShare !== null && r.noMarkShare > t.maxNoMarkShare) {
    out.push({ code: 'noMarks', message: `Без отметок ${r.noMarkStudents} из ${r.students} обучающихся (${r.noMarkShare} %, допустимо ${t.maxNoMarkShare} %).` });
  }
  if (r.oneMarkShare !== null && r.oneMarkShare > t.maxOneMarkShare) {
    out.push({ code: 'oneMark', message: `С одной отметкой ${r.oneMarkStudents} из ${r.students} обучающихся (${r.oneMarkShare} %, допустимо ${t.maxOneMarkShare} %).` });
  }
  if (r.homeworkShare !== null && r.homeworkShare < t.minHomeworkShare) {
    out.push({ code: 'homework', message: `Домашнее задание записано на ${r.homeworkShare} % уроков (порог ${t.minHomeworkShare} %).` });
  }
  if (r.topicShare !== null && r.topicShare < t.minTopicShare) {
    out.push({ code: 'topics', message: `Тема записана на ${r.topicShare} % уроков (порог ${t.minTopicShare} %).` });
  }
  if (r.ktp.state !== 'approved') {
    out.push({ code: 'ktpNotApproved', message: r.ktp.state === 'none' ? 'КТП не составлен.' : 'КТП не утверждён.' });
  }
  if (r.ktp.behind > t.maxKtpBehind) {
    out.push({ code: 'ktpBehind', message: `Отставание от КТП: ${r.ktp.behind} ч (допустимо ${t.maxKtpBehind} ч).` });
  }
  if (r.lateFills > t.maxLateFills) {
    out.push({ code: 'lateFills', message: `Заполнено с опозданием: ${r.lateFills} уроков (допустимо ${t.maxLateFills}).` });
  }
  const missed = r.assessments.filter((a) => a.state === 'noLesson' || a.state === 'noMarks');
  if (missed.length > 0) {
    out.push({
      code: 'assessments',
      message: `График оценочных процедур не выполнен: ${missed.map((a) => `${a.kindShort} ${ruDate(a.date)} — ${ASSESSMENT_STATE_TEXT[a.state]}`).join('; ')}.`,
    });
  }
  return out;
}

// --- the families' activity ---------------------------------------------------------------------

export interface ActivityAccount {
  userId: string;
  /** The school's date of the last sign-in (accounts.lastSignInOn); absent: never signed in. */
  lastSignInOn?: string;
}

export interface ActivityFigures {
  total: number;
  active7: number;
  active30: number;
  /** Whole percents; null when there is nobody. */
  share7: number | null;
  share30: number | null;
}

export interface ClassActivity {
  classId: string;
  students: ActivityFigures;
  parents: ActivityFigures;
  problems: MonitoringProblem[];
}

/** Signed in on one of the last `days` days, today included. */
export const signedInWithin = (a: Pick<ActivityAccount, 'lastSignInOn'>, today: string, days: number) =>
  !!a.lastSignInOn && a.lastSignInOn >= addDays(today, -(days - 1)) && a.lastSignInOn <= today;

export function activityFigures(accounts: readonly ActivityAccount[], today: string): ActivityFigures {
  const active7 = accounts.filter((a) => signedInWithin(a, today, 7)).length;
  const active30 = accounts.filter((a) => signedInWithin(a, today, 30)).length;
  return { total: accounts.length, active7, active30, share7: percentOf(active7, accounts.length), share30: percentOf(active30, accounts.length) };
}

export function classActivity(
  classId: string,
  accounts: { students: readonly ActivityAccount[]; parents: readonly ActivityAccount[] },
  today: string,
  t: MonitoringThresholds,
): ClassActivity {
  const students = activityFigures(accounts.students, today);
  const parents = activityFigures(accounts.parents, today);
  const problems: MonitoringProblem[] = [];
  if (parents.share30 !== null && parents.share30 < t.minParentActivity30) {
    problems.push({ code: 'parents', message: `Входили в дневник за 30 дней ${parents.active30} из ${parents.total} родителей (${parents.share30} %, порог ${t.minParentActivity30} %).` });
  }
  if (students.share30 !== null && students.share30 < t.minStudentActivity30) {
    problems.push({ code: 'students', message: `Входили в дневник за 30 дней ${students.active30} из ${students.total} обучающихся (${students.share30} %, порог ${t.minStudentActivity30} %).` });
  }
  return { classId, students, parents, problems };
}

/** How the figures are counted, printed under the table on screen and in the files. */
export const MONITORING_NOTES = [
  'Наполняемость — текущие отметки на одного обучающегося за урок, на котором он присутствовал.',
  'Проведено уроков — уроки расписания с начала периода по сегодня, кроме отменённых.',
  'КТП: план — уроки расписания по сегодня (отменённые тоже: их часы не пройдены), пройдено — уроки с записанной темой.',
  'Заполнено с опозданием — тема урока записана позже срока заполнения, установленного школой.',
  'График оценочных процедур выполнен, если в день процедуры есть урок по предмету с отметками за контрольную (проверочную, практическую) работу.',
  'Активность в дневнике — доля обучающихся и родителей класса, входивших в дневник за последние 7 и 30 дней (сегодня включительно).',
];

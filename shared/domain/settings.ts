/**
 * Lock settings of the regulation (R-23, R-32, clause 3.8 and 6.3) as numbers. The department sets
 * them; a school may only make them stricter (shorter), never looser.
 *
 * A school also keeps the rules of its weighted-average system (R-31, clause 6.2): a weight per
 * work type and the thresholds from a weighted average to the mark it implies; and the limit of
 * tests per class per day and week that the assessment schedule checks.
 *
 * Everything here is pure: the handlers validate with it, the screens show the same messages.
 */
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, idleMinutesOf } from '../auth/session-rules';
import { countOf, DAY, DAY_GENITIVE } from './calendar';
import type { MonitoringThresholds } from './reports/monitoring';
import type { MarkingRulesVersion } from './settings-versions';
import { DEFAULT_WEIGHTS, isWorkTypeId, WORK_TYPES, type WorkTypeId } from './work-types';

export interface LockDays {
  /** Current marks, attendance, topics and work types lock this many days after the lesson. */
  currentMarks: number;
  /** Marks for internal-monitoring practical works. */
  practicalWorks: number;
  /** Written works (essays), grades 10-11. */
  essays: number;
  /** Period and final marks lock this many days after they are set. */
  finalMarks: number;
  /** A lesson should be filled within this many days (a late fill is flagged, not refused). */
  fillWithin: number;
}

export const REGULATION_LOCK_DAYS: LockDays = {
  currentMarks: 10,
  practicalWorks: 7,
  essays: 10,
  finalMarks: 5,
  fillWithin: 2,
};

export const LOCK_FIELDS: ReadonlyArray<keyof LockDays> = ['currentMarks', 'practicalWorks', 'essays', 'finalMarks', 'fillWithin'];

/** What each number means, as the screens and the error messages name it. */
export const LOCK_LABELS: Readonly<Record<keyof LockDays, string>> = {
  currentMarks: 'Блокировка текущих отметок, посещаемости, тем и видов работ',
  practicalWorks: 'Блокировка отметок за практические работы внутреннего мониторинга',
  essays: 'Блокировка отметок за сочинения (10–11 классы)',
  finalMarks: 'Блокировка итоговых отметок',
  fillWithin: 'Срок заполнения урока',
};

export const MARKS_IN_ADVANCE_LABEL = 'Разрешить выставлять отметки заранее';

/** A lock shorter than a day would lock a lesson before it could be filled; a month is the longest term
 * any clause of the regulation comes near. */
export const LOCK_DAYS_MIN = 1;
export const LOCK_DAYS_MAX = 30;

/** The department's lock rules: stored on the department item. */
export interface LockSettings {
  lockDays: LockDays;
  /** Clause 3.8: marks are never set "in advance"; the regulation's value is `false`. */
  marksInAdvanceAllowed: boolean;
}

export const REGULATION_LOCK_SETTINGS: LockSettings = { lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false };

/** Weighted average -> implied mark: an average of at least `mark5` implies 5, and so on; below `mark3`, 2. */
export interface MarkThresholds {
  mark5: number;
  mark4: number;
  mark3: number;
}

export const DEFAULT_THRESHOLDS: MarkThresholds = { mark5: 4.5, mark4: 3.5, mark3: 2.5 };

export interface TestLimits {
  /** Tests (контрольные работы) a class may have in one day. */
  perDay: number;
  /** ... and in one school week. */
  perWeek: number;
}

export const DEFAULT_TEST_LIMITS: TestLimits = { perDay: 1, perWeek: 3 };
export const TEST_LIMIT_MAX = { perDay: 3, perWeek: 10 } as const;
export const WEIGHT_MIN = 0.1;
export const WEIGHT_MAX = 10;

/** A school's own settings. Lock numbers it leaves out follow the department. */
export interface SchoolSettings {
  lockDays: Partial<LockDays>;
  /** Absent: as the department says. `false` is stricter; `true` only where the department allows. */
  marksInAdvanceAllowed?: boolean;
  /** The weights and thresholds in force on the day the rules were last saved (the journal's running average). */
  weights: Record<WorkTypeId, number>;
  thresholds: MarkThresholds;
  testLimits: TestLimits;
  /** Absent: as the department says; otherwise at most the department's (period-mark-rules.ts). */
  periodMarksOpenDaysBefore?: number;
  /** The versions of weights, thresholds and minimums by the date they take effect (settings-versions.ts); absent until the first is saved. */
  markingRules?: MarkingRulesVersion[];
  /** Staff sessions end after this many minutes without action (shared computers, clause 3.2); absent: 15. */
  idleMinutes?: number;
  /** Corrections (clauses 3.11, 7.4; the director's, shared/domain/corrections.ts): the entry window in days. */
  correctionEntryWindowDays?: number;
  /** ... and the deputies responsible for journal control, who enter approved changes. */
  journalControlDeputyIds?: string[];
  /** What the monitoring highlights as a problem; absent fields: reports/monitoring.ts's defaults. */
  monitoringThresholds?: Partial<MonitoringThresholds>;
}

export const DEFAULT_SCHOOL_SETTINGS: SchoolSettings = {
  lockDays: {},
  weights: { ...DEFAULT_WEIGHTS },
  thresholds: { ...DEFAULT_THRESHOLDS },
  testLimits: { ...DEFAULT_TEST_LIMITS },
};

/** A school's settings with the defaults filled in where it has set nothing (a work type added later
 * gets its default weight). */
export function resolveSchoolSettings(stored?: Partial<SchoolSettings> | null): SchoolSettings {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const [id, w] of Object.entries(stored?.weights ?? {})) if (isWorkTypeId(id) && typeof w === 'number') weights[id] = w;
  return {
    lockDays: { ...(stored?.lockDays ?? {}) },
    ...(stored?.marksInAdvanceAllowed === undefined ? {} : { marksInAdvanceAllowed: stored.marksInAdvanceAllowed }),
    weights,
    thresholds: { ...DEFAULT_THRESHOLDS, ...(stored?.thresholds ?? {}) },
    testLimits: { ...DEFAULT_TEST_LIMITS, ...(stored?.testLimits ?? {}) },
    ...(typeof stored?.periodMarksOpenDaysBefore === 'number' ? { periodMarksOpenDaysBefore: stored.periodMarksOpenDaysBefore } : {}),
    ...(Array.isArray(stored?.markingRules) ? { markingRules: stored.markingRules } : {}),
    ...(typeof stored?.idleMinutes === 'number' ? { idleMinutes: stored.idleMinutes } : {}),
    ...(typeof stored?.correctionEntryWindowDays === 'number' ? { correctionEntryWindowDays: stored.correctionEntryWindowDays } : {}),
    ...(Array.isArray(stored?.journalControlDeputyIds) ? { journalControlDeputyIds: [...stored.journalControlDeputyIds] } : {}),
    ...(stored?.monitoringThresholds && typeof stored.monitoringThresholds === 'object' ? { monitoringThresholds: { ...stored.monitoringThresholds } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Stricter only

/** The fields in which a school's value is looser than the department's; empty when it is allowed. */
export function looserThanDepartment(department: LockDays, school: Partial<LockDays>): Array<keyof LockDays> {
  return LOCK_FIELDS.filter((k) => {
    const v = school[k];
    return v !== undefined && v > department[k];
  });
}

/**
 * The lock days a school works by: for each rule the stricter (shorter) of the department's and the
 * school's. A school's stored value can be looser than the department's only when the department
 * tightened after the school saved; taking the minimum here means the school is never looser.
 */
export function effectiveLockDays(department: LockDays, school?: Partial<LockDays> | null): LockDays {
  const out = { ...department };
  for (const k of LOCK_FIELDS) {
    const v = school?.[k];
    if (v !== undefined) out[k] = Math.min(v, department[k]);
  }
  return out;
}

/** Lock days and "marks in advance" together: both only ever as strict as the stricter side. */
export function effectiveLocks(
  department: LockSettings,
  school?: Pick<SchoolSettings, 'lockDays' | 'marksInAdvanceAllowed'> | null,
): LockSettings {
  return {
    lockDays: effectiveLockDays(department.lockDays, school?.lockDays),
    marksInAdvanceAllowed: department.marksInAdvanceAllowed && (school?.marksInAdvanceAllowed ?? true),
  };
}

// ---------------------------------------------------------------------------------------------
// Validation: every problem at once, each with the field it concerns and a Russian message

export interface SettingsProblem {
  /** Dotted path of the field, as in the request body: `lockDays.currentMarks`, `weights.test`. */
  field: string;
  message: string;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Numbers typed by people: at most two decimals (4.55 is a threshold, 4.555 a slip). */
const hasAtMostDecimals = (v: number, places: number) => Math.abs(v * 10 ** places - Math.round(v * 10 ** places)) < 1e-9;

function lockDaysProblems(lockDays: Partial<Record<keyof LockDays, unknown>>, requireAll: boolean): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const k of LOCK_FIELDS) {
    const v = lockDays[k];
    const field = `lockDays.${k}`;
    if (v === undefined || v === null) {
      if (requireAll) problems.push({ field, message: `«${LOCK_LABELS[k]}»: укажите число дней.` });
      continue;
    }
    if (!isNumber(v) || !Number.isInteger(v)) {
      problems.push({ field, message: `«${LOCK_LABELS[k]}»: нужно целое число дней.` });
    } else if (v < LOCK_DAYS_MIN || v > LOCK_DAYS_MAX) {
      problems.push({ field, message: `«${LOCK_LABELS[k]}»: число дней должно быть от ${LOCK_DAYS_MIN} до ${LOCK_DAYS_MAX}.` });
    }
  }
  return problems;
}

/** A lesson cannot be due after it locks: the fill term is at most the lock of current marks. */
function fillAfterLock(lockDays: LockDays): SettingsProblem[] {
  if (lockDays.fillWithin <= lockDays.currentMarks) return [];
  return [
    {
      field: 'lockDays.fillWithin',
      message: `«${LOCK_LABELS.fillWithin}» (${countOf(lockDays.fillWithin, DAY)}) не может быть больше срока блокировки текущих отметок (${countOf(lockDays.currentMarks, DAY)}).`,
    },
  ];
}

export function validateDepartmentSettings(s: LockSettings): SettingsProblem[] {
  const problems = lockDaysProblems(s.lockDays, true);
  if (typeof s.marksInAdvanceAllowed !== 'boolean') {
    problems.push({ field: 'marksInAdvanceAllowed', message: `«${MARKS_IN_ADVANCE_LABEL}»: укажите да или нет.` });
  }
  return problems.length ? problems : fillAfterLock(s.lockDays);
}

/** each looser school value, named, with the department's limit. */
export function stricterOnlyProblems(
  department: LockSettings,
  school: Pick<SchoolSettings, 'lockDays' | 'marksInAdvanceAllowed'>,
): SettingsProblem[] {
  const problems: SettingsProblem[] = looserThanDepartment(department.lockDays, school.lockDays).map((k) => ({
    field: `lockDays.${k}`,
    message:
      `«${LOCK_LABELS[k]}»: ${countOf(school.lockDays[k]!, DAY)} — мягче, чем установило управление образования ` +
      `(не более ${countOf(department.lockDays[k], DAY_GENITIVE)}). Школа может только сократить этот срок.`,
  }));
  if (school.marksInAdvanceAllowed === true && !department.marksInAdvanceAllowed) {
    problems.push({
      field: 'marksInAdvanceAllowed',
      message: `«${MARKS_IN_ADVANCE_LABEL}»: управление образования запрещает выставлять отметки заранее, школа не может это разрешить.`,
    });
  }
  return problems;
}

function thresholdProblems(t: Record<keyof MarkThresholds, unknown>): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const names = { mark5: '«5»', mark4: '«4»', mark3: '«3»' } as const;
  for (const k of ['mark5', 'mark4', 'mark3'] as const) {
    const v = t[k];
    const field = `thresholds.${k}`;
    if (!isNumber(v)) problems.push({ field, message: `Порог отметки ${names[k]}: укажите число.` });
    else if (v <= 2 || v > 5) problems.push({ field, message: `Порог отметки ${names[k]}: средний балл больше 2 и не больше 5.` });
    else if (!hasAtMostDecimals(v, 2)) problems.push({ field, message: `Порог отметки ${names[k]}: не больше двух знаков после запятой.` });
  }
  if (problems.length) return problems;
  const { mark5, mark4, mark3 } = t as MarkThresholds;
  if (!(mark5 > mark4)) problems.push({ field: 'thresholds.mark5', message: `Порог отметки «5» (${mark5}) должен быть больше порога «4» (${mark4}).` });
  if (!(mark4 > mark3)) problems.push({ field: 'thresholds.mark4', message: `Порог отметки «4» (${mark4}) должен быть больше порога «3» (${mark3}).` });
  return problems;
}

function weightProblems(weights: Record<string, unknown>): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const [id, w] of Object.entries(weights)) {
    const field = `weights.${id}`;
    const wt = WORK_TYPES.find((x) => x.id === id);
    if (!wt) {
      problems.push({ field, message: `Неизвестный вид работы «${id}».` });
      continue;
    }
    if (!isNumber(w)) problems.push({ field, message: `Вес «${wt.name}»: укажите число.` });
    else if (w < WEIGHT_MIN || w > WEIGHT_MAX) problems.push({ field, message: `Вес «${wt.name}»: от ${WEIGHT_MIN} до ${WEIGHT_MAX}.` });
    else if (!hasAtMostDecimals(w, 1)) problems.push({ field, message: `Вес «${wt.name}»: не больше одного знака после запятой.` });
  }
  return problems;
}

function testLimitProblems(l: Record<keyof TestLimits, unknown>): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const labels = { perDay: 'в день', perWeek: 'в неделю' } as const;
  for (const k of ['perDay', 'perWeek'] as const) {
    const v = l[k];
    if (!isNumber(v) || !Number.isInteger(v) || v < 1 || v > TEST_LIMIT_MAX[k]) {
      problems.push({ field: `testLimits.${k}`, message: `Контрольных работ ${labels[k]} на класс: целое число от 1 до ${TEST_LIMIT_MAX[k]}.` });
    }
  }
  if (problems.length) return problems;
  const { perDay, perWeek } = l as TestLimits;
  if (perDay > perWeek) {
    problems.push({ field: 'testLimits.perDay', message: `Контрольных работ в день (${perDay}) не может быть больше, чем в неделю (${perWeek}).` });
  }
  return problems;
}

/** Problems of the weights and thresholds of a new version of the marking rules. */
export function weightAndThresholdProblems(r: Pick<SchoolSettings, 'weights' | 'thresholds'>): SettingsProblem[] {
  return [...weightProblems(r.weights), ...thresholdProblems(r.thresholds)];
}

/** Every problem of a school's settings against its department's lock rules. */
export function validateSchoolSettings(department: LockSettings, s: SchoolSettings): SettingsProblem[] {
  const own = lockDaysProblems(s.lockDays, false);
  const problems = [...own];
  if (own.length === 0) problems.push(...stricterOnlyProblems(department, s));
  if (problems.length === 0) problems.push(...fillAfterLock(effectiveLockDays(department.lockDays, s.lockDays)));
  problems.push(...weightProblems(s.weights), ...thresholdProblems(s.thresholds), ...testLimitProblems(s.testLimits));
  if (s.idleMinutes !== undefined && idleMinutesOf(s.idleMinutes) !== s.idleMinutes) {
    problems.push({ field: 'idleMinutes', message: `${IDLE_LABEL}: целое число минут от ${IDLE_MINUTES_MIN} до ${IDLE_MINUTES_MAX}.` });
  }
  return problems;
}

export const IDLE_LABEL = 'Выход из журнала при бездействии сотрудника';

/** the mark a weighted average implies under the school's thresholds. */
export function impliedMark(average: number, t: MarkThresholds): 2 | 3 | 4 | 5 {
  if (average >= t.mark5) return 5;
  if (average >= t.mark4) return 4;
  if (average >= t.mark3) return 3;
  return 2;
}

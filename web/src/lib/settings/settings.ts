/**
 * The settings screen: the department's lock numbers for its staff;
 * a school's own settings for its director and deputy (stricter locks beside the department's
 * limits, weights per work type, thresholds, test limits). The server validates and its Russian
 * messages are shown as they are; this module only turns answers into forms and forms into bodies.
 */
import { IDLE_MINUTES_DEFAULT, IDLE_MINUTES_MAX, IDLE_MINUTES_MIN } from '../../../../shared/auth/session-rules';
import type { z } from 'zod';
import type { schoolSettingsResponse } from '../../../../functions/settings/schemas';
import { countOf, DAY, ruDate } from '../../../../shared/domain/calendar';
import { OPEN_DAYS_BEFORE_LABEL, OPEN_DAYS_BEFORE_MAX } from '../../../../shared/domain/period-mark-rules';
import { LOCK_FIELDS, LOCK_LABELS, type LockDays, type LockSettings, type MarkThresholds } from '../../../../shared/domain/settings';
import type { MinimumMarksStep } from '../../../../shared/domain/settings-versions';
import { conflictCurrent, type FailureHandler } from '../action';
import { ApiError, messageOf } from '../api';
import type { Me } from '../types';

export { LOCK_FIELDS, LOCK_LABELS, OPEN_DAYS_BEFORE_LABEL, OPEN_DAYS_BEFORE_MAX };
export type { LockDays };

export const SETTINGS_TEXT = {
  title: 'Настройки',
  refused: 'Настройки задают специалисты управления образования, директор и заместитель директора школы.',
  department: {
    heading: 'Сроки блокировки управления образования',
    intro:
      'Эти сроки действуют во всех школах управления (положение, п. 3.8 и 6.3). Школа может только сократить их, но не продлить.',
    marksInAdvance: 'Разрешить выставлять отметки заранее (на уроки, которые ещё не прошли)',
    marksInAdvanceHint: 'По положению (п. 3.8) отметки заранее не выставляются.',
    openDaysHint: 'По положению (п. 3.9) отметки за период выставляются в последний учебный день периода: 0 — не раньше этого дня.',
  },
  school: {
    heading: (name: string) => `Настройки школы: ${name}`,
    locksHeading: 'Сроки блокировки школы',
    locksIntro:
      'Пустое поле — школа работает по сроку управления образования. Школа может установить срок только короче, чем у управления.',
    limit: (n: number) => `предел управления: ${days(n)}`,
    inForce: (n: number) => `действует: ${days(n)}`,
    forbidAdvance: 'Запретить выставлять отметки заранее',
    advanceForbiddenByDepartment: 'Управление образования запрещает выставлять отметки заранее: школа не может это разрешить.',
    advanceAllowedByDepartment: 'Управление образования разрешает отметки заранее; школа может их запретить.',
    weightsHeading: 'Веса видов работ для средневзвешенного балла',
    weightsIntro: 'Вес от 0,1 до 10, не больше одного знака после запятой.',
    workType: 'Вид работы',
    weight: 'Вес',
    byDefault: (w: number) => `по умолчанию ${formatNumber(w)}`,
    defaultColumn: 'Вес по умолчанию',
    thresholdsHeading: 'Пороги отметок по средневзвешенному баллу',
    thresholdsIntro: 'Средний балл не ниже порога даёт отметку; ниже порога «3» — отметка «2».',
    threshold: (mark: 5 | 4 | 3) => `Отметка «${mark}» — от`,
    testsHeading: 'Контрольные работы в графике оценочных процедур',
    perDay: 'Не больше в день на класс',
    perWeek: 'Не больше в неделю на класс',
    idleHeading: 'Общие компьютеры',
    idle: 'Выход сотрудника из журнала после бездействия, минут',
    idleHint: `Пустое поле — ${IDLE_MINUTES_DEFAULT} минут. За минуту до выхода журнал предупреждает. От ${IDLE_MINUTES_MIN} до ${IDLE_MINUTES_MAX}.`,
    openDaysHeading: 'Отметки за период',
    openDaysIntro: 'Пустое поле — как у управления образования. Школа может только сократить этот срок.',
  },
  rules: {
    heading: 'Веса, пороги и минимум отметок (версии)',
    intro:
      'Правила обоснования отметок за период (п. 6.1 положения) действуют с указанной даты. Отметка за период считается по правилам, ' +
      'действующим в последний день периода, поэтому закрытые периоды новые правила не меняют.',
    listHeading: 'Версии правил',
    from: 'Действуют с',
    what: 'Что изменилось',
    initial: 'исходные правила школы',
    asDefault: 'как в положении по умолчанию',
    inForce: 'действуют сегодня',
    addHeading: 'Новая версия правил',
    effectiveFrom: 'Действуют с (ДД.ММ.ГГГГ)',
    minimumHeading: 'Минимум отметок за период',
    minimumIntro: 'Не меньше стольких текущих отметок нужно для отметки за период у предмета с таким числом часов в неделю и больше.',
    hours: (i: number) => `Правило ${i + 1}: часов в неделю, от`,
    marks: (i: number) => `Правило ${i + 1}: отметок, не меньше`,
    addStep: 'Добавить правило',
    removeStep: (i: number) => `Убрать правило ${i + 1}`,
    save: 'Сохранить версию',
    confirmHeading: 'Новые правила изменят расчёт отметок открытых периодов:',
    confirm: 'Сохранить и изменить эти периоды',
    cancel: 'Не сохранять',
    saved: (from: string) => `Правила сохранены: действуют с ${ruDate(from)}.`,
  },
  days: 'дней',
  save: 'Сохранить',
  saving: 'Сохраняем…',
  saved: 'Настройки сохранены.',
  notSaved: 'Настройки не сохранены:',
  stale: 'Показаны текущие значения.',
} as const;

export function days(n: number): string {
  return countOf(n, DAY);
}

export function formatNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** Which settings this person sets: the department's (its staff), a school's (director, deputy). */
export function settingsScopes(me: Me, wantedSchool?: string | null): { departmentId?: string; schoolId?: string } {
  const departmentId = me.grants.some((g) => g.role === 'department' && g.departmentId === me.departmentId) ? me.departmentId : undefined;
  const schools = [...new Set(me.grants.flatMap((g) => (g.role === 'director' || g.role === 'deputy' ? [g.schoolId] : [])))];
  const schoolId = wantedSchool && schools.includes(wantedSchool) ? wantedSchool : schools[0];
  return { ...(departmentId ? { departmentId } : {}), ...(schoolId ? { schoolId } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Department

/** GET /api/departments/{id}/settings; `version` appears once the settings were first saved, the
 * opening of period marks once it was set (0, the regulation's, until then). */
export interface DepartmentSettingsAnswer extends LockSettings {
  departmentId: string;
  name: string;
  periodMarksOpenDaysBefore?: number;
  version?: number;
}

export interface DepartmentForm {
  version: number;
  lockDays: Record<keyof LockDays, number | null>;
  marksInAdvanceAllowed: boolean;
  openDaysBefore: number | null;
}

export function departmentForm(s: DepartmentSettingsAnswer): DepartmentForm {
  return { version: s.version ?? 0, lockDays: { ...s.lockDays }, marksInAdvanceAllowed: s.marksInAdvanceAllowed, openDaysBefore: s.periodMarksOpenDaysBefore ?? 0 };
}

/** An empty field goes as null, which the server refuses with the field's name. */
export function departmentBody(f: DepartmentForm) {
  const lockDays = Object.fromEntries(LOCK_FIELDS.map((k) => [k, numberOrNull(f.lockDays[k])]));
  return { version: f.version, lockDays, marksInAdvanceAllowed: f.marksInAdvanceAllowed, periodMarksOpenDaysBefore: numberOrNull(f.openDaysBefore) };
}

// ---------------------------------------------------------------------------------------------
// School

/** GET /api/schools/{id}/settings: the answer's schema (functions/settings/schemas.ts), types only. */
export type SchoolSettingsView = z.infer<typeof schoolSettingsResponse>;
export type RulesVersionView = SchoolSettingsView['markingRules']['versions'][number];

type Nullable<T> = { [K in keyof T]: number | null };

export interface SchoolForm {
  version: number;
  lockDays: Record<keyof LockDays, number | null>;
  /** The school's own "no marks in advance"; where the department forbids them it is forbidden anyway. */
  forbidMarksInAdvance: boolean;
  testLimits: Nullable<SchoolSettingsView['settings']['testLimits']>;
  /** Empty: as the department says. */
  openDaysBefore: number | null;
  /** Empty: the default idle time (shared/auth/session-rules.ts). */
  idleMinutes: number | null;
}

export function schoolForm(v: SchoolSettingsView): SchoolForm {
  return {
    version: v.version,
    lockDays: Object.fromEntries(LOCK_FIELDS.map((k) => [k, v.settings.lockDays[k] ?? null])) as Record<keyof LockDays, number | null>,
    forbidMarksInAdvance: v.settings.marksInAdvanceAllowed === false || !v.department.marksInAdvanceAllowed,
    testLimits: { ...v.settings.testLimits },
    openDaysBefore: v.settings.periodMarksOpenDaysBefore ?? null,
    idleMinutes: v.settings.idleMinutes ?? null,
  };
}

/** Svelte gives an emptied number field as null (or undefined); text that is not a number is NaN. */
function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function schoolBody(f: SchoolForm, department: LockSettings) {
  const lockDays: Partial<Record<keyof LockDays, number>> = {};
  for (const k of LOCK_FIELDS) {
    const v = numberOrNull(f.lockDays[k]);
    if (v !== null) lockDays[k] = v;
  }
  return {
    version: f.version,
    lockDays,
    // Only a stricter "no" is the school's own; where the department forbids, nothing needs saying.
    ...(f.forbidMarksInAdvance && department.marksInAdvanceAllowed ? { marksInAdvanceAllowed: false } : {}),
    testLimits: { perDay: numberOrNull(f.testLimits.perDay), perWeek: numberOrNull(f.testLimits.perWeek) },
    periodMarksOpenDaysBefore: numberOrNull(f.openDaysBefore),
    idleMinutes: numberOrNull(f.idleMinutes),
  };
}

// ---------------------------------------------------------------------------------------------
// Versions of the marking rules

/** «с 01.12.2026» or «исходные правила школы», for the list of versions. */
export function versionDate(v: Pick<RulesVersionView, 'effectiveFrom' | 'initial'>): string {
  return v.initial ? SETTINGS_TEXT.rules.initial : ruDate(v.effectiveFrom);
}

/** What a version changed, in one line. */
export function versionChanges(v: Pick<RulesVersionView, 'changes'>): string {
  return v.changes.length ? v.changes.join('; ') : SETTINGS_TEXT.rules.asDefault;
}

/** The version in force today: the last one that took effect on or before it. */
export function versionInForce(view: Pick<SchoolSettingsView, 'markingRules'>): RulesVersionView | undefined {
  return view.markingRules.versions.filter((v) => v.effectiveFrom <= view.markingRules.today).at(-1);
}

export interface RulesForm {
  /** ISO date ('' until typed as ДД.ММ.ГГГГ). */
  effectiveFrom: string;
  weights: Record<string, number | null>;
  thresholds: Nullable<MarkThresholds>;
  minimumMarks: Array<Nullable<MinimumMarksStep>>;
}

/** A new version starts as a copy of the latest one, from today. */
export function rulesForm(v: SchoolSettingsView): RulesForm {
  const latest = v.markingRules.versions.at(-1);
  return {
    effectiveFrom: v.markingRules.today,
    weights: Object.fromEntries(v.workTypes.map((w) => [w.id, latest?.weights[w.id] ?? w.defaultWeight])),
    thresholds: { ...(latest?.thresholds ?? v.settings.thresholds) },
    minimumMarks: (latest?.minimumMarks ?? []).map((s) => ({ ...s })),
  };
}

export function rulesBody(f: RulesForm, version: number, confirm: boolean) {
  const weights: Record<string, number> = {};
  for (const [id, w] of Object.entries(f.weights)) {
    const v = numberOrNull(w);
    if (v !== null) weights[id] = v;
  }
  return {
    version,
    effectiveFrom: f.effectiveFrom,
    weights,
    thresholds: { mark5: numberOrNull(f.thresholds.mark5), mark4: numberOrNull(f.thresholds.mark4), mark3: numberOrNull(f.thresholds.mark3) },
    minimumMarks: f.minimumMarks.map((s) => ({ hoursPerWeek: numberOrNull(s.hoursPerWeek), marks: numberOrNull(s.marks) })),
    confirm,
  };
}

/** The open periods a refused version would change (409 `periods_change`), in words; empty for any other failure. */
export function periodsToConfirm(e: unknown): string[] {
  if (!(e instanceof ApiError) || e.status !== 409 || e.code !== 'periods_change') return [];
  const list = (e.details as { periods?: Array<{ text?: unknown }> } | undefined)?.periods;
  return Array.isArray(list) ? list.flatMap((p) => (typeof p?.text === 'string' ? [p.text] : [])) : [];
}

/** A server problem list (400 details.fields) as the screen shows it: messages, and the fields to mark. */
export interface Problems {
  messages: string[];
  fields: Set<string>;
}

export const NO_PROBLEMS: Problems = { messages: [], fields: new Set() };

export function problemsOf(message: string, details: unknown): Problems {
  const list = (details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(list) || list.length === 0) return { messages: [message], fields: new Set() };
  const items = list.filter((f): f is { path: string; message: string } => typeof f?.path === 'string' && typeof f?.message === 'string');
  return { messages: [...new Set(items.map((f) => f.message))], fields: new Set(items.map((f) => f.path)) };
}

/** What a failed save shows: the server's messages per field when it names fields, else its one message. */
export function failureProblems(e: unknown): Problems {
  return e instanceof ApiError ? problemsOf(e.message, e.details) : { messages: [messageOf(e)], fields: new Set() };
}

/** A refused save of a settings form: someone else's newer settings come back into the form, and the reasons are listed. */
export function refusedSave<T>(take: (current: T) => void, show: (problems: Problems) => void): FailureHandler {
  return (e) => {
    const latest = conflictCurrent<T>(e);
    if (latest) take(latest);
    show(failureProblems(e));
  };
}

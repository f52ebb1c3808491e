/**
 * Request and response schemas of the settings area. The schemas check the shape (each with a
 * Russian message naming the field); ranges and the stricter-only rule are the domain's
 * (shared/domain/settings.ts), which reports every problem at once.
 */
import * as z from 'zod';
import { OPEN_DAYS_BEFORE_LABEL } from '../../shared/domain/period-mark-rules';
import { MONITORING_THRESHOLD_LABELS as MT, type MonitoringThresholds } from '../../shared/domain/reports/monitoring';
import { LOCK_LABELS, MARKS_IN_ADVANCE_LABEL, type LockDays } from '../../shared/domain/settings';

const days = (k: keyof LockDays) => z.number({ error: `«${LOCK_LABELS[k]}»: укажите число дней.` });
const version = z
  .number({ error: 'Не указана версия настроек: обновите страницу.' })
  .int('Версия настроек — целое число.')
  .min(0, 'Версия настроек не может быть отрицательной.');
const marksInAdvance = z.boolean({ error: `«${MARKS_IN_ADVANCE_LABEL}»: укажите да или нет.` });
const openDaysBefore = z.number({ error: `«${OPEN_DAYS_BEFORE_LABEL}»: укажите число дней.` });

const lockDays = z.object(
  {
    currentMarks: days('currentMarks'),
    practicalWorks: days('practicalWorks'),
    essays: days('essays'),
    finalMarks: days('finalMarks'),
    fillWithin: days('fillWithin'),
  },
  { error: 'Укажите сроки блокировки.' },
);

/** Every field optional and nullable: a field left empty follows the department. */
const schoolLockDays = z.object(
  {
    currentMarks: days('currentMarks').nullable().optional(),
    practicalWorks: days('practicalWorks').nullable().optional(),
    essays: days('essays').nullable().optional(),
    finalMarks: days('finalMarks').nullable().optional(),
    fillWithin: days('fillWithin').nullable().optional(),
  },
  { error: 'Сроки блокировки школы — объект; пустой, если школа следует управлению образования.' },
);

const thresholds = z.object(
  {
    mark5: z.number({ error: 'Порог отметки «5»: укажите число.' }),
    mark4: z.number({ error: 'Порог отметки «4»: укажите число.' }),
    mark3: z.number({ error: 'Порог отметки «3»: укажите число.' }),
  },
  { error: 'Укажите пороги отметок.' },
);

const testLimits = z.object(
  {
    perDay: z.number({ error: 'Контрольных работ в день: укажите число.' }),
    perWeek: z.number({ error: 'Контрольных работ в неделю: укажите число.' }),
  },
  { error: 'Укажите ограничения числа контрольных работ.' },
);

const weights = z.record(
  z.string().max(40, 'Неизвестный вид работы.'),
  z.number({ error: 'Вес вида работы — число.' }),
  { error: 'Веса видов работ — объект «вид работы: вес».' },
);

/** Absent: the department's number stays as it is. */
export const departmentSettingsBody = z.object({ version, lockDays, marksInAdvanceAllowed: marksInAdvance, periodMarksOpenDaysBefore: openDaysBefore.optional() });

export const departmentSettingsSaved = z.object({
  departmentId: z.string(),
  name: z.string(),
  lockDays,
  marksInAdvanceAllowed: z.boolean(),
  periodMarksOpenDaysBefore: z.number(),
  version: z.number(),
});

/** Weights and thresholds are not here: they change only as a dated version (markingRulesBody). */
export const schoolSettingsBody = z.object({
  version,
  lockDays: schoolLockDays,
  marksInAdvanceAllowed: marksInAdvance.nullable().optional(),
  testLimits,
  /** Empty: as the department says. */
  periodMarksOpenDaysBefore: openDaysBefore.nullable().optional(),
  /** Minutes; null: the default (15); absent: unchanged. */
  idleMinutes: z.number({ error: 'Выход при бездействии: укажите число минут.' }).nullable().optional(),
});

const minimumMarks = z
  .array(
    z.object(
      {
        hoursPerWeek: z.number({ error: 'Минимум отметок: укажите число часов в неделю.' }),
        marks: z.number({ error: 'Минимум отметок: укажите число отметок.' }),
      },
      { error: 'Минимум отметок: правило — часы в неделю и число отметок.' },
    ),
    { error: 'Минимум отметок за период — список правил.' },
  )
  .max(50, 'Минимум отметок за период: слишком много правил.');

/** A new version of the marking rules (R-31, clause 6.1); `confirm` once the periods it changes were shown. */
export const markingRulesBody = z.object({
  version,
  effectiveFrom: z.string({ error: 'Укажите дату, с которой действуют правила.' }).max(10, 'Дата, с которой действуют правила, указана неверно.'),
  weights,
  thresholds,
  minimumMarks,
  confirm: z.boolean({ error: 'Подтверждение — да или нет.' }).optional(),
});

const lockSettings = z.object({ lockDays, marksInAdvanceAllowed: z.boolean(), periodMarksOpenDaysBefore: z.number() });
const minimumSteps = z.array(z.object({ hoursPerWeek: z.number(), marks: z.number() }));

export const schoolSettingsResponse = z.object({
  schoolId: z.string(),
  version: z.number(),
  settings: z.object({
    lockDays: schoolLockDays,
    marksInAdvanceAllowed: z.boolean().optional(),
    /** The weights and thresholds in force today. */
    weights: z.record(z.string(), z.number()),
    thresholds,
    testLimits,
    periodMarksOpenDaysBefore: z.number().optional(),
    idleMinutes: z.number().optional(),
    correctionEntryWindowDays: z.number().optional(),
    journalControlDeputyIds: z.array(z.string()).optional(),
    /** What the monitoring highlights, defaults filled in. */
    monitoringThresholds: z.record(z.string(), z.number()).optional(),
  }),
  /** The department's limits, shown beside each field. */
  department: lockSettings,
  /** What the school works by: the stricter of the two, field by field. */
  effective: lockSettings,
  workTypes: z.array(z.object({ id: z.string(), name: z.string(), defaultWeight: z.number() })),
  /** The versions of weights, thresholds and minimums by date, each with what it changed; `today` in the school's zone. */
  markingRules: z.object({
    today: z.string(),
    versions: z.array(
      z.object({
        effectiveFrom: z.string(),
        initial: z.boolean(),
        weights: z.record(z.string(), z.number()),
        thresholds,
        minimumMarks: minimumSteps,
        changes: z.array(z.string()),
      }),
    ),
  }),
});

/** A saved version: the settings, and the open periods it changed in words. */
export const markingRulesSaved = schoolSettingsResponse.extend({ changedPeriods: z.array(z.string()) });

/** The director's settings of corrections (clauses 3.11, 7.4): the entry window and the deputies of journal control. */
export const correctionSettingsBody = z.object({
  version,
  correctionEntryWindowDays: z.number({ error: 'Срок внесения исправления: укажите число дней.' }),
  journalControlDeputyIds: z
    .array(z.string({ error: 'Ответственный за контроль ведения журнала: ожидается идентификатор сотрудника.' }).max(64, 'Идентификатор сотрудника слишком длинный.'), { error: 'Укажите список ответственных за контроль ведения журнала (может быть пустым).' })
    .max(20, 'Слишком длинный список ответственных.'),
});

/** The school's thresholds of the monitoring: every field a number, its range checked by the domain. */
const threshold = (k: keyof MonitoringThresholds) => z.number({ error: `«${MT[k]}»: укажите число.` });
export const monitoringThresholdsBody = z.object({
  version,
  thresholds: z.object(
    {
      minFillRate: threshold('minFillRate'),
      maxNoMarkShare: threshold('maxNoMarkShare'),
      maxOneMarkShare: threshold('maxOneMarkShare'),
      minHomeworkShare: threshold('minHomeworkShare'),
      minTopicShare: threshold('minTopicShare'),
      maxKtpBehind: threshold('maxKtpBehind'),
      maxLateFills: threshold('maxLateFills'),
      minParentActivity30: threshold('minParentActivity30'),
      minStudentActivity30: threshold('minStudentActivity30'),
    },
    { error: 'Укажите пороги мониторинга.' },
  ),
});

/**
 * Request and response schemas of period, year, exam and final marks (issue 10). Messages are
 * Russian: the screen shows them as they are. Shapes only; the rules are the domain's
 * (shared/domain/period-marks.ts, period-mark-rules.ts, mark-justification.ts, early-warning.ts).
 */
import * as z from 'zod';
import { FINAL_MARK_CODES, FINAL_MARK_KINDS, REASON_MAX } from '../../shared/domain/period-marks';
import { entryVersion as version, idParam, periodView, requestId } from '../schemas';


export const finalMarkBody = z.object({
  code: z.enum(FINAL_MARK_CODES, { error: 'Неизвестное значение отметки: допустимы 2–5, «н/а», «зач», «незач» (пусто — удалить отметку).' }).nullable(),
  reason: z.string({ error: 'Причина: ожидается текст.' }).max(REASON_MAX, `Причина длиннее ${REASON_MAX} знаков: сократите её.`).nullable().optional(),
  version,
  requestId,
});

export const tableQuery = z.object({ subject: idParam('Предмет').optional() });

const windowView = z.object({ what: z.string(), opensOn: z.string(), dueBy: z.string().nullable(), closesOn: z.string().nullable() }).nullable();

export const finalMarkView = z.object({
  kind: z.enum(FINAL_MARK_KINDS),
  periodId: z.string().optional(),
  subjectId: z.string(),
  studentId: z.string(),
  code: z.enum(FINAL_MARK_CODES),
  text: z.string(),
  reason: z.string().optional(),
  late: z.boolean(),
  system: z.boolean().optional(),
  setBy: z.string().optional(),
  setByName: z.string().optional(),
  setAt: z.string().optional(),
  firstSetAt: z.string().optional(),
  version: z.number(),
});

const subjectColumn = z.object({
  subjectId: z.string(),
  name: z.string(),
  shortName: z.string(),
  hoursPerWeek: z.number(),
  canSet: z.boolean(),
  /** The curriculum marks it «зач»/«незач»; it has an exam (grades 9 and 11). */
  passFail: z.boolean(),
  hasExam: z.boolean(),
});
const studentRow = z.object({ studentId: z.string(), name: z.string() });

const markingRules = z.object({
  weights: z.record(z.string(), z.number()),
  thresholds: z.object({ mark5: z.number(), mark4: z.number(), mark3: z.number() }),
  minimumMarks: z.array(z.object({ hoursPerWeek: z.number(), marks: z.number() })),
});

const justification = z.object({
  sum: z.number(),
  weightSum: z.number(),
  average: z.number().nullable(),
  implied: z.number().nullable(),
  formula: z.string().nullable(),
  lines: z.array(
    z.object({
      date: z.string(),
      workType: z.string(),
      workTypeName: z.string(),
      value: z.number(),
      weight: z.number(),
      product: z.number(),
      hypothetical: z.boolean().optional(),
    }),
  ),
  thresholds: z.object({ mark5: z.number(), mark4: z.number(), mark3: z.number() }),
  rule: z.string(),
  minimum: z.object({ hoursPerWeek: z.number(), required: z.number(), count: z.number(), met: z.boolean() }),
  summary: z.string(),
});

export const periodTableResponse = z.object({
  classId: z.string(),
  className: z.string(),
  grade: z.number(),
  today: z.string(),
  period: periodView,
  /** The grade's periods, for the screen's switch. */
  periods: z.array(periodView),
  title: z.string(),
  window: windowView,
  lockDays: z.number(),
  rule: z.string(),
  subjects: z.array(subjectColumn),
  students: z.array(studentRow),
  marks: z.array(finalMarkView),
  /** With `?subject=`: every student's justification and the period's rules, which the what-if counts by. */
  justification: z.object({ subjectId: z.string(), rules: markingRules, students: z.array(justification.extend({ studentId: z.string() })) }).optional(),
  queryPages: z.number(),
});

export const yearTableResponse = z.object({
  classId: z.string(),
  className: z.string(),
  grade: z.number(),
  yearId: z.string(),
  today: z.string(),
  periods: z.array(periodView),
  /** The period of today (else the last begun): where the screen's warnings link leads. */
  currentPeriodId: z.string().nullable(),
  kinds: z.array(z.object({ kind: z.enum(['year', 'exam', 'final']), title: z.string(), window: windowView })),
  subjects: z.array(subjectColumn),
  students: z.array(studentRow),
  marks: z.array(finalMarkView),
  queryPages: z.number(),
});

export const finalMarkResponse = z.object({
  mark: finalMarkView.nullable(),
  version: z.number(),
  replayed: z.boolean(),
  lockedFrom: z.string().nullable(),
});

const warning = z.object({
  kind: z.enum(['implied2', 'fewMarks', 'absences', 'attendanceFalling']),
  risk: z.enum(['two', 'notAssessed', 'attendance']),
  critical: z.boolean().optional(),
  message: z.string(),
});

const classWarnings = z.object({
  classId: z.string(),
  className: z.string(),
  period: periodView,
  students: z.array(
    z.object({
      studentId: z.string(),
      studentName: z.string(),
      subjectId: z.string().optional(),
      subjectName: z.string().optional(),
      daysLeft: z.number(),
      lessonsLeft: z.number(),
      warnings: z.array(warning),
    }),
  ),
  /** Subjects of the curriculum whose journal has no roster yet in the period (never opened): not judged. */
  unopened: z.array(z.string()),
  queryPages: z.number(),
});

export const warningsResponse = classWarnings.extend({ today: z.string(), periods: z.array(periodView) });

/** `?period=` names a period (a class on halves is judged in its half holding the quarter's last day); without it, each class's period of today. */
export const schoolWarningsQuery = z.object({ period: idParam('Период').optional() });

export const schoolWarningsResponse = z.object({
  schoolId: z.string(),
  today: z.string(),
  /** The period asked for, if any; every period of the year (quarters and halves), for the switch. */
  periodId: z.string().nullable(),
  periods: z.array(periodView),
  classes: z.array(classWarnings),
  queryPages: z.number(),
});

export const studentReportResponse = z.object({
  studentId: z.string(),
  classId: z.string(),
  className: z.string(),
  period: periodView,
  today: z.string(),
  rule: z.string(),
  rules: markingRules,
  subjects: z.array(
    z.object({
      subjectId: z.string(),
      subjectName: z.string(),
      mark: finalMarkView.nullable(),
      justification,
      warnings: z.array(warning),
      daysLeft: z.number(),
      lessonsLeft: z.number(),
    }),
  ),
});

/** `?period=` names a period of the student's class; without it, the period of today. `?class=`: an earlier class of the student (its year's history). */
export const currentReportQuery = z.object({ period: idParam('Период').optional(), class: idParam('Класс').optional() });

/** The same report, found from the student alone, with the class's periods for a switch. */
export const currentReportResponse = studentReportResponse.extend({ periods: z.array(periodView) });

/**
 * Response schemas of the class teacher's reports (issue 13). Shapes only: the figures are the
 * domain's (shared/domain/reports/*).
 */
import * as z from 'zod';
import { idParam, periodView } from '../schemas';

const count = z.number().int().nonnegative();
const percent = z.number().nullable();

/** What heads every class report: the school, the class, its period and the periods to switch to. */
const REPORT_HEADING = {
  schoolName: z.string(),
  classId: z.string(),
  className: z.string(),
  grade: z.number(),
  timeZone: z.string(),
  period: periodView,
  periods: z.array(periodView),
};

/** The preliminary report: current averages and implied marks, and who is at risk (the early warnings' own words). */
export const preliminaryResponse = z.object({
  ...REPORT_HEADING,
  today: z.string(),
  subjects: z.array(z.object({ subjectId: z.string(), name: z.string(), shortName: z.string() })),
  rows: z.array(
    z.object({
      studentId: z.string(),
      no: z.number(),
      name: z.string(),
      /** Null where the student is not in the subject's roster (another subgroup's teacher keeps it, or the journal was never opened). */
      cells: z.array(z.object({ average: z.number().nullable(), implied: z.number().nullable(), minimumMet: z.boolean() }).nullable()),
      atRisk: z.boolean(),
    }),
  ),
  atRisk: z.array(z.object({ studentId: z.string(), studentName: z.string(), subjectName: z.string().optional(), messages: z.array(z.string()) })),
  queryPages: z.number(),
});

const missed = z.object({ missed: count, illness: count, valid: count, invalid: count, unexplained: count });

/** Attendance from the year's start to the period's end: per student and month the lessons missed by reason, per month the class. */
export const attendanceResponse = z.object({
  ...REPORT_HEADING,
  from: z.string(),
  until: z.string(),
  today: z.string(),
  months: z.array(z.string()),
  rows: z.array(missed.extend({ studentId: z.string(), no: z.number(), name: z.string(), months: z.array(missed), late: count, lessons: count })),
  byMonth: z.array(z.object({ month: z.string(), lessons: count, missed: count, attended: z.number().nullable() })),
  queryPages: z.number(),
});

export const summaryResponse = z.object({
  ...REPORT_HEADING,
  today: z.string(),
  subjects: z.array(z.object({ subjectId: z.string(), name: z.string(), shortName: z.string(), passFail: z.boolean() })),
  /** The period ends the year: each cell carries the year mark too. */
  withYear: z.boolean(),
  rows: z.array(
    z.object({
      studentId: z.string(),
      no: z.number(),
      name: z.string(),
      cells: z.array(z.object({ period: z.string().nullable(), year: z.string().nullable().optional() })),
      average: z.number().nullable(),
      failing: count,
    }),
  ),
  results: z.array(
    z.object({
      subjectId: z.string(),
      assessed: count,
      unmarked: count,
      five: count,
      four: count,
      three: count,
      two: count,
      notAssessed: count,
      success: percent,
      quality: percent,
      average: z.number().nullable(),
    }),
  ),
  totals: z.object({
    students: count,
    excellent: count,
    good: count,
    oneThree: count,
    withTwo: count,
    withNotAssessed: count,
    success: percent,
    quality: percent,
    average: z.number().nullable(),
  }),
  /** How success and quality are counted, as the screen states it. */
  note: z.string(),
  queryPages: z.number(),
});

const movementLine = z.object({ studentId: z.string(), name: z.string(), date: z.string(), orderNo: z.string(), kind: z.enum(['enrol', 'transfer', 'leave', 'graduate']), kindTitle: z.string(), place: z.string() });

/** The summary sheet of student movement: the counts on the period's first and last day, and who arrived and left between them. */
export const movementResponse = z.object({
  ...REPORT_HEADING,
  today: z.string(),
  from: z.string(),
  to: z.string(),
  atStart: count,
  arrived: z.array(movementLine),
  left: z.array(movementLine),
  atEnd: count,
});

// --- the monitoring of how the journal is kept (R-62; issue 13, item 3) ---------------------------

/** ?classId= one class, ?teacherId= one teacher's rows. */
export const monitoringQuery = z.object({
  classId: idParam('Класс').optional(),
  teacherId: idParam('Учитель').optional(),
});

const problem = z.object({ code: z.string(), message: z.string() });
const activity = z.object({ total: count, active7: count, active30: count, share7: percent, share30: percent });

export const monitoringResponse = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  yearId: z.string(),
  period: periodView,
  periods: z.array(periodView),
  today: z.string(),
  from: z.string(),
  until: z.string(),
  timeZone: z.string(),
  thresholds: z.record(z.string(), z.number()),
  classes: z.array(z.object({ classId: z.string(), className: z.string(), grade: z.number(), periodName: z.string() })),
  teachers: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** Every class of the year, for the class filter. */
  classOptions: z.array(z.object({ classId: z.string(), className: z.string() })),
  rows: z.array(
    z.object({
      teacherId: z.string(),
      teacherName: z.string(),
      classId: z.string(),
      className: z.string(),
      grade: z.number(),
      subjectId: z.string(),
      subjectName: z.string(),
      groupIds: z.array(z.string()),
      students: count,
      lessonsHeld: count,
      marks: count,
      fillRate: z.number().nullable(),
      noMarkShare: percent,
      oneMarkShare: percent,
      noMarkStudents: count,
      oneMarkStudents: count,
      homeworkShare: percent,
      topicShare: percent,
      ktp: z.object({ state: z.enum(['approved', 'draft', 'none']), planned: count, taught: count, behind: count, ahead: count }),
      lateFills: count,
      overdueFills: count,
      assessments: z.array(z.object({ date: z.string(), kind: z.string(), kindShort: z.string(), title: z.string().optional(), state: z.enum(['kept', 'noLesson', 'noMarks', 'upcoming']) })),
      assessmentsDue: count,
      assessmentsKept: count,
      problems: z.array(problem),
    }),
  ),
  activity: z.array(z.object({ classId: z.string(), className: z.string(), students: activity, parents: activity, problems: z.array(problem) })),
  problemRows: count,
  notes: z.array(z.string()),
  journalQueries: count,
});

/**
 * The summary sheet of student movement of a class for a period (issue 13, item 1; clause 5), for
 * the class reports (screen, PDF, XLSX) and for the period close's documents. The rule is
 * shared/domain/reports/movement-sheet.ts; here the reads, all by key or on one key prefix:
 * - the class's current list: one Query of its GSI2 roster partition;
 * - the school's movements from the period's first day on: one Query of the GSI1 movement list
 *   (date-sorted, so the range starts at the period);
 * - the classes' names, one Query of the school's CLS# prefix, only when a transfer between
 *   classes is to be printed.
 * `classMovementSheet` adds the class and year (two GetItems) and, given the department, the school
 * item (one GetItem): 4 to 6 requests in all.
 */
import { classTitle } from '../../domain/people-classes';
import { movementSheet, type MovementSheet } from '../../domain/reports/movement-sheet';
import { periodsForGrade, type Period } from '../../domain/year';
import { NotFoundError } from '../../errors';
import { listMovementsOfSchool } from '../../repos/movement';
import { getClass, getSchool, listClasses, listStudentsOfClass, type SchoolClass } from '../../repos/school';
import { getYear } from '../../repos/year';
import { reportHeading, type HeadingContext } from './heading';

export type MovementSheetReport = MovementSheet & ReturnType<typeof reportHeading>;

/** The sheet of a class's period; `ctx` is the class already loaded (and, on the API, authorised). */
export async function movementReport(ctx: HeadingContext, now: Date): Promise<MovementSheetReport> {
  const cls = ctx.schoolClass;
  const period = ctx.period!;
  const [students, moves] = await Promise.all([listStudentsOfClass(cls.schoolId, cls.classId), listMovementsOfSchool(cls.schoolId, period.startDate)]);
  const transfers = moves.some((m) => m.kind === 'transfer' && (m.fromClassId === cls.classId || m.toClassId === cls.classId));
  const titles = new Map((transfers ? await listClasses(cls.schoolId) : []).map((c) => [c.classId, classTitle(c)]));
  const sheet = movementSheet({
    classId: cls.classId,
    from: period.startDate,
    to: period.endDate,
    current: students.map((s) => s.studentId),
    movements: moves,
    classTitle: (id) => titles.get(id) ?? id,
  });
  return { ...reportHeading(ctx, now), ...sheet };
}

/** The zone a school without its item at hand is taken in (the demo's and most schools' own). */
const DEFAULT_ZONE = 'Europe/Moscow';

/**
 * The sheet by ids, for callers outside the reports area (the period close). Give `departmentId`
 * to have the school's name and time zone on it; without it the name is empty and «today» is
 * Moscow's. Throws NotFoundError for an unknown class, a class of another year or a period the
 * class does not have.
 */
export async function classMovementSheet(input: { schoolId: string; yearId: string; periodId: string; classId: string; now: Date; departmentId?: string }): Promise<MovementSheetReport> {
  const [schoolClass, year, school] = await Promise.all([
    getClass(input.schoolId, input.classId),
    getYear(input.schoolId, input.yearId),
    input.departmentId ? getSchool(input.departmentId, input.schoolId) : Promise.resolve(null),
  ]);
  if (!schoolClass || schoolClass.yearId !== input.yearId || !year) throw new NotFoundError('Класс не найден.');
  const periods = periodsForGrade(year, schoolClass.grade);
  const period = periods.find((p) => p.periodId === input.periodId);
  if (!period) throw new NotFoundError('Нет такого периода у этого класса.');
  return movementReport(headingContext(schoolClass, period, periods, school?.name ?? '', school?.timeZone ?? DEFAULT_ZONE), input.now);
}

function headingContext(schoolClass: SchoolClass, period: Period, periods: Period[], schoolName: string, timeZone: string): HeadingContext {
  return { schoolClass, period, periods, schoolName, marking: { journal: { timeZone } } };
}

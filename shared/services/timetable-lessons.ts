/**
 * Lessons of the journal, generated from the timetable (R-13, clause 1.4) into each class x period
 * partition. Regeneration makes the stored lessons dated within a window equal to what the
 * timetable, the holidays and the one-off changes give: running it twice changes nothing, lessons
 * outside the window (the past, by default) are not touched, and a lesson that holds journal data is
 * never deleted (see `hasJournalData`).
 */
import type { Principal } from '../auth/roles';
import { transactOr, type TransactItem } from '../db/transact';
import { dateInZone, isIsoDate } from '../domain/calendar';
import { generateLessons, planRegeneration } from '../domain/lesson-dates';
import { periodsForGrade, type AcademicYear, type Period } from '../domain/year';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { auditPut } from '../repos/audit';
import { listSubjects } from '../repos/curriculum';
import { getAccounts } from '../repos/accounts';
import { shortPersonName } from '../repos/curriculum';
import { listLessonItems, listLessons, regenerationOps } from '../repos/lessons';
import { className, listClasses, type SchoolClass } from '../repos/school';
import { listChanges, listSlots } from '../repos/timetable';
import { requireYear } from './curriculum-load';
import { classPeriod } from './curriculum-subgroups';

/** DynamoDB's limit of operations in one TransactWriteItems. */
const TRANSACTION_LIMIT = 100;
/** Classes regenerated at the same time. */
const PARALLEL_CLASSES = 4;

export interface RegenerationResult {
  classId: string;
  periodId: string;
  from: string;
  to: string;
  created: number;
  updated: number;
  removed: number;
  /** Lessons no longer in the timetable, kept because they hold journal data. */
  kept: number;
  unchanged: number;
}

/** The window of a regeneration: the period, from `from` (default: today, or the period's start if later). */
export function regenerationWindow(period: Pick<Period, 'startDate' | 'endDate'>, today: string, from?: string, to?: string): { from: string; to: string } {
  const start = from ?? (today > period.startDate ? today : period.startDate);
  return {
    from: start > period.startDate ? start : period.startDate,
    to: to && to < period.endDate ? to : period.endDate,
  };
}


/** Regenerates one class x period within a window. */
export async function regenerateClassPeriod(input: {
  by: Principal;
  schoolId: string;
  year: AcademicYear;
  cls: SchoolClass;
  period: Period;
  window: { from: string; to: string };
  now: Date;
}): Promise<RegenerationResult> {
  const { schoolId, year, cls, period, window } = input;
  const [slots, changes, stored] = await Promise.all([
    listSlots(schoolId, year.yearId, cls.classId),
    listChanges(schoolId, year.yearId, window.from, window.to, cls.classId),
    listLessonItems(schoolId, cls.classId, period.periodId),
  ]);
  const desired = generateLessons({ year, grade: cls.grade, classId: cls.classId, period, slots, changes, window });
  const plan = planRegeneration(stored, desired, window);
  const generatedAt = input.now.toISOString();
  const ops = regenerationOps(schoolId, year.yearId, plan, generatedAt);
  const result: RegenerationResult = {
    classId: cls.classId,
    periodId: period.periodId,
    ...window,
    created: plan.create.length,
    updated: plan.update.length,
    removed: plan.remove.length,
    kept: plan.kept.length,
    unchanged: plan.unchanged,
  };
  if (ops.length === 0) return result;
  const audit = auditPut({
    schoolId,
    actor: input.by,
    action: 'lessons.generate',
    entity: `LESSONS#${cls.classId}#${period.periodId}`,
    after: { ...result, keptDates: plan.kept.map((k) => `${k.date}#${k.lessonNo}#${k.subjectId}`) },
    at: input.now,
  });
  // The audit record rides in the first transaction; the rest follow in chunks of the limit.
  const chunks: TransactItem[][] = [[audit, ...ops.slice(0, TRANSACTION_LIMIT - 1)]];
  for (let i = TRANSACTION_LIMIT - 1; i < ops.length; i += TRANSACTION_LIMIT) chunks.push(ops.slice(i, i + TRANSACTION_LIMIT));
  for (const chunk of chunks) {
    await transactOr(
      chunk,
      () => new ConflictError(`Уроки ${className(cls)} за период «${period.name}» только что изменились. Повторите формирование: уже сделанное не повторится.`),
    );
  }
  return result;
}

/** Generates the lessons of a period for the given classes (default: every class whose grade has it). */
export async function generateLessonsOfPeriod(input: {
  by: Principal;
  schoolId: string;
  yearId: string;
  periodId: string;
  classIds?: string[];
  from?: string;
  to?: string;
  now: Date;
  timeZone: string;
}): Promise<{ results: RegenerationResult[]; skipped: string[] }> {
  for (const d of [input.from, input.to]) {
    if (d !== undefined && !isIsoDate(d)) throw new BadRequestError('Дата должна быть в формате ГГГГ-ММ-ДД.');
  }
  if (input.from && input.to && input.from > input.to) throw new BadRequestError('Дата начала позже даты окончания.');
  const year = await requireYear(input.schoolId, input.yearId);
  const all = (await listClasses(input.schoolId)).filter((c) => c.yearId === input.yearId);
  const wanted = input.classIds ? all.filter((c) => input.classIds!.includes(c.classId)) : all;
  const unknown = (input.classIds ?? []).filter((id) => !all.some((c) => c.classId === id));
  if (unknown.length > 0) throw new NotFoundError(`Класс не найден в этом учебном году: ${unknown.join(', ')}.`);
  const today = dateInZone(input.now, input.timeZone);
  const jobs = wanted.flatMap((cls) => {
    const period = periodsForGrade(year, cls.grade).find((p) => p.periodId === input.periodId);
    return period ? [{ cls, period }] : [];
  });
  if (jobs.length === 0) throw new BadRequestError('Ни у одного из выбранных классов нет такого учебного периода.');
  const results: RegenerationResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { cls, period } = jobs[next++]!;
      const window = regenerationWindow(period, today, input.from, input.to);
      if (window.from > window.to) {
        results.push({ classId: cls.classId, periodId: period.periodId, ...window, created: 0, updated: 0, removed: 0, kept: 0, unchanged: 0 });
        continue;
      }
      results.push(await regenerateClassPeriod({ by: input.by, schoolId: input.schoolId, year, cls, period, window, now: input.now }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CLASSES, jobs.length) }, worker));
  const order = new Map(all.map((c, i) => [c.classId, i]));
  results.sort((a, b) => order.get(a.classId)! - order.get(b.classId)!);
  return { results, skipped: wanted.filter((c) => !jobs.some((j) => j.cls.classId === c.classId)).map((c) => c.classId) };
}

/** Regenerates the given dates of a class (after a one-off change), in whichever periods they fall. */
export async function regenerateDates(input: { by: Principal; schoolId: string; year: AcademicYear; cls: SchoolClass; dates: string[]; now: Date }): Promise<RegenerationResult[]> {
  const results: RegenerationResult[] = [];
  for (const date of [...new Set(input.dates)].sort()) {
    const period = periodsForGrade(input.year, input.cls.grade).find((p) => p.startDate <= date && date <= p.endDate);
    if (!period) continue;
    results.push(await regenerateClassPeriod({ ...input, period, window: { from: date, to: date } }));
  }
  return results;
}

/** The generated lessons of a class x period, with names, for the screen. */
export async function lessonsOverview(schoolId: string, classId: string, periodId: string, subjectId?: string) {
  const { cls, period } = await classPeriod(schoolId, classId, periodId);
  const [lessons, subjects] = await Promise.all([listLessons(schoolId, classId, periodId, subjectId), listSubjects(schoolId)]);
  const teachers = await getAccounts([...new Set(lessons.flatMap((l) => [l.teacherId, l.plannedTeacherId ?? '']).filter(Boolean))]);
  const teacherName = new Map(teachers.map((a) => [a.userId, shortPersonName(a)]));
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  return {
    class: { classId: cls.classId, name: className(cls) },
    period,
    lessons: lessons.map((l) => ({
      date: l.date,
      lessonNo: l.lessonNo,
      subjectId: l.subjectId,
      subjectName: subjectName.get(l.subjectId) ?? l.subjectId,
      groupId: l.groupId,
      teacherId: l.teacherId,
      teacherName: teacherName.get(l.teacherId) ?? l.teacherId,
      ...(l.room ? { room: l.room } : {}),
      status: l.status,
      ...(l.plannedTeacherId ? { plannedTeacherId: l.plannedTeacherId, plannedTeacherName: teacherName.get(l.plannedTeacherId) ?? l.plannedTeacherId } : {}),
      ...(l.movedFrom ? { movedFrom: l.movedFrom } : {}),
    })),
  };
}

/**
 * One student's week in the diary (issue 12, item 1; clause 3.12, R-50): each school day's lessons
 * of the student's class as the journal holds them (timetable changes included), topic, homework
 * (individual homework only the student's own), the student's marks with work type and weight,
 * attendance, the year's holidays and the events published for the school, grade or class.
 *
 * Reads, in three rounds of parallel requests:
 * 1. the department and school items (zone, today), the card with its movements, the subjects;
 * 2. the budget's two Queries: the diary index (marks, attendance) and the class-day index (lessons);
 *    beside them the school's events of the week and the class and year items by key;
 * 3. only when the week names teachers or split subjects: their names and subgroups by key.
 * The class of a past week comes from the movement history, so an earlier school year's week shows
 * the class the student was in then (clause 2.2: the whole history the journal is kept).
 */
import { dateInZone, planningYearOf } from '../domain/calendar';
import { buildDiaryWeek, weekRange, type DiaryDay } from '../domain/diary';
import { classIntervals, type ClassInterval } from '../domain/movement';
import { periodsForGrade, type Holiday } from '../domain/year';
import { NotFoundError } from '../errors';
import { listSubjects } from '../repos/curriculum';
import { readDiaryEntries, readDiaryPeople, readSchoolYears, readStudentRecords } from '../repos/diary';
import { listEvents } from '../repos/diary-events';
import { eventRange, familyEvents } from './diary-events';
import { readLessonsOfClassDays } from '../repos/journal';
import { className, getDepartmentAndSchoolItems } from '../repos/school';
import { rulesFromItems } from './journal-settings';

export interface DiaryWeekView {
  studentId: string;
  studentName: string;
  classId: string;
  className: string;
  today: string;
  from: string;
  to: string;
  previous: string;
  next: string;
  days: DiaryDay[];
}

/** The classes of the student that overlap from..to, from the movement history (the card's class without one). */
export function classesDuring(intervals: ClassInterval[], fallback: string, from: string, to: string): ClassInterval[] {
  const during = intervals.filter((i) => (i.from === undefined || i.from <= to) && (i.until === undefined || i.until > from));
  return during.length ? during : [{ classId: fallback }];
}

const inInterval = (i: ClassInterval, date: string) => (i.from === undefined || i.from <= date) && (i.until === undefined || date < i.until);

/** The school's zone and today, and the student's card and classes: what every diary read starts from. */
export async function loadStudentContext(departmentId: string, schoolId: string, studentId: string, now: Date) {
  const [items, records] = await Promise.all([getDepartmentAndSchoolItems(departmentId, schoolId), readStudentRecords(schoolId, studentId)]);
  if (!items.school || !records.card) throw new NotFoundError('Обучающийся не найден.');
  const rules = rulesFromItems(items.department, items.school, now);
  const card = records.card;
  const status = card.status === 'left' || card.status === 'graduated' ? card.status : 'enrolled';
  return {
    card,
    timeZone: rules.timeZone,
    today: dateInZone(now, rules.timeZone),
    intervals: classIntervals(records.movements, { classId: card.classId, status }),
  };
}

export async function diaryWeek(departmentId: string, schoolId: string, studentId: string, date: string | undefined, now: Date, pages?: { count: number }): Promise<DiaryWeekView> {
  const [ctx, subjects] = await Promise.all([loadStudentContext(departmentId, schoolId, studentId, now), listSubjects(schoolId)]);
  const range = weekRange(date ?? ctx.today);
  const classes = classesDuring(ctx.intervals, ctx.card.classId, range.from, range.to);
  const yearIds = [...new Set([planningYearOf(range.from), planningYearOf(range.to)])];
  const [entries, lessonsByClass, events, context] = await Promise.all([
    readDiaryEntries(schoolId, studentId, range.from, range.to, pages),
    Promise.all(
      classes.map(async (c) => (await readLessonsOfClassDays(schoolId, c.classId, range.from, range.to)).filter((l) => inInterval(c, l.date)).map((l) => ({ ...l, classId: c.classId }))),
    ),
    listEvents(schoolId, range.from, range.to),
    readSchoolYears(schoolId, classes.map((c) => c.classId), yearIds),
  ]);
  const lessons = lessonsByClass.flat();
  const split = [...new Map(lessons.filter((l) => l.groupId !== 'all' && l.periodId).map((l) => [`${l.subjectId}#${l.periodId}`, l])).values()];
  const people = await readDiaryPeople(schoolId, {
    teacherIds: [...new Set(lessons.flatMap((l) => (l.teacherId ? [l.teacherId] : [])))],
    subgroups: split.map((l) => ({ classId: l.classId, periodId: l.periodId!, subjectId: l.subjectId })),
  });
  // The class of the week's last day is the one named at the top (a transfer mid-week shows both classes' lessons).
  const mainClass = context.classes.find((c) => c.classId === classes[classes.length - 1]!.classId);
  const grade = mainClass?.grade ?? 0;
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const classNames = new Map(context.classes.map((c) => [c.classId, className(c)]));
  const holidays: Holiday[] = context.years.flatMap((y) => y.holidays);
  const days = buildDiaryWeek({
    range,
    today: ctx.today,
    studentId,
    grade,
    lessons,
    marks: entries.marks,
    attendance: entries.attendance,
    holidays,
    events: familyEvents(events, classes.map((c) => ({ classId: c.classId, grade: context.classes.find((k) => k.classId === c.classId)?.grade ?? grade })), (id) => classNames.get(id) ?? ''),
    subjectName: (id) => subjectName.get(id) ?? id,
    teacherName: (id) => people.teacherNames.get(id),
    groupsOf: (subjectId, periodId) => {
      const set = people.subgroups.find((s) => s.subjectId === subjectId && s.periodId === periodId);
      if (!set) return undefined;
      const own = set.groups.find((g) => g.studentIds.includes(studentId));
      return { groups: set.groups.map(({ studentIds: _ids, ...g }) => g), ...(own ? { studentGroupId: own.groupId } : {}) };
    },
  });
  return {
    studentId,
    studentName: `${ctx.card.lastName} ${ctx.card.firstName}`,
    classId: mainClass?.classId ?? ctx.card.classId,
    className: mainClass ? className(mainClass) : '',
    today: ctx.today,
    ...range,
    days,
  };
}

/** The events of the student's school, grade and class from..to, and the holidays in those days (the diary's list). */
export async function studentEvents(departmentId: string, schoolId: string, studentId: string, q: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const ctx = await loadStudentContext(departmentId, schoolId, studentId, now);
  const range = eventRange(q, ctx.today);
  const classes = classesDuring(ctx.intervals, ctx.card.classId, range.from, range.to);
  const yearIds = [...new Set([planningYearOf(range.from), planningYearOf(range.to)])];
  const [events, context] = await Promise.all([listEvents(schoolId, range.from, range.to), readSchoolYears(schoolId, classes.map((c) => c.classId), yearIds)]);
  const names = new Map(context.classes.map((c) => [c.classId, className(c)]));
  const grades = new Set(context.classes.map((c) => c.grade));
  // The year's holidays that touch the range, for the student's grade (the extra week of grade 1 only there).
  const holidays = context.years
    .flatMap((y) => y.holidays)
    .filter((h) => h.startDate <= range.to && h.endDate >= range.from && (!h.grades || h.grades.some((g) => grades.has(g))))
    .map((h) => ({ name: h.name, startDate: h.startDate, endDate: h.endDate }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  return { ...range, events: familyEvents(events, context.classes, (id) => names.get(id) ?? ''), holidays };
}

/**
 * The student's school years (clause 2.2: the whole history the journal is kept): each class the
 * movement history names (the card's class without one), newest first, with its year's periods.
 * The card with its movements (one Query), then the classes and their years by key.
 */
export async function studentYears(departmentId: string, schoolId: string, studentId: string, now: Date) {
  const ctx = await loadStudentContext(departmentId, schoolId, studentId, now);
  const classIds = [...new Set([ctx.card.classId, ...[...ctx.intervals].reverse().map((i) => i.classId)])];
  const { classes } = await readSchoolYears(schoolId, classIds, []);
  const { years } = await readSchoolYears(schoolId, [], [...new Set(classes.map((c) => c.yearId))]);
  const entries = classIds.flatMap((id) => {
    const cls = classes.find((c) => c.classId === id);
    const year = cls && years.find((y) => y.yearId === cls.yearId);
    if (!cls || !year) return [];
    const interval = ctx.intervals.find((i) => i.classId === id);
    return [{
      classId: id,
      className: className(cls),
      yearId: year.yearId,
      yearName: `${year.yearId}/${Number(year.yearId) + 1}`,
      startDate: interval?.from && interval.from > year.startDate ? interval.from : year.startDate,
      endDate: year.endDate,
      current: id === ctx.card.classId,
      periods: periodsForGrade(year, cls.grade).map((p) => ({ periodId: p.periodId, name: p.name, startDate: p.startDate, endDate: p.endDate })),
    }];
  });
  return { today: ctx.today, years: entries.sort((a, b) => b.yearId.localeCompare(a.yearId) || Number(b.current) - Number(a.current)) };
}

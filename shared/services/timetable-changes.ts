/**
 * One-off changes of the timetable: on one date a lesson is cancelled, moved to another date
 * and lesson number, or given to a substitute. A change is refused when it would put a teacher or a
 * class in two places on that date, and the generated lessons of the dates concerned are brought
 * in line right after it is stored.
 */
import type { Principal } from '../auth/roles';
import { transactOr } from '../db/transact';
import { isHoliday, periodOn, type AcademicYear } from '../domain/year';
import { isIsoDate, ruDate, weekdayOf } from '../domain/calendar';
import { clashesMessage, clashesOf, lessonsAt, sameSlot, type ChangeKind, type TimetableChange } from '../domain/timetable';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { getAccounts } from '../repos/accounts';
import { auditPut } from '../repos/audit';
import { listSubjects, shortPersonName } from '../repos/curriculum';
import { className, getClass, listClasses, type SchoolClass } from '../repos/school';
import { createChangeOp, deleteChangeOp, getChange, listChanges, listSlots, slotLesson } from '../repos/timetable';
import { requireClassOfYear, requireTeachers, requireYear } from './curriculum-load';
import { timetableNames } from './timetable-guards';
import { regenerateDates, type RegenerationResult } from './timetable-lessons';

export interface ChangeInput {
  classId: string;
  date: string;
  lessonNo: number;
  groupId: string;
  kind: ChangeKind;
  toDate?: string;
  toLessonNo?: number;
  substituteTeacherId?: string;
  reason: string;
}

/** The id of a change in paths: «<date>.<class>.<lessonNo>». */
export function changeIdOf(c: Pick<TimetableChange, 'date' | 'classId' | 'lessonNo'>): string {
  return `${c.date}.${c.classId}.${c.lessonNo}`;
}

export function parseChangeId(id: string): { date: string; classId: string; lessonNo: number } {
  const [date, classId, no, ...rest] = id.split('.');
  const lessonNo = Number(no);
  if (!date || !isIsoDate(date) || !classId || !Number.isInteger(lessonNo) || rest.length > 0) throw new NotFoundError('Изменение не найдено.');
  return { date, classId, lessonNo };
}


/** Refuses a date on which the class has no lessons at all. */
function requireStudyDay(year: AcademicYear, cls: SchoolClass, date: string): void {
  if (!isIsoDate(date)) throw new BadRequestError('Дата должна быть в формате ГГГГ-ММ-ДД.');
  if (weekdayOf(date) === 7) throw new BadRequestError(`${ruDate(date)} — воскресенье: уроков нет.`);
  if (!periodOn(year, cls.grade, date)) throw new BadRequestError(`${ruDate(date)} не входит ни в один учебный период ${className(cls)}.`);
  if (isHoliday(year, date, cls.grade)) throw new BadRequestError(`${ruDate(date)} у ${className(cls)} каникулы или праздник.`);
}

export async function changesOverview(schoolId: string, yearId: string, from: string, to: string, classId?: string) {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new BadRequestError('Укажите период дат в формате ГГГГ-ММ-ДД.');
  if (from > to) throw new BadRequestError('Дата начала позже даты окончания.');
  await requireYear(schoolId, yearId);
  const changes = await listChanges(schoolId, yearId, from, to, classId);
  const [classes, subjects, accounts] = await Promise.all([
    listClasses(schoolId),
    listSubjects(schoolId),
    getAccounts([...new Set(changes.flatMap((c) => [c.teacherId, c.substituteTeacherId ?? '']).filter(Boolean))]),
  ]);
  const classOf = new Map(classes.map((c) => [c.classId, className(c)]));
  const subjectOf = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const teacherOf = new Map(accounts.map((a) => [a.userId, shortPersonName(a)]));
  return {
    changes: changes.map((c) => ({
      ...c,
      changeId: changeIdOf(c),
      className: classOf.get(c.classId) ?? c.classId,
      subjectName: subjectOf.get(c.subjectId) ?? c.subjectId,
      teacherName: teacherOf.get(c.teacherId) ?? c.teacherId,
      ...(c.substituteTeacherId ? { substituteTeacherName: teacherOf.get(c.substituteTeacherId) ?? c.substituteTeacherId } : {}),
    })),
  };
}

export async function createChange(input: { by: Principal; schoolId: string; yearId: string; change: ChangeInput; now: Date }): Promise<{ change: TimetableChange; lessons: RegenerationResult[] }> {
  const { schoolId, yearId } = input;
  const c = input.change;
  const [year, cls] = await Promise.all([requireYear(schoolId, yearId), requireClassOfYear(schoolId, yearId, c.classId)]);
  requireStudyDay(year, cls, c.date);
  const allSlots = await listSlots(schoolId, yearId);
  const slot = allSlots.find((s) => s.classId === c.classId && s.weekday === weekdayOf(c.date) && s.lessonNo === c.lessonNo && s.groupId === c.groupId);
  if (!slot) throw new BadRequestError(`У ${className(cls)} ${ruDate(c.date)} на ${c.lessonNo}-м уроке по расписанию нет такого урока.`);
  const lesson = slotLesson(slot);

  const base = { schoolId, yearId, ...lesson, reason: c.reason.trim(), createdBy: input.by.userId, createdAt: input.now.toISOString(), version: 1 };
  const items: TimetableChange[] = [];
  if (c.kind === 'cancel') {
    items.push({ ...base, date: c.date, lessonNo: c.lessonNo, kind: 'cancel' });
  } else if (c.kind === 'substitute') {
    if (!c.substituteTeacherId) throw new BadRequestError('Укажите учителя, который проведёт урок.');
    if (c.substituteTeacherId === slot.teacherId) throw new BadRequestError('Урок по расписанию ведёт этот же учитель: замена не нужна.');
    await requireTeachers(schoolId, [c.substituteTeacherId]);
    const onDate = await listChanges(schoolId, yearId, c.date, c.date);
    const there = lessonsAt(c.date, c.lessonNo, allSlots, onDate, weekdayOf(c.date)).filter((l) => !(l.classId === c.classId && sameSlot(l, lesson)));
    const candidate = { ...lesson, teacherId: c.substituteTeacherId };
    const clashes = clashesOf(candidate, there, { rooms: false }).filter((x) => x.kind === 'teacher');
    if (clashes.length > 0) {
      const names = await timetableNames(schoolId, yearId, [candidate, ...clashes.map((x) => x.other)]);
      throw new ConflictError(clashesMessage(clashes, candidate, { date: c.date, lessonNo: c.lessonNo }, names));
    }
    items.push({ ...base, date: c.date, lessonNo: c.lessonNo, kind: 'substitute', substituteTeacherId: c.substituteTeacherId });
  } else {
    if (!c.toDate || c.toLessonNo === undefined) throw new BadRequestError('Укажите, на какую дату и какой урок переносится урок.');
    requireStudyDay(year, cls, c.toDate);
    if (c.toDate === c.date && c.toLessonNo === c.lessonNo) throw new BadRequestError('Урок переносится на то же место: ничего не меняется.');
    const onTarget = await listChanges(schoolId, yearId, c.toDate, c.toDate);
    const there = lessonsAt(c.toDate, c.toLessonNo, allSlots, onTarget, weekdayOf(c.toDate)).filter(
      (l) => !(c.toDate === c.date && l.classId === c.classId && sameSlot(l, lesson) && l.lessonNo === c.lessonNo),
    );
    const clashes = clashesOf(lesson, there);
    if (clashes.length > 0) {
      const names = await timetableNames(schoolId, yearId, [lesson, ...clashes.map((x) => x.other)]);
      throw new ConflictError(clashesMessage(clashes, lesson, { date: c.toDate, lessonNo: c.toLessonNo }, names));
    }
    items.push({ ...base, date: c.date, lessonNo: c.lessonNo, kind: 'move', toDate: c.toDate, toLessonNo: c.toLessonNo });
    items.push({ ...base, date: c.toDate, lessonNo: c.toLessonNo, kind: 'moveIn', fromDate: c.date, fromLessonNo: c.lessonNo });
  }

  await transactOr(
    [
      ...items.map(createChangeOp),
      auditPut({ schoolId, actor: input.by, action: `timetable.change.${c.kind}`, entity: `TTCHANGE#${yearId}#${changeIdOf(items[0]!)}`, after: items, reason: base.reason, at: input.now }),
    ],
    async () => {
      const taken = (await Promise.all(items.map((i) => getChange(i)))).find(Boolean);
      return new ConflictError(
        taken
          ? `У ${className(cls)} ${ruDate(taken.date)} на ${taken.lessonNo}-м уроке уже есть изменение расписания; сначала удалите его.`
          : 'Изменения расписания только что изменил другой пользователь. Обновите страницу.',
        taken,
      );
    },
  );
  const lessons = await regenerateDates({ by: input.by, schoolId, year, cls, dates: items.map((i) => i.date), now: input.now });
  return { change: items[0]!, lessons };
}

export async function deleteChange(input: { by: Principal; schoolId: string; yearId: string; changeId: string; version: number; now: Date }): Promise<{ lessons: RegenerationResult[] }> {
  const { schoolId, yearId } = input;
  const year = await requireYear(schoolId, yearId);
  const id = parseChangeId(input.changeId);
  const current = await getChange({ schoolId, yearId, ...id });
  if (!current) throw new NotFoundError('Изменение расписания не найдено.');
  if (current.version !== input.version) throw new ConflictError('Изменение только что изменил другой пользователь.', current);
  const cls = await getClass(schoolId, current.classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  // The two halves of a move go together.
  const partner =
    current.kind === 'move' && current.toDate
      ? { date: current.toDate, lessonNo: current.toLessonNo! }
      : current.kind === 'moveIn' && current.fromDate
        ? { date: current.fromDate, lessonNo: current.fromLessonNo! }
        : null;
  await transactOr(
    [
      deleteChangeOp(current, current.version),
      ...(partner ? [deleteChangeOp({ ...current, ...partner })] : []),
      auditPut({ schoolId, actor: input.by, action: 'timetable.change.delete', entity: `TTCHANGE#${yearId}#${input.changeId}`, before: current, at: input.now }),
    ],
    async () => new ConflictError('Изменение только что изменил другой пользователь.', await getChange({ schoolId, yearId, ...id })),
  );
  const lessons = await regenerateDates({ by: input.by, schoolId, year, cls, dates: [current.date, ...(partner ? [partner.date] : [])], now: input.now });
  return { lessons };
}

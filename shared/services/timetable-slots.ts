/**
 * The weekly timetable: the deputy director places, changes and removes a class's lessons.
 * Each write is one TransactWriteItems of the slot, the guards of its teacher, class and room
 * (./timetable-guards.ts) and the audit record; a clash is refused with a message naming it.
 */
import type { Principal } from '../auth/roles';
import { transactOr, type TransactItem } from '../db/transact';
import { assignedTeacher, groupIdsOfLine, WHOLE_CLASS } from '../domain/curriculum';
import { generateLessons } from '../domain/lesson-dates';
import { periodsForGrade } from '../domain/year';
import { sameSlot, slotProblems, type TimetableSlot } from '../domain/timetable';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { getAccounts } from '../repos/accounts';
import { auditPut } from '../repos/audit';
import { getLoad, getSubject, listLoad, listLoadOfTeacher, listSubjects, listTeachers, teacherInfo } from '../repos/curriculum';
import { className, listClasses } from '../repos/school';
import { deleteSlotOp, getSlot, listChanges, listSlots, listSlotsOfTeacher, putSlotOp } from '../repos/timetable';
import { requireClassOfYear, requireTeachers, requireYear } from './curriculum-load';
import { clashError, planGuards, refuseProblems } from './timetable-guards';

export interface SlotInput {
  classId: string;
  weekday: number;
  lessonNo: number;
  subjectId: string;
  groupId: string;
  /** Defaults to the curriculum's teacher of the class (or group). */
  teacherId?: string;
  room?: string;
}

export type SlotRef = Pick<TimetableSlot, 'classId' | 'weekday' | 'lessonNo' | 'groupId'>;

/** The id of a slot in paths: «<class>.<weekday>.<lessonNo>.<group>». */
export function slotIdOf(s: SlotRef): string {
  return `${s.classId}.${s.weekday}.${s.lessonNo}.${s.groupId}`;
}

export function parseSlotId(id: string): SlotRef {
  const [classId, wd, no, groupId, ...rest] = id.split('.');
  const weekday = Number(wd);
  const lessonNo = Number(no);
  if (!classId || !groupId || rest.length > 0 || !Number.isInteger(weekday) || !Number.isInteger(lessonNo)) {
    throw new NotFoundError('Урок расписания не найден.');
  }
  return { classId, weekday, lessonNo, groupId };
}

/** A class's week with what the screen needs to edit it: curriculum lines, teachers, counts. */
export async function classTimetable(schoolId: string, yearId: string, classId: string) {
  const [year, cls] = await Promise.all([requireYear(schoolId, yearId), requireClassOfYear(schoolId, yearId, classId)]);
  const [slots, lines, subjects, teachers, changes] = await Promise.all([
    listSlots(schoolId, yearId, classId),
    listLoad(schoolId, yearId, classId),
    listSubjects(schoolId),
    listTeachers(schoolId),
    listChanges(schoolId, yearId, year.startDate, year.endDate, classId),
  ]);
  const subjectOf = new Map(subjects.map((s) => [s.subjectId, s]));
  // The year's lessons once, counted per subject and group (what the KTP is compared with, R-14).
  const inYear = new Map<string, number>();
  for (const period of periodsForGrade(year, cls.grade)) {
    for (const l of generateLessons({ year, grade: cls.grade, classId, period, slots, changes })) {
      inYear.set(`${l.subjectId}|${l.groupId}`, (inYear.get(`${l.subjectId}|${l.groupId}`) ?? 0) + 1);
    }
  }
  const summary = lines.flatMap((l) =>
    groupIdsOfLine(l).map((groupId) => ({
      subjectId: l.subjectId,
      groupId,
      hoursPerWeek: l.hoursPerWeek,
      slotsPerWeek: slots.filter((s) => s.subjectId === l.subjectId && s.groupId === groupId).length,
      lessonsInYear: inYear.get(`${l.subjectId}|${groupId}`) ?? 0,
    })),
  );
  return {
    class: { classId, name: className(cls), grade: cls.grade },
    slots: slots.map((s) => ({ ...s, slotId: slotIdOf(s) })),
    lines: lines.map((l) => ({ ...l, subjectName: subjectOf.get(l.subjectId)?.name ?? l.subjectId, shortName: subjectOf.get(l.subjectId)?.shortName ?? l.subjectId })),
    teachers,
    summary,
  };
}

/** A teacher's week (their own timetable, or a colleague's for the deputy). */
export async function teacherTimetable(schoolId: string, yearId: string, teacherId: string) {
  await requireYear(schoolId, yearId);
  const [slots, accounts, subjects, classes, load] = await Promise.all([
    listSlotsOfTeacher(schoolId, yearId, teacherId),
    getAccounts([teacherId]),
    listSubjects(schoolId),
    listClasses(schoolId),
    listLoadOfTeacher(schoolId, yearId, teacherId),
  ]);
  const teacher = accounts[0];
  if (!teacher || teacher.schoolId !== schoolId) throw new NotFoundError('Учитель не найден.');
  const subjectOf = new Map(subjects.map((s) => [s.subjectId, s]));
  const classOf = new Map(classes.map((c) => [c.classId, className(c)]));
  const groupOf = await groupNames(schoolId, yearId, slots, load);
  return {
    teacher: teacherInfo(teacher),
    slots: slots.map((s) => {
      const groupName = groupOf.get(`${s.classId}|${s.subjectId}|${s.groupId}`);
      return {
        ...s,
        slotId: slotIdOf(s),
        className: classOf.get(s.classId) ?? s.classId,
        subjectName: subjectOf.get(s.subjectId)?.name ?? s.subjectId,
        shortName: subjectOf.get(s.subjectId)?.shortName ?? s.subjectId,
        ...(groupName ? { groupName } : {}),
      };
    }),
  };
}

/**
 * The subgroups' names («1 группа») of a teacher's group lessons, by `class|subject|group`: from the
 * teacher's load, which names the groups they teach; a group taught by someone else since the
 * timetable was made is read from its curriculum line (one read per such line, usually none).
 */
async function groupNames(schoolId: string, yearId: string, slots: readonly TimetableSlot[], load: ReadonlyArray<{ classId: string; subjectId: string; groupId: string; groupName?: string }>) {
  const key = (x: { classId: string; subjectId: string; groupId: string }) => `${x.classId}|${x.subjectId}|${x.groupId}`;
  const names = new Map(load.flatMap((l) => (l.groupName ? [[key(l), l.groupName] as const] : [])));
  const missing = [...new Map(slots.filter((s) => s.groupId !== WHOLE_CLASS && !names.has(key(s))).map((s) => [`${s.classId}|${s.subjectId}`, s] as const)).values()];
  const lines = await Promise.all(missing.map((s) => getLoad(schoolId, yearId, s.classId, s.subjectId)));
  for (const line of lines) for (const g of line?.groups ?? []) names.set(key({ classId: line!.classId, subjectId: line!.subjectId, groupId: g.groupId }), g.name);
  return names;
}

async function slotFromInput(schoolId: string, yearId: string, input: SlotInput, before: TimetableSlot | null): Promise<TimetableSlot> {
  const [cls, subject, line, classSlots] = await Promise.all([
    requireClassOfYear(schoolId, yearId, input.classId),
    getSubject(schoolId, input.subjectId),
    getLoad(schoolId, yearId, input.classId, input.subjectId),
    listSlots(schoolId, yearId, input.classId),
  ]);
  if (!subject) throw new BadRequestError('Такого предмета в школе нет.');
  const alreadyInWeek = classSlots.filter(
    (s) => s.subjectId === input.subjectId && s.groupId === input.groupId && !(before && sameSlot(s, before) && s.weekday === before.weekday && s.lessonNo === before.lessonNo),
  ).length;
  refuseProblems(
    slotProblems(input, {
      subjectName: subject.name,
      className: className(cls),
      hoursPerWeek: line?.hoursPerWeek ?? null,
      lineGroupIds: line ? groupIdsOfLine(line) : [],
      alreadyInWeek,
    }),
  );
  const teacherId = input.teacherId ?? assignedTeacher(line, input.groupId);
  if (!teacherId) throw new BadRequestError(`Не указан учитель: в учебном плане у «${subject.name}» ${input.groupId === WHOLE_CLASS ? '' : 'этой подгруппы '}его нет.`);
  await requireTeachers(schoolId, [teacherId]);
  const room = input.room?.trim().replace(/\s+/g, ' ');
  return {
    schoolId,
    yearId,
    classId: input.classId,
    weekday: input.weekday,
    lessonNo: input.lessonNo,
    subjectId: input.subjectId,
    groupId: input.groupId,
    teacherId,
    ...(room ? { room } : {}),
    version: (before?.version ?? 0) + 1,
  };
}

function sameKey(a: SlotRef, b: SlotRef): boolean {
  return a.classId === b.classId && a.weekday === b.weekday && a.lessonNo === b.lessonNo && a.groupId === b.groupId;
}

async function writeSlot(input: { by: Principal; schoolId: string; yearId: string; before: TimetableSlot | null; after: TimetableSlot | null; now: Date }) {
  const { schoolId, yearId, before, after } = input;
  const guards = await planGuards(schoolId, yearId, [{ before: before ?? undefined, after: after ?? undefined }]);
  if (guards.clashes.length > 0) throw await clashError(schoolId, yearId, guards.clashes);
  const slotOps: TransactItem[] = [];
  const moved = before && after && !sameKey(before, after);
  if (before && (!after || moved)) slotOps.push(deleteSlotOp(before));
  if (after && (!before || moved)) slotOps.push(putSlotOp(after));
  else if (after && before) slotOps.push(putSlotOp(after, before.version));
  const ref = (after ?? before)!;
  const action = !before ? 'timetable.slot.create' : !after ? 'timetable.slot.delete' : 'timetable.slot.update';
  await transactOr(
    [
      ...slotOps,
      ...guards.ops,
      auditPut({ schoolId, actor: input.by, action, entity: `TT#${yearId}#${slotIdOf(ref)}`, before: before ?? undefined, after: after ?? undefined, at: input.now }),
    ],
    async () => {
      // Someone else wrote first: name the clash if there now is one, else say what changed.
      const again = await planGuards(schoolId, yearId, [{ before: before ?? undefined, after: after ?? undefined }]);
      if (again.clashes.length > 0) return clashError(schoolId, yearId, again.clashes);
      return new ConflictError('Этот урок или расписание только что изменил другой пользователь. Обновите страницу и повторите.', before ? await getSlot(before) : null);
    },
  );
}

export async function createSlot(input: { by: Principal; schoolId: string; yearId: string; slot: SlotInput; now: Date }): Promise<TimetableSlot> {
  await requireYear(input.schoolId, input.yearId);
  const after = await slotFromInput(input.schoolId, input.yearId, input.slot, null);
  await writeSlot({ ...input, before: null, after });
  return after;
}

async function currentSlot(schoolId: string, yearId: string, ref: SlotRef, version: number): Promise<TimetableSlot> {
  const current = await getSlot({ schoolId, yearId, ...ref });
  if (!current) throw new NotFoundError('Урок расписания не найден: возможно, его уже удалили.');
  if (current.version !== version) throw new ConflictError('Этот урок только что изменил другой пользователь.', current);
  return current;
}

export async function updateSlot(input: { by: Principal; schoolId: string; yearId: string; ref: SlotRef; slot: Omit<SlotInput, 'classId'>; version: number; now: Date }): Promise<TimetableSlot> {
  await requireYear(input.schoolId, input.yearId);
  const before = await currentSlot(input.schoolId, input.yearId, input.ref, input.version);
  const after = await slotFromInput(input.schoolId, input.yearId, { ...input.slot, classId: before.classId }, before);
  await writeSlot({ ...input, before, after });
  return after;
}

export async function deleteSlot(input: { by: Principal; schoolId: string; yearId: string; ref: SlotRef; version: number; now: Date }): Promise<void> {
  await requireYear(input.schoolId, input.yearId);
  const before = await currentSlot(input.schoolId, input.yearId, input.ref, input.version);
  await writeSlot({ ...input, before, after: null });
}

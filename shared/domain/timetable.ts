/**
 * The weekly timetable (R-13, clause 1.4) as pure rules: slots, what a slot occupies, the clashes
 * that are refused (a teacher in two places at once, a class with two lessons at once, a room
 * booked twice) and their Russian messages, and the one-off changes of a date.
 *
 * Two subgroups of the same class may have lessons at the same time when they are groups of the
 * same subject (the English groups with their two teachers). Groups of different subjects in
 * parallel are refused: the make-up of groups changes per period while the timetable is for the
 * year, so such a pair could put one student in two rooms at once.
 */
import { ruDate } from './calendar';
import { WHOLE_CLASS } from './curriculum';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6] as const;
export const MAX_LESSON_NO = 8;
export const WEEKDAY_NAMES = ['', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'] as const;
export const WEEKDAY_SHORT = ['', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'] as const;
/** «в понедельник», «во вторник» … for messages. */
export const WEEKDAY_AT = ['', 'в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье'] as const;

/** What a slot is about, without where it is stored. */
export interface SlotLesson {
  classId: string;
  subjectId: string;
  /** WHOLE_CLASS or a group of the class's split subject. */
  groupId: string;
  teacherId: string;
  room?: string;
}

export interface SlotPosition {
  weekday: number;
  lessonNo: number;
}

/** A weekly lesson of a class: every such weekday of the year's periods, minus holidays. */
export interface TimetableSlot extends SlotLesson, SlotPosition {
  schoolId: string;
  yearId: string;
  version: number;
}

export type ClashKind = 'teacher' | 'class' | 'room';

export interface Clash {
  kind: ClashKind;
  /** The lesson already there. */
  other: SlotLesson;
}

/** Rooms are compared without case and extra spaces: «Каб. 21» and «каб.  21» are one room. */
export function roomKey(room: string | undefined): string | undefined {
  const r = room?.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru-RU');
  return r ? r : undefined;
}

export function sameSlot(a: Pick<SlotLesson, 'classId' | 'groupId'>, b: Pick<SlotLesson, 'classId' | 'groupId'>): boolean {
  return a.classId === b.classId && a.groupId === b.groupId;
}

/** Whether two lessons of one class may run at the same time (only groups of one subject may). */
export function classMayRunInParallel(a: Pick<SlotLesson, 'subjectId' | 'groupId'>, b: Pick<SlotLesson, 'subjectId' | 'groupId'>): boolean {
  return a.groupId !== WHOLE_CLASS && b.groupId !== WHOLE_CLASS && a.subjectId === b.subjectId && a.groupId !== b.groupId;
}

/**
 * The clashes of a lesson with the lessons already at the same weekday and lesson number.
 * `others` must not contain the lesson itself (when a slot is edited, its old state is left out).
 */
export function clashesOf(candidate: SlotLesson, others: readonly SlotLesson[], opts: { rooms?: boolean } = {}): Clash[] {
  const clashes: Clash[] = [];
  const room = roomKey(candidate.room);
  for (const other of others) {
    if (other.teacherId === candidate.teacherId) clashes.push({ kind: 'teacher', other });
    if (other.classId === candidate.classId && !classMayRunInParallel(candidate, other)) clashes.push({ kind: 'class', other });
    if ((opts.rooms ?? true) && room && roomKey(other.room) === room && other.teacherId !== candidate.teacherId) {
      clashes.push({ kind: 'room', other });
    }
  }
  return clashes;
}

/** Names the messages use; the service resolves them from the school's lists. */
export interface TimetableNames {
  teacher(teacherId: string): string;
  subject(subjectId: string): string;
  className(classId: string): string;
  /** «1 группа»; only asked for non-whole-class groups. */
  group(classId: string, subjectId: string, groupId: string): string;
}

function lessonText(l: SlotLesson, names: TimetableNames): string {
  const group = l.groupId === WHOLE_CLASS ? '' : `, ${names.group(l.classId, l.subjectId, l.groupId)}`;
  return `«${names.subject(l.subjectId)}» в ${names.className(l.classId)}${group}`;
}

/** When: «в понедельник на 3-м уроке» or «12.11.2026 на 3-м уроке». */
export function whenText(at: { weekday?: number; date?: string; lessonNo: number }): string {
  const day = at.date ? ruDate(at.date) : WEEKDAY_AT[at.weekday ?? 0];
  return `${day} на ${at.lessonNo}-м уроке`;
}

/** One Russian sentence per clash, naming who or what is already there. */
export function clashMessage(
  clash: Clash,
  candidate: SlotLesson,
  at: { weekday?: number; date?: string; lessonNo: number },
  names: TimetableNames,
): string {
  const when = whenText(at);
  switch (clash.kind) {
    case 'teacher':
      return `Учитель ${names.teacher(candidate.teacherId)} ${when} уже ведёт ${lessonText(clash.other, names)}.`;
    case 'class': {
      const why =
        clash.other.groupId !== WHOLE_CLASS && candidate.groupId !== WHOLE_CLASS && clash.other.subjectId !== candidate.subjectId
          ? ' Одновременно могут идти только уроки подгрупп одного предмета.'
          : clash.other.groupId === candidate.groupId && clash.other.subjectId === candidate.subjectId && candidate.groupId !== WHOLE_CLASS
            ? ' У этой подгруппы уже есть урок в это время.'
            : '';
      return `У ${names.className(candidate.classId)} ${when} уже стоит ${lessonText(clash.other, names)} (учитель ${names.teacher(clash.other.teacherId)}).${why}`;
    }
    case 'room':
      return `Кабинет «${candidate.room}» ${when} уже занят: ${lessonText(clash.other, names)}, учитель ${names.teacher(clash.other.teacherId)}.`;
  }
}

export function clashesMessage(clashes: readonly Clash[], candidate: SlotLesson, at: { weekday?: number; date?: string; lessonNo: number }, names: TimetableNames): string {
  const lines = clashes.map((c) => clashMessage(c, candidate, at, names));
  return `Конфликт в расписании. ${[...new Set(lines)].join(' ')}`;
}

// --- guards ----------------------------------------------------------------------------------

export type GuardKind = 'TEACHER' | 'ROOM' | 'CLASS';

/** A guard item holds the lessons that occupy one teacher / room / class at one weekly time. */
export interface GuardRef {
  kind: GuardKind;
  id: string;
  weekday: number;
  lessonNo: number;
}

/** The guards a slot occupies: its teacher, its class, and its room when it has one. */
export function guardsOf(slot: SlotLesson & SlotPosition): GuardRef[] {
  const at = { weekday: slot.weekday, lessonNo: slot.lessonNo };
  const guards: GuardRef[] = [
    { kind: 'TEACHER', id: slot.teacherId, ...at },
    { kind: 'CLASS', id: slot.classId, ...at },
  ];
  const room = roomKey(slot.room);
  if (room) guards.push({ kind: 'ROOM', id: room, ...at });
  return guards;
}

export function guardId(g: GuardRef): string {
  return `${g.kind}|${g.id}|${g.weekday}|${g.lessonNo}`;
}

/** Whether a set of lessons may together hold one guard (the same rules as clashesOf). */
export function holdersValid(kind: GuardKind, holders: readonly SlotLesson[]): boolean {
  if (kind === 'TEACHER') return holders.length <= 1;
  if (kind === 'ROOM') return new Set(holders.map((h) => h.teacherId)).size <= 1;
  return holders.every((a, i) => holders.every((b, j) => i === j || classMayRunInParallel(a, b)));
}

// --- slot input --------------------------------------------------------------------------------

/** Problems of a slot's position and hours, in Russian; empty when it may be stored. */
export function slotProblems(
  slot: SlotPosition & Pick<SlotLesson, 'groupId'>,
  ctx: {
    subjectName: string;
    className: string;
    /** null when the class has no such subject in the curriculum. */
    hoursPerWeek: number | null;
    lineGroupIds: readonly string[];
    /** Slots of this class, subject and group already in the week (the edited one left out). */
    alreadyInWeek: number;
  },
): string[] {
  const problems: string[] = [];
  if (!WEEKDAYS.includes(slot.weekday as (typeof WEEKDAYS)[number])) problems.push('День недели должен быть от понедельника до субботы.');
  if (!Number.isInteger(slot.lessonNo) || slot.lessonNo < 1 || slot.lessonNo > MAX_LESSON_NO) {
    problems.push(`Номер урока должен быть от 1 до ${MAX_LESSON_NO}.`);
  }
  if (ctx.hoursPerWeek === null) {
    problems.push(`В учебном плане ${ctx.className} нет предмета «${ctx.subjectName}»: сначала добавьте его в учебный план.`);
    return problems;
  }
  if (!ctx.lineGroupIds.includes(slot.groupId)) {
    problems.push(
      slot.groupId === WHOLE_CLASS
        ? `По предмету «${ctx.subjectName}» ${ctx.className} делится на подгруппы: укажите подгруппу.`
        : `По предмету «${ctx.subjectName}» в ${ctx.className} нет такой подгруппы.`,
    );
  }
  if (ctx.alreadyInWeek + 1 > ctx.hoursPerWeek) {
    problems.push(
      `По учебному плану на «${ctx.subjectName}» в ${ctx.className} ${ctx.hoursPerWeek} ч в неделю, ` +
        `и все ${ctx.alreadyInWeek} уже стоят в расписании.`,
    );
  }
  return problems;
}

// --- one-off changes -----------------------------------------------------------------------------

export type ChangeKind = 'cancel' | 'move' | 'substitute';

/**
 * A change of one lesson on one date. A move also stores a 'moveIn' item at the place it moves to,
 * so that two moves to one place cannot both be stored and the target date lists it.
 */
export interface TimetableChange extends SlotLesson {
  schoolId: string;
  yearId: string;
  date: string;
  lessonNo: number;
  kind: ChangeKind | 'moveIn';
  /** move: where to. */
  toDate?: string;
  toLessonNo?: number;
  /** moveIn: where from. */
  fromDate?: string;
  fromLessonNo?: number;
  /** substitute: who gives the lesson instead. */
  substituteTeacherId?: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  version: number;
}

export const CHANGE_TITLES: Record<TimetableChange['kind'], string> = {
  cancel: 'Урок отменён',
  move: 'Урок перенесён',
  substitute: 'Замена учителя',
  moveIn: 'Перенесённый урок',
};

/** The lesson a teacher gives at a date and lesson number, taking that date's changes into account. */
export interface DatedLesson extends SlotLesson {
  date: string;
  lessonNo: number;
}

/**
 * The lessons that actually take place on a date at a lesson number: the week's slots of that
 * weekday minus those cancelled, moved away or handed to a substitute, plus those moved in and the
 * substitutes' lessons. Used to check that a one-off change creates no clash on its date.
 */
export function lessonsAt(
  date: string,
  lessonNo: number,
  slots: ReadonlyArray<SlotLesson & SlotPosition>,
  changesOnDate: ReadonlyArray<Pick<TimetableChange, 'date' | 'lessonNo' | 'kind' | 'classId' | 'groupId' | 'subjectId' | 'teacherId' | 'room' | 'substituteTeacherId'>>,
  weekday: number,
): DatedLesson[] {
  const here = changesOnDate.filter((c) => c.date === date && c.lessonNo === lessonNo);
  const result: DatedLesson[] = [];
  for (const s of slots) {
    if (s.weekday !== weekday || s.lessonNo !== lessonNo) continue;
    const change = here.find((c) => c.kind !== 'moveIn' && sameSlot(c, s));
    if (change?.kind === 'cancel' || change?.kind === 'move') continue;
    const teacherId = change?.kind === 'substitute' && change.substituteTeacherId ? change.substituteTeacherId : s.teacherId;
    result.push({ classId: s.classId, subjectId: s.subjectId, groupId: s.groupId, teacherId, room: s.room, date, lessonNo });
  }
  for (const c of here) {
    if (c.kind === 'moveIn') {
      result.push({ classId: c.classId, subjectId: c.subjectId, groupId: c.groupId, teacherId: c.teacherId, room: c.room, date, lessonNo });
    }
  }
  return result;
}

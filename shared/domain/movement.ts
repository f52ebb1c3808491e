/**
 * Student movement (R-11, clause 5; access: R-04, clause 4.4): enrolment, transfer between classes,
 * transfer out of the school, graduation — each with the date and number of the director's order.
 * Pure rules: which movement is possible for a student in which state, what it changes, and which
 * class a student belonged to on which days (the journal's rosters per class x period).
 *
 * Past records stay where they are: the journal is partitioned by class x period, so a transfer
 * changes only the card's class (and the roster from the movement date on); the marks of the old
 * class stay in the old class's partitions, and `classIntervals` tells a roster of any past period
 * who was in the class and until when.
 */
import { isIsoDate, ruDate } from './calendar';

export type MovementKind = 'enrol' | 'transfer' | 'leave' | 'graduate';
export const MOVEMENT_KINDS: MovementKind[] = ['enrol', 'transfer', 'leave', 'graduate'];

export const MOVEMENT_TITLES: Record<MovementKind, string> = {
  enrol: 'Зачисление',
  transfer: 'Перевод в другой класс',
  leave: 'Выбытие из школы',
  graduate: 'Окончание школы',
};

export type StudentStatus = 'enrolled' | 'left' | 'graduated';
export const STATUS_TITLES: Record<StudentStatus, string> = { enrolled: 'обучается', left: 'выбыл(а)', graduated: 'окончил(а) школу' };

/** Grades after which a pupil finishes a level and may leave with a certificate (аттестат): the
 * state exams (ОГЭ in 9, ЕГЭ/ГВЭ in 11), exam marks and final marks belong to these grades only. */
export const GRADUATION_GRADES: readonly number[] = [9, 11];

export function isGraduationGrade(grade: number): boolean {
  return GRADUATION_GRADES.includes(grade);
}

export interface Movement {
  studentId: string;
  kind: MovementKind;
  /** The date the order takes effect (YYYY-MM-DD). From this day on the student is in `toClassId`. */
  date: string;
  orderNo: string;
  fromClassId?: string;
  toClassId?: string;
  /** Where to (another school, a town) or why, free text. */
  note?: string;
  studentName: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
}

export interface MovementRequest {
  kind: MovementKind;
  date: string;
  orderNo: string;
  toClassId?: string;
  note?: string;
}

export interface StudentState {
  status: StudentStatus;
  classId: string;
  grade: number;
  /** The latest movement's date, if any: a new movement may not go before it. */
  lastMovementDate?: string;
}

const ORDER_RE = /^[0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё/\-.]{0,19}$/;

export function orderNoProblem(orderNo: string): string | null {
  const s = orderNo.trim().replace(/^№\s*/, '');
  if (s === '') return 'Укажите номер приказа.';
  if (!ORDER_RE.test(s)) return `Номер приказа «${orderNo}»: буквы, цифры, «/», «-» или «.», не длиннее 20 знаков.`;
  return null;
}

/** «№ 45-у» → «45-у». */
export function normaliseOrderNo(orderNo: string): string {
  return orderNo.trim().replace(/^№\s*/, '');
}

/**
 * What is wrong with a movement for a student in a given state, in Russian; an empty list means
 * it may be recorded. `today` is the school's own date.
 */
export function movementProblems(
  req: MovementRequest,
  state: StudentState | null,
  ctx: { today: string; toClass?: { classId: string; grade: number } | null },
): string[] {
  const problems: string[] = [];
  if (!isIsoDate(req.date)) problems.push('Дата движения указана неверно.');
  else if (req.date > ctx.today) problems.push('Дата движения не может быть позже сегодняшнего дня: движение записывают по изданному приказу.');
  else if (state?.lastMovementDate && req.date < state.lastMovementDate) {
    problems.push(`Дата раньше последней записи движения (${ruDate(state.lastMovementDate)}): записи движения идут по порядку дат.`);
  }
  const order = orderNoProblem(req.orderNo);
  if (order) problems.push(order);

  const needsClass = req.kind === 'enrol' || req.kind === 'transfer';
  if (needsClass && !req.toClassId) problems.push('Укажите класс, в который зачисляется или переводится обучающийся.');
  if (needsClass && req.toClassId && !ctx.toClass) problems.push('Такого класса нет в школе.');
  if (!needsClass && req.toClassId) problems.push('Класс указывают только при зачислении и переводе.');

  if (req.kind === 'enrol') {
    if (state?.status === 'enrolled') problems.push('Обучающийся уже зачислен: для смены класса оформите перевод.');
  } else if (!state || state.status !== 'enrolled') {
    problems.push('Обучающийся не числится в школе: сначала оформите зачисление.');
  } else if (req.kind === 'transfer' && req.toClassId === state.classId) {
    problems.push('Обучающийся уже в этом классе.');
  } else if (req.kind === 'graduate' && !isGraduationGrade(state.grade)) {
    problems.push(`Окончание школы оформляется из 9 или 11 класса; обучающийся в ${state.grade} классе. Для ухода в другую школу выберите «Выбытие».`);
  }
  if (req.note && req.note.length > 200) problems.push('Примечание длиннее 200 символов.');
  return problems;
}

/** The card after the movement. Leaving and graduating keep the last class on the card. */
export function stateAfter(req: MovementRequest, state: StudentState | null): { status: StudentStatus; classId: string } {
  switch (req.kind) {
    case 'enrol':
    case 'transfer':
      return { status: 'enrolled', classId: req.toClassId! };
    case 'leave':
      return { status: 'left', classId: state!.classId };
    case 'graduate':
      return { status: 'graduated', classId: state!.classId };
  }
}

/** Whether the movement ends the student's (and possibly the parents') access (clause 4.4). */
export function endsAccess(kind: MovementKind): boolean {
  return kind === 'leave' || kind === 'graduate';
}

export interface ClassInterval {
  classId: string;
  /** First day in the class; undefined = since before the records begin (the loaded class list). */
  from?: string;
  /** First day no longer in the class (exclusive); undefined = still there. */
  until?: string;
}

/**
 * The classes a student belonged to and when, from their movement history. A student loaded with
 * the class list has no enrolment record: their first class runs from "always" to the first
 * movement. Movements of one day are taken in the order they were recorded.
 */
export function classIntervals(
  movements: Array<Pick<Movement, 'kind' | 'date' | 'fromClassId' | 'toClassId' | 'recordedAt'>>,
  current: { classId: string; status: StudentStatus },
): ClassInterval[] {
  const sorted = [...movements].sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt));
  if (sorted.length === 0) return current.status === 'enrolled' ? [{ classId: current.classId }] : [];
  const out: ClassInterval[] = [];
  let open: ClassInterval | null = null;
  const first = sorted[0]!;
  if (first.kind !== 'enrol' && first.fromClassId) open = { classId: first.fromClassId };
  for (const m of sorted) {
    if (open) {
      open.until = m.date;
      if (open.from === undefined || open.from < m.date) out.push(open);
      open = null;
    }
    if ((m.kind === 'enrol' || m.kind === 'transfer') && m.toClassId) open = { classId: m.toClassId, from: m.date };
  }
  if (open) out.push(open);
  return out;
}

/** Whether the student was in the class on any day of [from, to] (inclusive dates). */
export function inClassDuring(intervals: ClassInterval[], classId: string, from: string, to: string): boolean {
  return intervals.some((i) => i.classId === classId && (i.from === undefined || i.from <= to) && (i.until === undefined || i.until > from));
}

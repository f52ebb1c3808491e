/**
 * The summary sheet of student movement of a class for a period («сводная ведомость движения
 * учащихся», clause 5; issue 13, item 1): how many pupils the class had on the period's first day,
 * who arrived and who left during it (name, date, from where or where to, the order's number) and
 * how many it had after its last day. Pure: the caller passes the class's current list and the
 * school's movements from the period's first day on (up to today); the screen, the PDF, the XLSX
 * and the period close print what this returns.
 *
 * The class of a past day is worked out backwards from today's list: undoing each movement from
 * the newest (an arrival takes the pupil off, a departure puts them back) gives the list after the
 * period's end, then, undoing the period's own movements, the list before its first day. Pupils
 * loaded with the class list have no enrolment record, which is why the count cannot be built
 * forwards from the records alone. A movement on the period's first day is the period's movement:
 * the order takes effect that day.
 */
import type { Movement, MovementKind } from '../movement';
import { MOVEMENT_TITLES } from '../movement';

export const MOVEMENT_SHEET_TITLE = 'Сводная ведомость движения учащихся';

export type SheetMovement = Pick<Movement, 'studentId' | 'studentName' | 'kind' | 'date' | 'orderNo' | 'fromClassId' | 'toClassId' | 'note' | 'recordedAt'>;

/** One arrival or departure as the sheet prints it. */
export interface MovementLine {
  studentId: string;
  name: string;
  date: string;
  orderNo: string;
  kind: MovementKind;
  /** «Зачисление», «Перевод в другой класс», «Выбытие из школы», «Окончание школы». */
  kindTitle: string;
  /** From where (an arrival) or where to (a departure), in words: «из 5Б класса», «в школу № 3 г. Тверь». */
  place: string;
}

export interface MovementSheet {
  /** The period's first and last day (ISO). */
  from: string;
  to: string;
  atStart: number;
  arrived: MovementLine[];
  left: MovementLine[];
  atEnd: number;
}

/** The order movements happened in: by date, then as recorded (movements of one day keep their order). */
export const byOccurrence = (a: SheetMovement, b: SheetMovement) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt);

/** Takes a movement back on a class's list: an arrival leaves it, a departure returns to it. */
function undo(list: Set<string>, classId: string, m: SheetMovement): void {
  if (m.toClassId === classId) list.delete(m.studentId);
  if (m.fromClassId === classId && m.toClassId !== classId) list.add(m.studentId);
}

/** Where a pupil came from, for an arrival into the class. */
function arrivedFrom(m: SheetMovement, classTitle: (classId: string) => string): string {
  if (m.kind === 'transfer' && m.fromClassId) return `из ${classTitle(m.fromClassId)} класса`;
  return m.note ?? 'не указано';
}

/** Where a pupil went, for a departure from the class. */
function leftTo(m: SheetMovement, classTitle: (classId: string) => string): string {
  if (m.kind === 'transfer' && m.toClassId) return `в ${classTitle(m.toClassId)} класс`;
  if (m.kind === 'graduate') return m.note ? `окончание школы (${m.note})` : 'окончание школы';
  return m.note ?? 'не указано';
}

export function movementLine(m: SheetMovement, place: string): MovementLine {
  return { studentId: m.studentId, name: m.studentName, date: m.date, orderNo: m.orderNo, kind: m.kind, kindTitle: MOVEMENT_TITLES[m.kind], place };
}

/** Whether a movement brings a pupil into the class, takes one out of it, or neither. */
export function directionIn(m: Pick<SheetMovement, 'fromClassId' | 'toClassId'>, classId: string): 'arrived' | 'left' | null {
  if (m.toClassId === classId && m.fromClassId !== classId) return 'arrived';
  if (m.fromClassId === classId && m.toClassId !== classId) return 'left';
  return null;
}

export function movementSheet(input: {
  classId: string;
  from: string;
  to: string;
  /** Today's class list (ids of the pupils enrolled in the class now). */
  current: readonly string[];
  /** The school's movements dated from `from` on (any class; the others are skipped). */
  movements: readonly SheetMovement[];
  classTitle: (classId: string) => string;
}): MovementSheet {
  const { classId, from, to } = input;
  const list = new Set(input.current);
  const newestFirst = input.movements.filter((m) => m.date >= from && directionIn(m, classId)).sort(byOccurrence).reverse();
  for (const m of newestFirst) if (m.date > to) undo(list, classId, m);
  const atEnd = list.size;
  const arrived: MovementLine[] = [];
  const left: MovementLine[] = [];
  for (const m of newestFirst) {
    if (m.date > to) continue;
    undo(list, classId, m);
    if (directionIn(m, classId) === 'arrived') arrived.unshift(movementLine(m, arrivedFrom(m, input.classTitle)));
    else left.unshift(movementLine(m, leftTo(m, input.classTitle)));
  }
  return { from, to, atStart: list.size, arrived, left, atEnd };
}

/**
 * The deputy's movement reports of a school year (issue 13, item 2; clause 5): the dynamics of
 * movement (who arrived in and left each class, month by month, with the orders) and the size of
 * every class at the start and end of each of its periods. Pure: the caller passes the classes,
 * their current lists and the school's movements; a class's count on a past day is the movement
 * sheet's own rule (./movement-sheet.ts), so the class's sheet and these reports never disagree.
 */
import { MOVEMENT_TITLES } from '../movement';
import { directionIn, movementSheet, byOccurrence, type SheetMovement } from './movement-sheet';

export const MOVEMENT_DYNAMICS_TITLE = 'Динамика движения учащихся';
export const CLASS_SIZES_TITLE = 'Численность классов на начало и конец учебных периодов';

export interface ReportClass {
  classId: string;
  /** «5А». */
  title: string;
  grade: number;
}

export interface MonthMoves {
  arrived: number;
  left: number;
}

export interface MovementDynamics {
  months: string[];
  /** Every class of the year: arrivals and departures by month (a transfer counts in both classes). */
  rows: Array<{ classId: string; className: string; months: MonthMoves[]; arrived: number; left: number }>;
  /** The school as a whole by month: enrolled into it, left it (transfer out or graduation), moved between its classes. */
  school: Array<{ month: string; enrolled: number; leftSchool: number; transfers: number }>;
  totals: { enrolled: number; leftSchool: number; transfers: number };
  /** Each movement once, oldest first. */
  lines: Array<{ date: string; name: string; kindTitle: string; fromClass: string; toClass: string; note: string; orderNo: string }>;
}

const monthOf = (date: string) => date.slice(0, 7);

export function movementDynamics(input: { classes: readonly ReportClass[]; months: readonly string[]; movements: readonly SheetMovement[] }): MovementDynamics {
  const months = [...input.months];
  const inRange = input.movements.filter((m) => months.includes(monthOf(m.date))).sort(byOccurrence);
  const title = new Map(input.classes.map((c) => [c.classId, c.title]));
  const rows = input.classes.map((c) => {
    const cells = months.map((month) => {
      const those = inRange.filter((m) => monthOf(m.date) === month);
      return { arrived: those.filter((m) => directionIn(m, c.classId) === 'arrived').length, left: those.filter((m) => directionIn(m, c.classId) === 'left').length };
    });
    return { classId: c.classId, className: c.title, months: cells, arrived: cells.reduce((n, x) => n + x.arrived, 0), left: cells.reduce((n, x) => n + x.left, 0) };
  });
  const school = months.map((month) => {
    const those = inRange.filter((m) => monthOf(m.date) === month);
    return { month, enrolled: those.filter((m) => m.kind === 'enrol').length, leftSchool: those.filter((m) => m.kind === 'leave' || m.kind === 'graduate').length, transfers: those.filter((m) => m.kind === 'transfer').length };
  });
  const sum = (k: 'enrolled' | 'leftSchool' | 'transfers') => school.reduce((n, x) => n + x[k], 0);
  const name = (id: string | undefined) => (id ? (title.get(id) ?? id) : '');
  return {
    months,
    rows,
    school,
    totals: { enrolled: sum('enrolled'), leftSchool: sum('leftSchool'), transfers: sum('transfers') },
    lines: inRange.map((m) => ({ date: m.date, name: m.studentName, kindTitle: MOVEMENT_TITLES[m.kind], fromClass: name(m.fromClassId), toClass: name(m.toClassId), note: m.note ?? '', orderNo: m.orderNo })),
  };
}

export interface SizePeriod {
  periodId: string;
  name: string;
  startDate: string;
  endDate: string;
}

/** A class's size in a period: null before the period starts; `running` while it lasts (the end is today's count). */
export interface SizeCell {
  atStart: number | null;
  atEnd: number | null;
  running: boolean;
}

export interface ClassSizes {
  /** One table per set of periods (quarters for grades 1-9, halves for 10-11 in the usual year). */
  sets: Array<{ periods: SizePeriod[]; rows: Array<{ classId: string; className: string; cells: SizeCell[] }>; totals: SizeCell[] }>;
}

export function classSizes(input: {
  classes: ReadonlyArray<ReportClass & { periods: readonly SizePeriod[]; current: readonly string[] }>;
  /** The school's movements from the year's first day on. */
  movements: readonly SheetMovement[];
  today: string;
}): ClassSizes {
  const sets = new Map<string, { periods: SizePeriod[]; rows: ClassSizes['sets'][number]['rows'] }>();
  for (const c of input.classes) {
    const key = c.periods.map((p) => p.periodId).join('|');
    if (!key) continue;
    const set = sets.get(key) ?? sets.set(key, { periods: [...c.periods], rows: [] }).get(key)!;
    set.rows.push({
      classId: c.classId,
      className: c.title,
      cells: c.periods.map((p) => {
        if (p.startDate > input.today) return { atStart: null, atEnd: null, running: false };
        const s = movementSheet({ classId: c.classId, from: p.startDate, to: p.endDate, current: c.current, movements: input.movements, classTitle: (id) => id });
        return { atStart: s.atStart, atEnd: s.atEnd, running: p.endDate >= input.today };
      }),
    });
  }
  return {
    sets: [...sets.values()].map((s) => ({
      ...s,
      totals: s.periods.map((_, i) => {
        const cells = s.rows.map((r) => r.cells[i]!);
        const add = (k: 'atStart' | 'atEnd') => (cells.every((x) => x[k] === null) ? null : cells.reduce((n, x) => n + (x[k] ?? 0), 0));
        return { atStart: add('atStart'), atEnd: add('atEnd'), running: cells.some((x) => x.running) };
      }),
    })),
  };
}

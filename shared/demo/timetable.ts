/**
 * The demo school's timetable (issue 3, item 7; R-13): a week for every class built from the demo
 * curriculum with no clash (a teacher, a class or a room in two places at once), a couple of
 * one-off changes, and the lessons of the journal generated for the periods around the demo's
 * `now` (by default the first quarter, the second quarter and the first half-year).
 *
 * Lessons are numbered 1-7, so lesson 8 stays free for tests and demonstrations. Grades 1-4 study
 * Monday to Friday, grades 5-11 Monday to Saturday. English groups of a class run at the same time
 * with their two teachers; the two informatics groups (one teacher) at different times.
 *
 * Pure and deterministic: a seeded search, tried again with the next seed if it gets stuck.
 */
import { WHOLE_CLASS, type LoadLine } from '../domain/curriculum';
import { addDays, dateInZone, weekdayOf } from '../domain/calendar';
import { generateLessons, type PlannedLesson } from '../domain/lesson-dates';
import type { TimetableChange, TimetableSlot } from '../domain/timetable';
import { periodsForGrade, periodOn, isHoliday, type AcademicYear } from '../domain/year';
import { lessonItem } from '../repos/lessons';
import { changeItem, timetableItems } from '../repos/timetable';
import { demoLoad, demoRoomOf } from './curriculum';
import { type DemoModel, DEMO_TIME_ZONE } from './model';
import { rngStream } from './random';
import { demoYear } from './year';

type Item = Record<string, unknown>;

export const DEMO_MAX_LESSON_NO = 7;
/** Periods whose lessons the demo generates unless told otherwise. */
export const DEMO_LESSON_PERIODS = ['2026-q1', '2026-q2', '2026-h1'] as const;
const GENERATED_AT = '2026-08-31T09:00:00.000Z';

interface Part {
  groupId: string;
  teacherId: string;
}
/** What occupies a class at one time: one whole-class lesson, or parallel group lessons. */
interface Session {
  subjectId: string;
  parts: Part[];
  /** Per-day limit key: the subject (and group when the groups run at different times). */
  capKey: string;
}

function sessionsOf(lines: readonly LoadLine[]): Session[] {
  const sessions: Session[] = [];
  for (const l of lines) {
    const groups = l.groups ?? [];
    const oneTeacherForGroups = groups.length > 0 && new Set(groups.map((g) => g.teacherId)).size < groups.length;
    for (let h = 0; h < l.hoursPerWeek; h++) {
      if (groups.length === 0) sessions.push({ subjectId: l.subjectId, parts: [{ groupId: WHOLE_CLASS, teacherId: l.teacherId! }], capKey: l.subjectId });
      else if (oneTeacherForGroups) {
        for (const g of groups) sessions.push({ subjectId: l.subjectId, parts: [{ groupId: g.groupId, teacherId: g.teacherId }], capKey: `${l.subjectId}#${g.groupId}` });
      } else sessions.push({ subjectId: l.subjectId, parts: groups.map((g) => ({ groupId: g.groupId, teacherId: g.teacherId })), capKey: l.subjectId });
    }
  }
  return sessions;
}

interface ClassPlan {
  classId: string;
  days: number;
  /** Lessons per weekday (index 1..6). */
  perDay: number[];
  sessions: Session[];
  /** Per subject (cap key): at most this many a day. */
  cap: Map<string, number>;
}

function planClass(classId: string, grade: number, lines: readonly LoadLine[]): ClassPlan {
  const sessions = sessionsOf(lines);
  const days = grade <= 4 ? 5 : 6;
  const perDay = [0];
  for (let d = 1; d <= 6; d++) perDay.push(d <= days ? Math.floor(sessions.length / days) + (d <= sessions.length % days ? 1 : 0) : 0);
  if (Math.max(...perDay) > DEMO_MAX_LESSON_NO) throw new Error(`Demo class ${classId} has too many lessons a day`);
  const count = new Map<string, number>();
  for (const s of sessions) count.set(s.capKey, (count.get(s.capKey) ?? 0) + 1);
  const cap = new Map([...count].map(([k, n]) => [k, Math.ceil(n / days)]));
  return { classId, days, perDay, sessions, cap };
}

/**
 * One run of a min-conflicts search: every class's lessons are laid out on its positions (a week
 * without gaps), then lessons of one class swap places while that lowers the number of clashes
 * (a teacher twice at one time) and of days over a subject's daily limit. Null if it did not
 * reach zero.
 */
function attempt(plans: readonly ClassPlan[], seed: number, maxSteps = 20_000): Map<string, Array<Session | undefined>> | null {
  const rng = rngStream(`timetable:${seed}`);
  const positions = new Map<string, Array<[number, number]>>();
  const layout = new Map<string, Session[]>();
  for (const p of plans) {
    const ps: Array<[number, number]> = [];
    for (let d = 1; d <= 6; d++) for (let n = 1; n <= p.perDay[d]!; n++) ps.push([d, n]);
    positions.set(p.classId, ps);
    layout.set(p.classId, rng.shuffle(p.sessions));
  }
  const teacherAt = new Map<string, number>();
  const dayUse = new Map<string, number>();
  const capOf = new Map(plans.map((p) => [p.classId, p.cap]));
  /** Adds (+1) or removes (-1) a session at a position; returns the change of the cost. */
  const apply = (classId: string, s: Session, [d, n]: [number, number], sign: 1 | -1): number => {
    let delta = 0;
    for (const part of s.parts) {
      const k = `${part.teacherId}#${d}#${n}`;
      const before = teacherAt.get(k) ?? 0;
      const after = before + sign;
      teacherAt.set(k, after);
      delta += Math.max(0, after - 1) - Math.max(0, before - 1);
    }
    const k = `${classId}#${d}#${s.capKey}`;
    const cap = capOf.get(classId)!.get(s.capKey)!;
    const before = dayUse.get(k) ?? 0;
    const after = before + sign;
    dayUse.set(k, after);
    delta += Math.max(0, after - cap) - Math.max(0, before - cap);
    return delta;
  };
  let cost = 0;
  for (const p of plans) layout.get(p.classId)!.forEach((s, i) => (cost += apply(p.classId, s, positions.get(p.classId)![i]!, 1)));
  const conflicted = (classId: string, i: number) => {
    const s = layout.get(classId)![i]!;
    const [d, n] = positions.get(classId)![i]!;
    return s.parts.some((part) => (teacherAt.get(`${part.teacherId}#${d}#${n}`) ?? 0) > 1) || (dayUse.get(`${classId}#${d}#${s.capKey}`) ?? 0) > capOf.get(classId)!.get(s.capKey)!;
  };
  for (let step = 0; step < maxSteps && cost > 0; step++) {
    const bad: Array<[string, number]> = [];
    for (const p of plans) for (let i = 0; i < p.sessions.length; i++) if (conflicted(p.classId, i)) bad.push([p.classId, i]);
    const [classId, i] = rng.pick(bad);
    const lay = layout.get(classId)!;
    const ps = positions.get(classId)!;
    let best: number[] = [];
    let bestDelta = Infinity;
    for (let j = 0; j < lay.length; j++) {
      if (j === i || lay[j] === lay[i]) continue;
      const si = lay[i]!;
      const sj = lay[j]!;
      const delta = apply(classId, si, ps[i]!, -1) + apply(classId, sj, ps[j]!, -1) + apply(classId, si, ps[j]!, 1) + apply(classId, sj, ps[i]!, 1);
      apply(classId, si, ps[j]!, -1);
      apply(classId, sj, ps[i]!, -1);
      apply(classId, si, ps[i]!, 1);
      apply(classId, sj, ps[j]!, 1);
      if (delta < bestDelta) [best, bestDelta] = [[j], delta];
      else if (delta === bestDelta) best.push(j);
    }
    // Take the best swap; now and then any swap, to walk out of a dead end.
    const j = rng.chance(0.08) ? rng.int(0, lay.length - 1) : best.length > 0 ? rng.pick(best) : i;
    if (j === i) continue;
    const si = lay[i]!;
    const sj = lay[j]!;
    cost += apply(classId, si, ps[i]!, -1) + apply(classId, sj, ps[j]!, -1) + apply(classId, si, ps[j]!, 1) + apply(classId, sj, ps[i]!, 1);
    lay[i] = sj;
    lay[j] = si;
  }
  if (cost > 0) return null;
  const placed = new Map<string, Array<Session | undefined>>();
  for (const p of plans) {
    const byPos: Array<Session | undefined> = [];
    layout.get(p.classId)!.forEach((s, i) => {
      const [d, n] = positions.get(p.classId)![i]!;
      byPos[(d - 1) * DEMO_MAX_LESSON_NO + (n - 1)] = s;
    });
    placed.set(p.classId, byPos);
  }
  return placed;
}

/** The weekly slots of every demo class. */
export function demoTimetable(model: DemoModel, lines: readonly LoadLine[] = demoLoad(model)): TimetableSlot[] {
  const sch = model.school.schoolId;
  const plans = [...model.classes]
    .sort((a, b) => b.grade - a.grade || a.classId.localeCompare(b.classId))
    .map((c) => planClass(c.classId, c.grade, lines.filter((l) => l.classId === c.classId)));
  let placed: ReturnType<typeof attempt> = null;
  for (let seed = 0; seed < 20 && !placed; seed++) placed = attempt(plans, seed);
  if (!placed) throw new Error('The demo timetable could not be built');

  const teachers = model.staff.filter((s) => s.subjects.length > 0);
  const roomOf = new Map<string, string>();
  for (const spec of new Set(teachers.map((t) => t.specialisation))) {
    const ofSpec = teachers.filter((t) => t.specialisation === spec);
    ofSpec.forEach((t, i) => roomOf.set(t.userId, demoRoomOf(t, spec === 'primary' || spec === 'pe' ? i : teachers.indexOf(t))));
  }
  const slots: TimetableSlot[] = [];
  for (const plan of plans) {
    placed.get(plan.classId)!.forEach((s, i) => {
      if (!s) return;
      const weekday = Math.floor(i / DEMO_MAX_LESSON_NO) + 1;
      const lessonNo = (i % DEMO_MAX_LESSON_NO) + 1;
      for (const p of s.parts) {
        const room = roomOf.get(p.teacherId);
        slots.push({ schoolId: sch, yearId: model.yearId, classId: plan.classId, weekday, lessonNo, subjectId: s.subjectId, groupId: p.groupId, teacherId: p.teacherId, ...(room ? { room } : {}), version: 1 });
      }
    });
  }
  return slots.sort((a, b) => a.classId.localeCompare(b.classId) || a.weekday - b.weekday || a.lessonNo - b.lessonNo || a.groupId.localeCompare(b.groupId));
}

/**
 * Two one-off changes in 5А during the second quarter: a cancelled lesson, and a lesson moved to
 * the day after, after that day's last lesson, when its teacher is free then.
 */
export function demoChanges(model: DemoModel, slots: readonly TimetableSlot[], year: AcademicYear = demoYear(model.school.schoolId)): TimetableChange[] {
  const fiveA = slots.filter((s) => s.classId === '5a' && s.groupId === WHOLE_CLASS);
  const base = { schoolId: model.school.schoolId, yearId: model.yearId, createdBy: 'demo', createdAt: '2026-11-20T08:00:00.000Z', version: 1 };
  const lesson = (s: TimetableSlot) => ({ classId: s.classId, subjectId: s.subjectId, groupId: s.groupId, teacherId: s.teacherId, ...(s.room ? { room: s.room } : {}) });
  const changes: TimetableChange[] = [];
  const cancelled = fiveA.find((s) => s.weekday === 5 && s.lessonNo === 1);
  if (cancelled) changes.push({ ...base, ...lesson(cancelled), date: '2026-11-27', lessonNo: 1, kind: 'cancel', reason: 'Общешкольное мероприятие' });
  for (let date = '2026-12-07'; date <= '2026-12-12'; date = addDays(date, 1)) {
    const next = addDays(date, 1);
    if (weekdayOf(next) === 7 || isHoliday(year, next, 5) || !periodOn(year, 5, next)) continue;
    const moved = fiveA.find((s) => s.weekday === weekdayOf(date) && s.lessonNo === 2);
    if (!moved) continue;
    const toLessonNo = Math.max(...slots.filter((s) => s.classId === '5a' && s.weekday === weekdayOf(next)).map((s) => s.lessonNo)) + 1;
    const teacherBusy = slots.some((s) => s.teacherId === moved.teacherId && s.weekday === weekdayOf(next) && s.lessonNo === toLessonNo);
    if (toLessonNo > 8 || teacherBusy) continue;
    const why = 'Учитель на курсах повышения квалификации';
    changes.push({ ...base, ...lesson(moved), date, lessonNo: 2, kind: 'move', toDate: next, toLessonNo, reason: why });
    changes.push({ ...base, ...lesson(moved), date: next, lessonNo: toLessonNo, kind: 'moveIn', fromDate: date, fromLessonNo: 2, reason: why });
    break;
  }
  return changes;
}

/** The lessons of every demo class for the given periods (each class gets the ones of its grade). */
export function demoLessons(
  model: DemoModel,
  slots: readonly TimetableSlot[],
  changes: readonly TimetableChange[],
  periodIds: readonly string[] = DEMO_LESSON_PERIODS,
  year: AcademicYear = demoYear(model.school.schoolId),
): PlannedLesson[] {
  return model.classes.flatMap((c) =>
    periodsForGrade(year, c.grade)
      .filter((p) => periodIds.includes(p.periodId))
      .flatMap((period) => generateLessons({ year, grade: c.grade, classId: c.classId, period, slots, changes })),
  );
}

/** The periods of the demo year that contain `now` (one per period set), for `demoTimetableItems`. */
export function periodsAround(now: Date, year: AcademicYear): string[] {
  const today = dateInZone(now, DEMO_TIME_ZONE);
  return year.periodSets.flatMap((set) => set.periods.filter((p) => p.startDate <= today && today <= p.endDate).map((p) => p.periodId));
}

/**
 * The items to add to the demo school: slots with their guard items, the one-off changes, and the
 * lessons of DEMO_LESSON_PERIODS plus the periods containing `now`.
 */
export function demoTimetableItems(model: DemoModel, opts: { now?: Date; periods?: readonly string[] } = {}): Item[] {
  const year = demoYear(model.school.schoolId);
  const lines = demoLoad(model);
  const slots = demoTimetable(model, lines);
  const changes = demoChanges(model, slots, year);
  const periods = [...new Set([...(opts.periods ?? DEMO_LESSON_PERIODS), ...(opts.now ? periodsAround(opts.now, year) : [])])];
  const lessons = demoLessons(model, slots, changes, periods, year);
  return [
    ...timetableItems(slots),
    ...changes.map(changeItem),
    ...lessons.map((l) => lessonItem(model.school.schoolId, model.yearId, l, GENERATED_AT)),
  ];
}

/**
 * The teacher's journal page (R-20 - R-25): class x subject (x subgroup) x period, with the roster
 * down, the lessons across, marks and attendance in the cells and each student's weighted average
 * . Served by ONE Query of the class x period partition (shared/repos/journal.ts) plus the
 * school's rules from the per-instance cache (./journal-settings.ts).
 *
 * The page carries the rules and the school's `today` as well, so the screen computes the lock of
 * each mark cell with the same pure functions as the server (shared/domain/journal-rules.ts) and
 * shows the reason before anyone types; the server decides again on every write.
 */
import { may } from '../auth/policy';
import type { JournalPageObject } from '../auth/rules/journal';
import type { Principal } from '../auth/roles';
import { WHOLE_CLASS } from '../domain/curriculum';
import { dateInZone } from '../domain/calendar';
import { weightedAverage } from '../domain/journal-marks';
import { inLessonGroup, lessonIdOf, type RosterGroup } from '../domain/journal-model';
import { fillState, lessonVerdict, takesMarks, type FillState } from '../domain/journal-rules';
import type { LockDays } from '../domain/settings';
import type { WorkTypeId } from '../domain/work-types';
import { NotFoundError } from '../errors';
import { readJournalSlice, type JournalSlice, type Place } from '../repos/journal';
import { attendanceView, markView, type AttendanceView, lessonContentView, type LessonContentView, type MarkView } from './journal-entry';
import { materialiseRosters, withCurrentSubgroups } from './journal-rosters';
import { journalRulesForReading, type JournalRules } from './journal-settings';

export interface LessonLock {
  state: 'open' | 'notYet' | 'locked' | 'cancelled' | 'grade1';
  message?: string;
  lockedFrom?: string;
  opensOn?: string;
}

/** A lesson on the page: what its teacher filled in, with when and by whom it is held. */
export interface JournalPageLesson extends LessonContentView {
  date: string;
  lessonNo: number;
  groupId: string;
  teacherId?: string;
  room?: string;
  /** May the caller fill this lesson (teacher, subgroup teacher, substitute on the date)? */
  canFill: boolean;
  /** The lock of the topic, work types, homework and attendance (marks: see `rules`). */
  lock: LessonLock;
  fill: FillState;
}

export interface JournalPageView {
  schoolId: string;
  classId: string;
  className: string;
  grade: number;
  subjectId: string;
  subjectName?: string;
  periodId: string;
  periodName?: string;
  periodStart?: string;
  periodEnd?: string;
  groupId: string | null;
  groups: RosterGroup[];
  today: string;
  rules: { lockDays: LockDays; marksInAdvanceAllowed: boolean; timeZone: string };
  weights: Record<string, number>;
  marksAllowed: boolean;
  canWrite: boolean;
  students: Array<{ studentId: string; name: string; groupId?: string; from?: string; until?: string; average: number | null }>;
  lessons: JournalPageLesson[];
  marks: MarkView[];
  attendance: AttendanceView[];
  substitutes: Array<{ teacherId: string; groupId: string; from: string; to: string }>;
  /** Query pages DynamoDB returned (the budget's "plus its pages"). */
  queryPages: number;
}

export interface LoadedPage {
  place: Place;
  slice: JournalSlice;
  rules: JournalRules;
  access: JournalPageObject;
}

function fillersOf(slice: JournalSlice): string[] {
  const ids = new Set<string>();
  for (const l of slice.lessons) if (l.teacherId) ids.add(l.teacherId);
  if (slice.roster?.line?.teacherId) ids.add(slice.roster.line.teacherId);
  for (const g of [...(slice.roster?.line?.groups ?? []), ...(slice.roster?.groups ?? []), ...(slice.subgroups?.groups ?? [])]) ids.add(g.teacherId);
  for (const s of slice.substitutes) ids.add(s.teacherId);
  return [...ids];
}

/** One Query of the partition (and the rules, cached): what the policy decides the page on. */
export async function loadJournalPage(departmentId: string, place: Place, now: Date): Promise<LoadedPage> {
  const [slice, rules] = await Promise.all([readJournalSlice(place), journalRulesForReading(departmentId, place.schoolId, now)]);
  return {
    place,
    slice,
    rules,
    access: { departmentId, schoolId: place.schoolId, classId: place.classId, subjectId: place.subjectId, fillers: fillersOf(slice) },
  };
}

/** The page as the screen shows it; a roster that was never built is built first (once). */
export async function journalPage(p: Principal, loaded: LoadedPage, now: Date, groupId: string | null): Promise<JournalPageView> {
  let { slice } = loaded;
  const { place, rules } = loaded;
  if (!slice.roster) {
    await materialiseRosters(place.schoolId, place.classId, place.periodId, now);
    slice = await readJournalSlice(place);
  }
  if (!slice.roster) throw new NotFoundError('Этого предмета нет в учебном плане класса на выбранный период.');
  const roster = withCurrentSubgroups(slice.roster, slice.subgroups);
  if (groupId && groupId !== WHOLE_CLASS && !roster.groups.some((g) => g.groupId === groupId)) {
    throw new NotFoundError('Такой подгруппы нет у класса по этому предмету.');
  }
  const today = dateInZone(now, rules.timeZone);
  const wantGroup = (g: string) => !groupId || g === groupId;
  const subgroups = { groups: roster.groups.map((g) => ({ ...g, studentIds: [] as string[] })) };

  const lessons = slice.lessons
    .filter((l) => wantGroup(l.groupId))
    .sort((a, b) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo || a.groupId.localeCompare(b.groupId));
  const lessonIds = new Set(lessons.map(lessonIdOf));
  const students = roster.students.filter((s) => !groupId || groupId === WHOLE_CLASS || inLessonGroup(s, groupId, roster.groups));
  const studentIds = new Set(students.map((s) => s.studentId));
  const marks = slice.marks.filter((m) => studentIds.has(m.studentId) && lessonIds.has(lessonIdOf(m)));
  const attendance = slice.attendance.filter((a) => studentIds.has(a.studentId) && lessonIds.has(lessonIdOf(a)));
  const weightOf = (m: { workType: WorkTypeId; weight: number }) => rules.weights[m.workType] ?? m.weight;
  const marksBy = new Map<string, Array<{ value: number; weight: number }>>();
  for (const m of marks) marksBy.set(m.studentId, [...(marksBy.get(m.studentId) ?? []), { value: m.value, weight: weightOf(m) }]);

  const pageLessons: JournalPageLesson[] = lessons.map((l) => {
    const v = lessonVerdict(l, today, rules.locks);
    const canFill = may(p, 'journal.write', {
      departmentId: loaded.access.departmentId,
      schoolId: place.schoolId,
      classId: place.classId,
      lesson: { subjectId: place.subjectId, groupId: l.groupId, date: l.date, teacherId: l.teacherId ?? '' },
      line: roster.line,
      subgroups,
      substitutes: slice.substitutes,
    });
    return {
      ...lessonContentView(l, roster.grade),
      date: l.date,
      lessonNo: l.lessonNo,
      groupId: l.groupId,
      ...(l.teacherId ? { teacherId: l.teacherId } : {}),
      ...(l.room ? { room: l.room } : {}),
      canFill,
      lock: v.open
        ? { state: 'open', lockedFrom: v.lockedFrom }
        : { state: v.reason, message: v.message, ...('lockedFrom' in v ? { lockedFrom: v.lockedFrom } : {}), ...('opensOn' in v ? { opensOn: v.opensOn } : {}) },
      fill: fillState(l, today, rules.locks, (iso) => dateInZone(new Date(iso), rules.timeZone)),
    };
  });

  return {
    schoolId: place.schoolId,
    classId: place.classId,
    className: roster.className,
    grade: roster.grade,
    subjectId: place.subjectId,
    ...(roster.subjectName ? { subjectName: roster.subjectName } : {}),
    periodId: place.periodId,
    ...(roster.periodName ? { periodName: roster.periodName } : {}),
    ...(roster.periodStart ? { periodStart: roster.periodStart } : {}),
    ...(roster.periodEnd ? { periodEnd: roster.periodEnd } : {}),
    groupId,
    groups: roster.groups,
    today,
    rules: { lockDays: rules.locks.lockDays, marksInAdvanceAllowed: rules.locks.marksInAdvanceAllowed, timeZone: rules.timeZone },
    weights: rules.weights,
    marksAllowed: takesMarks(roster.grade),
    canWrite: pageLessons.some((l) => l.canFill),
    students: students.map((s) => ({
      studentId: s.studentId,
      name: s.name,
      ...(s.groupId ? { groupId: s.groupId } : {}),
      ...(s.from ? { from: s.from } : {}),
      ...(s.until ? { until: s.until } : {}),
      average: weightedAverage(marksBy.get(s.studentId) ?? []),
    })),
    lessons: pageLessons,
    marks: marks.map(markView),
    attendance: attendance.map(attendanceView),
    substitutes: slice.substitutes
      .filter((s) => wantGroup(s.groupId) || s.groupId === WHOLE_CLASS)
      .map((s) => ({ teacherId: s.teacherId, groupId: s.groupId, from: s.from, to: s.to })),
    queryPages: slice.pages,
  };
}

/**
 * The teacher's day (issue 8): which lessons a teacher gives on a date, from their weekly slots and
 * that date's one-off changes: their own lessons minus those cancelled, moved away or handed
 * to a substitute, plus the lessons moved in and those of colleagues they substitute for. The
 * lessons they no longer give are kept too, marked, so the teacher sees why a lesson is gone.
 */
import { weekdayOf } from './calendar';
import { lessonsAt, sameSlot, type SlotLesson, type SlotPosition, type TimetableChange } from './timetable';

type Change = Pick<
  TimetableChange,
  'date' | 'lessonNo' | 'kind' | 'classId' | 'groupId' | 'subjectId' | 'teacherId' | 'room' | 'substituteTeacherId' | 'toDate' | 'toLessonNo'
>;

/** 'given': the teacher gives it; the others say why a lesson of their week does not take place. */
export type DayLessonState = 'given' | 'cancelled' | 'movedAway' | 'handedOver';

export interface DayLesson extends SlotLesson {
  date: string;
  lessonNo: number;
  state: DayLessonState;
  /** How a given lesson came to the teacher when not from their own week. */
  via?: 'substitute' | 'movedIn';
  /** movedAway: where the lesson went. */
  toDate?: string;
  toLessonNo?: number;
}

export function teacherLessonsOn(date: string, teacherId: string, mySlots: ReadonlyArray<SlotLesson & SlotPosition>, changes: readonly Change[]): DayLesson[] {
  const weekday = weekdayOf(date);
  const onDate = changes.filter((c) => c.date === date);
  const own = mySlots.filter((s) => s.weekday === weekday && s.teacherId === teacherId);
  // A colleague's lesson handed to this teacher: the change itself names the slot it replaces.
  const covering = onDate.filter((c) => c.kind === 'substitute' && c.substituteTeacherId === teacherId).map((c) => ({ ...c, weekday }));
  const candidates = [...own, ...covering];
  const numbers = [...new Set([...candidates.map((s) => s.lessonNo), ...onDate.filter((c) => c.kind === 'moveIn' && c.teacherId === teacherId).map((c) => c.lessonNo)])];
  const result: DayLesson[] = [];
  for (const no of numbers) {
    for (const l of lessonsAt(date, no, candidates, onDate, weekday)) {
      if (l.teacherId !== teacherId) continue;
      const change = onDate.find((c) => c.lessonNo === no && sameSlot(c, l) && c.subjectId === l.subjectId);
      const via = change?.kind === 'substitute' ? 'substitute' : change?.kind === 'moveIn' ? 'movedIn' : undefined;
      result.push({ ...l, state: 'given', ...(via ? { via } : {}) });
    }
  }
  for (const s of own) {
    const change = onDate.find((c) => c.lessonNo === s.lessonNo && c.kind !== 'moveIn' && sameSlot(c, s) && c.subjectId === s.subjectId);
    if (!change || (change.kind === 'substitute' && change.substituteTeacherId === teacherId)) continue;
    const base = { classId: s.classId, subjectId: s.subjectId, groupId: s.groupId, teacherId: s.teacherId, ...(s.room ? { room: s.room } : {}), date, lessonNo: s.lessonNo };
    if (change.kind === 'cancel') result.push({ ...base, state: 'cancelled' });
    else if (change.kind === 'move') result.push({ ...base, state: 'movedAway', ...(change.toDate ? { toDate: change.toDate } : {}), ...(change.toLessonNo ? { toLessonNo: change.toLessonNo } : {}) });
    else if (change.kind === 'substitute') result.push({ ...base, state: 'handedOver' });
  }
  return result.sort((a, b) => a.lessonNo - b.lessonNo || a.classId.localeCompare(b.classId));
}

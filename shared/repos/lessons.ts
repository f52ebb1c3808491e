/**
 * Lessons of the journal (R-13), generated from the timetable into the class x period partition
 * (`keys.lesson`), so that the journal page reads them with its one Query. Also indexed by class
 * and date (gsi2) for the diary and the class teacher's daily view.
 */
import { keys } from '../db/keys';
import { deleteOp, putOp, versionCondition, type TransactItem } from '../db/transact';
import { tableName } from '../db/client';
import { lessonCountForYear as countLessons, type PlannedLesson, type RegenerationPlan } from '../domain/lesson-dates';
import { getYear } from './year';
import { getClass } from './school';
import { listChanges, listSlots } from './timetable';
import { queryItems, stripKeys } from './curriculum';

type Item = Record<string, unknown>;

export interface StoredLesson extends PlannedLesson {
  schoolId: string;
  yearId: string;
  version: number;
  generatedAt: string;
}

export function lessonKeyOf(schoolId: string, l: Pick<PlannedLesson, 'classId' | 'periodId' | 'subjectId' | 'date' | 'lessonNo' | 'groupId'>) {
  return keys.lesson(schoolId, l.classId, l.periodId, l.subjectId, l.date, l.lessonNo, l.groupId);
}

export function lessonItem(schoolId: string, yearId: string, l: PlannedLesson, generatedAt: string): Item {
  return {
    ...lessonKeyOf(schoolId, l),
    ...keys.lessonOfClassDay(schoolId, l.classId, l.date, l.lessonNo, l.subjectId, l.groupId),
    type: 'lesson',
    schoolId,
    yearId,
    ...l,
    version: 1,
    generatedAt,
  };
}

/**
 * The writes of a regeneration plan (R-13): new lessons created, changed ones updated in place (so
 * the journal's topic, homework and fill state stay), and removed ones deleted unless they gained
 * journal data since they were read.
 */
export function regenerationOps(schoolId: string, yearId: string, plan: RegenerationPlan<Item>, generatedAt: string): TransactItem[] {
  return [
    ...plan.create.map((l) => putOp(lessonItem(schoolId, yearId, l, generatedAt), versionCondition(undefined))),
    ...plan.update.map((u) => updateLessonOp(schoolId, u.stored, u.lesson)),
    ...plan.remove.map((r) => deleteOp({ pk: String(r.pk), sk: String(r.sk) }, { ConditionExpression: 'attribute_not_exists(journalData)' })),
  ];
}

function updateLessonOp(schoolId: string, stored: Item, lesson: PlannedLesson): TransactItem {
  const set = ['teacherId = :t', '#s = :s', 'version = version + :one'];
  const remove: string[] = [];
  const values: Record<string, unknown> = { ':t': lesson.teacherId, ':s': lesson.status, ':one': 1 };
  for (const [field, placeholder] of [['room', ':r'], ['plannedTeacherId', ':p'], ['movedFrom', ':m']] as const) {
    const v = lesson[field];
    if (v !== undefined) {
      set.push(`${field} = ${placeholder}`);
      values[placeholder] = v;
    } else if (stored[field] !== undefined) remove.push(field);
  }
  return {
    Update: {
      TableName: tableName(),
      Key: lessonKeyOf(schoolId, lesson),
      UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: values,
    },
  };
}

/** The stored lessons of a class x period, with every attribute (the journal's are kept as they are). */
export async function listLessonItems(schoolId: string, classId: string, periodId: string, subjectId?: string): Promise<Item[]> {
  return queryItems({
    KeyConditionExpression: subjectId ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk',
    FilterExpression: '#t = :t',
    ExpressionAttributeNames: { '#t': 'type' },
    ExpressionAttributeValues: {
      ':pk': keys.journalPartition(schoolId, classId, periodId),
      ':t': 'lesson',
      ...(subjectId ? { ':p': keys.lessonsPrefix(subjectId) } : {}),
    },
  });
}

export async function listLessons(schoolId: string, classId: string, periodId: string, subjectId?: string): Promise<StoredLesson[]> {
  const items = await listLessonItems(schoolId, classId, periodId, subjectId);
  return items
    .map((i) => stripKeys<StoredLesson>(i))
    .sort((a, b) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo || a.subjectId.localeCompare(b.subjectId));
}

/**
 * How many lessons of a class-subject (or one group of it) the year has according to the timetable,
 * the periods, the holidays and the one-off changes: the number the KTP's hours are compared with
 * (R-14). Counted from the timetable, so it is right before any lesson has been generated.
 * Four requests: the year, the class, the class's slots, the class's changes.
 */
export async function lessonCountForYear(schoolId: string, yearId: string, classId: string, subjectId: string, groupId: string): Promise<number> {
  const [year, cls, slots] = await Promise.all([getYear(schoolId, yearId), getClass(schoolId, classId), listSlots(schoolId, yearId, classId)]);
  if (!year || !cls) return 0;
  const changes = await listChanges(schoolId, yearId, year.startDate, year.endDate, classId);
  return countLessons({ year, grade: cls.grade, classId, slots, changes, subjectId, groupId });
}

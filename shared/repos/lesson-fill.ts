/**
 * What one lesson of the journal already holds, for the teacher's day: how many marks and absences
 * are entered. Two small Queries of the lesson's sort-key ranges in its class x period partition,
 * projecting only what is counted; removed entries (kept with `deleted`, R-42) do not count.
 */
import { keys } from '../db/keys';
import { queryAll } from '../db/query';
import type { LessonRef } from '../domain/journal-model';

export interface LessonEntryCounts {
  marks: number;
  absent: number;
  late: number;
}

export async function countLessonEntries(schoolId: string, classId: string, periodId: string, subjectId: string, lesson: LessonRef): Promise<LessonEntryCounts> {
  const pk = keys.journalPartition(schoolId, classId, periodId);
  const live = (prefix: string) =>
    queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      ProjectionExpression: '#k, deleted',
      ExpressionAttributeNames: { '#k': 'kind' },
    }).then((items) => items.filter((i) => i.deleted !== true));
  const [marks, attendance] = await Promise.all([live(keys.lessonMarksPrefix(subjectId, lesson)), live(keys.lessonAttendancePrefix(subjectId, lesson))]);
  return { marks: marks.length, absent: attendance.filter((a) => a.kind === 'absent').length, late: attendance.filter((a) => a.kind === 'late').length };
}

/**
 * The journal of a class x period as the monitoring reads it: ONE Query of the partition's
 * `SUBJ#` range (plus its pages), as readClassJournal reads it, but projected to the attributes the
 * monitoring counts. A mark then travels as its lesson, student and work type (no value, weight,
 * author or request id): about a fifth of the item, and most of what a school-wide read carries.
 */
import { readClassJournal } from './period-marks';

/** Attribute names, some of them DynamoDB reserved words (date, status, type...), all through placeholders. */
const FIELDS = [
  'sk', 'type', 'deleted', 'subjectId',
  // lessons, marks and attendance
  'date', 'lessonNo', 'groupId', 'status', 'topic', 'homework', 'individualHomework', 'filledAt', 'teacherId', 'studentId', 'workType', 'kind',
  // rosters
  'students', 'groups', 'line',
] as const;

const PROJECTION = {
  ProjectionExpression: FIELDS.map((_, i) => `#m${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(FIELDS.map((f, i) => [`#m${i}`, f])),
};

export function readJournalForMonitoring(schoolId: string, classId: string, periodId: string) {
  return readClassJournal(schoolId, classId, periodId, PROJECTION);
}

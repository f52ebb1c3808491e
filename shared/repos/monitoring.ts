/**
 * The journal of a class x period as the monitoring reads it: ONE Query of the partition's
 * `SUBJ#` range (plus its pages), as readClassJournal reads it, but projected to the attributes the
 * monitoring counts. A mark then travels as its lesson, student and work type (about a fifth of the
 * item: no value, weight, author or request id), which is most of what a school-wide read carries.
 */
import { keys } from '../db/keys';
import { queryAll } from '../db/query';
import type { JournalAttendance, JournalLesson, JournalMark, SubjectRoster } from '../domain/journal-model';
import { JOURNAL_TYPES } from './journal';
import type { SubjectJournal } from './period-marks';

/** Attribute names, some of them DynamoDB reserved words (date, status, type...), all through placeholders. */
const FIELDS = [
  'sk', 'type', 'deleted',
  // lessons, marks and attendance
  'date', 'lessonNo', 'groupId', 'status', 'topic', 'homework', 'individualHomework', 'filledAt', 'teacherId', 'studentId', 'workType', 'kind',
  // rosters
  'students', 'groups', 'line',
] as const;

const PROJECTION = {
  ProjectionExpression: FIELDS.map((_, i) => `#m${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(FIELDS.map((f, i) => [`#m${i}`, f])),
};

export async function readJournalForMonitoring(schoolId: string, classId: string, periodId: string): Promise<{ subjects: Map<string, SubjectJournal>; pages: number }> {
  const pages = { count: 0 };
  const items = await queryAll(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.journalPartition(schoolId, classId, periodId), ':p': 'SUBJ#' },
      ...PROJECTION,
    },
    { pages },
  );
  const subjects = new Map<string, SubjectJournal>();
  const of = (subjectId: string) => {
    let s = subjects.get(subjectId);
    if (!s) subjects.set(subjectId, (s = { roster: null, lessons: [], marks: [], attendance: [] }));
    return s;
  };
  for (const { sk, type, ...i } of items) {
    // The subject is the second part of every sort key of the range: SUBJ#<subject>#...
    const subjectId = String(sk).split('#')[1]!;
    if (type === JOURNAL_TYPES.roster) of(subjectId).roster = { ...i, subjectId } as unknown as SubjectRoster;
    else if (type === JOURNAL_TYPES.lesson) of(subjectId).lessons.push({ ...i, subjectId, version: 0 } as unknown as JournalLesson);
    else if (type === JOURNAL_TYPES.mark && !i.deleted) of(subjectId).marks.push(i as unknown as JournalMark);
    else if (type === JOURNAL_TYPES.attendance && !i.deleted) of(subjectId).attendance.push(i as unknown as JournalAttendance);
  }
  return { subjects, pages: pages.count };
}

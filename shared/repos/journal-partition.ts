/**
 * The whole class x period partition in ONE Query (plus its pages), for the integrity check of
 * issue 11 (shared/services/journal-integrity.ts): the change log (`LOG#`), the period marks
 * (`FINAL#`) and every subject's lessons, marks and attendance (`SUBJ#`) come back together, so the
 * log and the cells it must explain are read at one moment. Tombstones are kept: a removed mark is
 * an empty cell the log must also say is empty.
 */
import { keys } from '../db/keys';
import { queryAll } from '../db/query';
import type { ChainHead, ChangeRecord } from '../domain/journal-log';
import type { JournalAttendance, JournalLesson, JournalMark, SubjectRoster } from '../domain/journal-model';
import { CHANGE_LOG_TYPES, changeRecordOf } from './change-log';
import { attendanceOf, JOURNAL_TYPES, lessonOf, markOf, rosterOf } from './journal';
import { FINAL_MARK_TYPE, finalMarkOf, subjectJournals, type ClassJournal, type StoredFinalMark } from './period-marks';

export interface JournalPartition {
  records: ChangeRecord[];
  heads: ChainHead[];
  lessons: Array<JournalLesson & { subjectId: string }>;
  marks: Array<JournalMark & { subjectId: string }>;
  attendance: Array<JournalAttendance & { subjectId: string }>;
  periodMarks: StoredFinalMark[];
  /** Each subject's roster (the period close counts the pupils without a period mark from it). */
  rosters: SubjectRoster[];
  pages: number;
}

/** The subject of an item of the `SUBJ#<subject>#...` range. */
const subjectOfKey = (sk: unknown) => String(sk).split('#')[1]!;

export async function readJournalPartition(schoolId: string, classId: string, periodId: string): Promise<JournalPartition> {
  const pages = { count: 0 };
  // Strongly consistent: a check that runs right after a change must see it (the period close).
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.journalPartition(schoolId, classId, periodId) }, ConsistentRead: true }, { pages });
  const out: JournalPartition = { records: [], heads: [], lessons: [], marks: [], attendance: [], periodMarks: [], rosters: [], pages: 0 };
  for (const i of items) {
    switch (i.type) {
      case CHANGE_LOG_TYPES.record:
        out.records.push(changeRecordOf(i));
        break;
      case CHANGE_LOG_TYPES.head:
        out.heads.push({ subjectId: String(i.subjectId), seq: Number(i.seq), hash: String(i.hash) });
        break;
      case JOURNAL_TYPES.lesson:
        out.lessons.push({ ...lessonOf(i), subjectId: subjectOfKey(i.sk) });
        break;
      case JOURNAL_TYPES.mark:
        out.marks.push({ ...markOf(i), subjectId: subjectOfKey(i.sk) });
        break;
      case JOURNAL_TYPES.attendance:
        out.attendance.push({ ...attendanceOf(i), subjectId: subjectOfKey(i.sk) });
        break;
      case FINAL_MARK_TYPE:
        out.periodMarks.push(finalMarkOf(i));
        break;
      case JOURNAL_TYPES.roster:
        out.rosters.push(rosterOf(i));
        break;
    }
  }
  out.pages = pages.count;
  return out;
}

/** The partition's SUBJ# items as `readClassJournal` answers them: each subject's roster, lessons, and live marks and attendance. */
export function classJournalOfPartition(part: JournalPartition): ClassJournal {
  const { subjects, of } = subjectJournals();
  for (const r of part.rosters) of(r.subjectId).roster = r;
  for (const l of part.lessons) of(l.subjectId).lessons.push(l);
  for (const { subjectId, ...m } of part.marks) if (!m.deleted) of(subjectId).marks.push(m);
  for (const { subjectId, ...a } of part.attendance) if (!a.deleted) of(subjectId).attendance.push(a);
  return { subjects, pages: 0 };
}

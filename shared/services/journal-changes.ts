/**
 * Reading the journal's change log: the records of a class x period (or of one subject in
 * it) with the verdict of the hash-chain check (shared/domain/journal-log.ts), told in words a
 * person reads (issue 8): the subject and the student by name, the lesson's date and number, what
 * changed («отметка 3 → 4, ответ на уроке»). Filters (subject, student, who changed, dates) and pages are
 * applied in memory: the chain check covers the whole class (or the chosen subject's chain), so a
 * student, person or date filter never hides a broken chain. One Query of the log, with the names in parallel (subjects, the class, its year,
 * the cards of the students the log names). Nothing in the API writes to the log except the
 * changes themselves, and nothing edits or deletes it.
 */
import { keys } from '../db/keys';
import { dateInZone } from '../domain/calendar';
import { describeChange } from '../domain/journal-log-text';
import { verifyChain, type ChainHead, type ChainVerdict, type ChangeRecord } from '../domain/journal-log';
import { parseLessonId } from '../domain/journal-model';
import { periodsForGrade } from '../domain/year';
import { readChangeLog } from '../repos/change-log';
import { listSubjects } from '../repos/curriculum';
import { className, getClass, getStudentCards } from '../repos/school';
import { getYear } from '../repos/year';

export const CHANGE_LOG_PAGE_SIZE = 50;

export interface ChangeLogFilter {
  subject?: string;
  student?: string;
  actor?: string;
  /** Dates in the school's zone, inclusive. */
  from?: string;
  to?: string;
  /** From 1. */
  page?: number;
}

/**
 * A record as stored (its hashed fields, `partition`, `prevHash` and `hash` included, so that anyone
 * can recompute the chain outside the product: README «Checking the change log outside the
 * product») plus the words of the screen, which are not hashed.
 */
export type ShownRecord = ChangeRecord & {
  subjectName: string;
  studentName?: string;
  /** The lesson of a mark, attendance or lesson record. */
  lesson?: { date: string; lessonNo: number };
  /** What changed, in Russian words. */
  description: string;
};

export interface Choice {
  id: string;
  name: string;
}

export interface ChangeLogView {
  /** «5А» and «2 четверть», for the screen's heading. */
  className: string;
  periodName: string;
  /** Newest first, one page of those the filter keeps. */
  records: ShownRecord[];
  verification: ChainVerdict;
  /** The last record of each subject's chain (of the chosen subject with a subject filter). */
  heads: ChainHead[];
  queryPages: number;
  /** How many records the filter keeps, over all pages. */
  total: number;
  page: number;
  pageSize: number;
  /** What the filters may choose from: everything the log names. */
  choices: { subjects: Choice[]; students: Choice[]; actors: Choice[] };
}

const byName = (a: Choice, b: Choice) => a.name.localeCompare(b.name, 'ru');

export async function changeLogOf(schoolId: string, classId: string, periodId: string, filter: ChangeLogFilter, timeZone: string): Promise<ChangeLogView> {
  // The whole class's log is read even for one subject: the subject filter chooses from its subjects.
  const [read, subjects, cls] = await Promise.all([readChangeLog(schoolId, classId, periodId), listSubjects(schoolId), getClass(schoolId, classId)]);
  const ofSubject = <T extends { subjectId: string }>(x: T) => !filter.subject || x.subjectId === filter.subject;
  const verification = verifyChain(keys.journalPartition(schoolId, classId, periodId), read.records.filter(ofSubject), read.heads.filter(ofSubject));
  const studentIds = [...new Set(read.records.flatMap((r) => (r.target.studentId ? [r.target.studentId] : [])))];
  const [cards, year] = await Promise.all([getStudentCards(studentIds.map((studentId) => ({ schoolId, studentId }))), cls ? getYear(schoolId, cls.yearId) : null]);
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  // A student who has left the school keeps their card: the name is still found.
  const studentName = new Map(cards.map((c) => [c.studentId, `${c.lastName} ${c.firstName}`]));
  const set = year && cls ? year.periodSets.find((s) => s.grades.includes(cls.grade)) : undefined;
  const periodOf = (id: string) => {
    const p = (year && cls ? periodsForGrade(year, cls.grade) : []).find((x) => x.periodId === id);
    return p && set ? { name: p.name, kind: set.kind } : undefined;
  };

  const shown = read.records.map((r): ShownRecord => {
    const lesson = r.entity === 'finalMark' || r.entity === 'period' ? null : parseLessonId(r.target.lessonId);
    const student = r.target.studentId ? studentName.get(r.target.studentId) : undefined;
    return {
      ...r,
      subjectName: subjectName.get(r.subjectId) ?? 'Предмет удалён из школы',
      ...(r.target.studentId ? { studentName: student ?? 'Обучающийся не найден' } : {}),
      ...(lesson ? { lesson: { date: lesson.date, lessonNo: lesson.lessonNo } } : {}),
      description: describeChange(r, { periodOf }),
    };
  });
  const choices = {
    subjects: [...new Map(shown.map((r) => [r.subjectId, { id: r.subjectId, name: r.subjectName }])).values()].sort(byName),
    students: [...new Map(shown.flatMap((r) => (r.target.studentId ? [[r.target.studentId, { id: r.target.studentId, name: r.studentName! }] as const] : []))).values()].sort(byName),
    actors: [...new Map(shown.map((r) => [r.actorId, { id: r.actorId, name: r.actorName }])).values()].sort(byName),
  };
  const day = (at: string) => dateInZone(new Date(at), timeZone);
  const kept = shown
    .filter(
      (r) =>
        ofSubject(r) &&
        (!filter.student || r.target.studentId === filter.student) &&
        (!filter.actor || r.actorId === filter.actor) &&
        (!filter.from || day(r.at) >= filter.from) &&
        (!filter.to || day(r.at) <= filter.to),
    )
    .sort((a, b) => b.at.localeCompare(a.at) || a.subjectId.localeCompare(b.subjectId) || b.seq - a.seq);
  const page = Math.max(1, Math.min(filter.page ?? 1, Math.ceil(kept.length / CHANGE_LOG_PAGE_SIZE) || 1));
  return {
    className: cls ? className(cls) : '',
    periodName: periodOf(periodId)?.name ?? '',
    records: kept.slice((page - 1) * CHANGE_LOG_PAGE_SIZE, page * CHANGE_LOG_PAGE_SIZE),
    verification,
    heads: read.heads.filter(ofSubject),
    queryPages: read.pages,
    total: kept.length,
    page,
    pageSize: CHANGE_LOG_PAGE_SIZE,
    choices,
  };
}

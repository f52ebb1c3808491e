/**
 * The journal of a class x period checked against its change log (issue 11, item 6): the log
 * replayed and compared with every current cell (shared/domain/journal-integrity.ts), beside the
 * hash-chain verdict of the log itself (shared/domain/journal-log.ts). The deputy's screen calls
 * it through the API; the period close (the archive issue) calls `checkJournalIntegrity` and stores
 * its answer with the period's documents.
 *
 * Reads: ONE Query of the whole partition (log, lessons, marks, attendance, period marks together,
 * strongly consistent), the school's subjects (one Query), the class and its year (GetItems), the
 * cards of the students the differences name (one BatchGetItem, only when there are differences)
 * and, for the grade's last period only, the class's year marks (one more Query: their records
 * are in this period's chains).
 */
import { keys } from '../db/keys';
import { ruDate } from '../domain/calendar';
import { cellTitle, checkAgainstLog, valueText, type IntegrityDifference } from '../domain/journal-integrity';
import { slotTitle } from '../domain/journal-log-text';
import { verifyChain, type ChainVerdict } from '../domain/journal-log';
import { lessonIdOf, parseLessonId } from '../domain/journal-model';
import { FINAL_MARK_TEXT, isFinalMarkCode } from '../domain/period-marks';
import { workTypeName } from '../domain/work-types';
import { periodsForGrade } from '../domain/year';
import { NotFoundError } from '../errors';
import { listSubjects } from '../repos/curriculum';
import { readJournalPartition, type JournalPartition } from '../repos/journal-partition';
import { readYearMarks } from '../repos/period-marks';
import { className, getClass, getStudentCards } from '../repos/school';
import { getYear } from '../repos/year';

export interface ShownDifference extends IntegrityDifference {
  subjectName: string;
  studentName?: string;
  /** The lesson of a mark, attendance or lesson cell. */
  lesson?: { date: string; lessonNo: number };
  /** «Математика, 27.11.2026, 1-й урок, Иванов Иван: текущая отметка (ответ на уроке)». */
  cellText: string;
  byLogText: string;
  inTableText: string;
}

export interface IntegrityReport {
  schoolId: string;
  classId: string;
  periodId: string;
  className: string;
  periodName: string;
  checkedAt: string;
  /** The chain is whole and every cell holds what its log says. */
  ok: boolean;
  /** Change-log records replayed, cells compared. */
  records: number;
  cells: number;
  /** Whether the year, exam and final marks were compared too (the grade's last period). */
  yearMarksChecked: boolean;
  chain: ChainVerdict;
  differences: ShownDifference[];
  /** DynamoDB pages of the partition's Query. */
  queryPages: number;
}

const YEAR_SLOTS = new Set(['year', 'exam', 'final']);

/**
 * Replays the log of a class x period and compares it with the journal; 404 for a class or period
 * that does not exist. The period close passes the partition it has just read (strongly consistent,
 * after its lock), so the check costs it no second read.
 */
export async function checkJournalIntegrity(schoolId: string, classId: string, periodId: string, now: Date, read?: JournalPartition): Promise<IntegrityReport> {
  const [cls, part, subjects] = await Promise.all([getClass(schoolId, classId), read ?? readJournalPartition(schoolId, classId, periodId), listSubjects(schoolId)]);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const year = await getYear(schoolId, cls.yearId);
  const set = year?.periodSets.find((s) => s.grades.includes(cls.grade));
  const periods = year ? periodsForGrade(year, cls.grade) : [];
  const period = periods.find((p) => p.periodId === periodId);
  if (!period) throw new NotFoundError('Учебный период не найден в учебном году класса.');
  const lastPeriod = periods.at(-1)?.periodId === periodId;
  const yearMarks = lastPeriod ? (await readYearMarks(schoolId, classId, cls.yearId)).marks : [];

  const verdict = checkAgainstLog(
    part.records,
    {
      marks: part.marks.map((m) => ({ ...m, lessonId: lessonIdOf(m) })),
      attendance: part.attendance.map((a) => ({ ...a, lessonId: lessonIdOf(a) })),
      lessons: part.lessons.map((l) => ({ ...l, lessonId: lessonIdOf(l) })),
      finalMarks: [...part.periodMarks, ...yearMarks].map((f) => ({ ...f, slot: f.kind === 'period' ? (f.periodId ?? periodId) : f.kind })),
    },
    (slot) => slot === periodId || (lastPeriod && YEAR_SLOTS.has(slot)),
  );
  const chain = verifyChain(keys.journalPartition(schoolId, classId, periodId), part.records, part.heads);

  const studentIds = [...new Set(verdict.differences.flatMap((d) => (d.studentId ? [d.studentId] : [])))];
  const cards = studentIds.length ? await getStudentCards(studentIds.map((studentId) => ({ schoolId, studentId }))) : [];
  const studentName = new Map(cards.map((c) => [c.studentId, `${c.lastName} ${c.firstName}`]));
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const periodOf = (id: string) => {
    const p = periods.find((x) => x.periodId === id);
    return p && set ? { name: p.name, kind: set.kind } : undefined;
  };
  const names = {
    workType: workTypeName,
    finalTitle: (slot: string) => slotTitle(slot, { periodOf }),
    finalMark: (code: string) => (isFinalMarkCode(code) ? FINAL_MARK_TEXT[code] : code),
  };

  const differences = verdict.differences.map((d): ShownDifference => {
    const lesson = d.kind === 'finalMark' ? null : parseLessonId(d.lessonId);
    const subject = subjectName.get(d.subjectId) ?? 'Предмет удалён из школы';
    const student = d.studentId ? (studentName.get(d.studentId) ?? 'Обучающийся не найден') : undefined;
    const place = [subject, ...(lesson ? [`${ruDate(lesson.date)}, ${lesson.lessonNo}-й урок`] : []), ...(student ? [student] : [])].join(', ');
    return {
      ...d,
      subjectName: subject,
      ...(student ? { studentName: student } : {}),
      ...(lesson ? { lesson: { date: lesson.date, lessonNo: lesson.lessonNo } } : {}),
      cellText: `${place}: ${cellTitle(d, names)}`,
      byLogText: valueText(d.kind, d.byLog, names, d.field),
      inTableText: valueText(d.kind, d.inTable, names, d.field),
    };
  });
  return {
    schoolId,
    classId,
    periodId,
    className: className(cls),
    periodName: period.name,
    checkedAt: now.toISOString(),
    ok: chain.ok && verdict.ok,
    records: verdict.records,
    cells: verdict.cells,
    yearMarksChecked: lastPeriod,
    chain,
    differences,
    queryPages: part.pages,
  };
}

/**
 * One subject of a student for a period, for the family (issue 12, item 1 «по предмету за период»;
 * clause 6.1, R-31): every mark with its work type and weight, the weighted average with its
 * explanation, the implied mark, the period and year marks with their reasons, the early warnings
 * in plain words, and the rules the what-if counts by, with each lesson's topic and homework.
 *
 * The budget's two data reads: the subject's slice of the class x period partition (ONE Query, the
 * teacher's journal page's own: roster, lessons, marks, attendance) and the student's period and
 * year marks by key (ONE BatchGetItem). Around them the context: the school's items, the card with
 * its movements, the class, and the year, curriculum line and subject by key. Nothing is written:
 * a subject whose roster was never built is judged as if the student were in every lesson.
 */
import { dateInZone } from '../domain/calendar';
import { ownIndividualHomework } from '../domain/diary';
import { studentLessonsOf, studentWarnings } from '../domain/early-warning';
import { countedMarksOf, justificationSummary, justifyPeriod, roundingRule } from '../domain/mark-justification';
import { periodsForGrade, type Period } from '../domain/year';
import { workTypeName } from '../domain/work-types';
import { NotFoundError } from '../errors';
import { readJournalSlice } from '../repos/journal';
import { readStudentSubjectContext, readStudentFinalMarks } from '../repos/diary';
import { className, getClass } from '../repos/school';
import { currentPeriod } from './journal-mine';
import { periodView } from './early-warnings';
import { markingContextOf, rulesOfPeriod, finalMarkView, systemMarkView, subjectMarking } from './period-marks';
import { loadStudentContext } from './diary-week';

/** The student's classes, newest first: the current one and those the movement history names. */
export function classIdsOf(intervals: ReadonlyArray<{ classId: string }>, current: string): string[] {
  return [...new Set([current, ...[...intervals].reverse().map((i) => i.classId)])];
}

export async function diarySubject(
  departmentId: string,
  schoolId: string,
  studentId: string,
  subjectId: string,
  asked: { period?: string | undefined; classId?: string | undefined },
  now: Date,
  pages?: { count: number },
) {
  const ctx = await loadStudentContext(departmentId, schoolId, studentId, now);
  const classId = asked.classId ?? ctx.card.classId;
  // Only a class the student was in: another class's journal is never read for a family.
  if (!classIdsOf(ctx.intervals, ctx.card.classId).includes(classId)) throw new NotFoundError('Класс обучающегося не найден.');
  const cls = await getClass(schoolId, classId);
  if (!cls) throw new NotFoundError('Класс обучающегося не найден.');
  const { year, line, subject, department, school } = await readStudentSubjectContext(departmentId, schoolId, cls.yearId, classId, subjectId);
  if (!year || !line || !subject) throw new NotFoundError('Предмета нет в учебном плане класса.');
  const periods = periodsForGrade(year, cls.grade);
  const period: Period | undefined = asked.period ? periods.find((p) => p.periodId === asked.period) : (currentPeriod(periods, ctx.today) ?? periods[periods.length - 1]);
  if (!period) throw new NotFoundError('Нет такого периода у класса.');
  const marking = markingContextOf(department, school, now);
  const [slice, finals] = await Promise.all([
    readJournalSlice({ schoolId, classId, periodId: period.periodId, subjectId }),
    readStudentFinalMarks({ schoolId, classId, yearId: cls.yearId, periodId: period.periodId, subjectId, studentId }),
  ]);
  if (pages) pages.count += slice.pages + 1;
  const rules = rulesOfPeriod(marking, period);
  const j = justifyPeriod(countedMarksOf(slice.marks, studentId, period), rules, line.hoursPerWeek);
  const rosterStudent = slice.roster?.students.find((s) => s.studentId === studentId) ?? { studentId };
  const groups = slice.roster?.groups ?? slice.subgroups?.groups ?? [];
  const own = slice.subgroups?.groups.find((g) => g.studentIds.includes(studentId));
  const student = { ...rosterStudent, ...(own && !('groupId' in rosterStudent && rosterStudent.groupId) ? { groupId: own.groupId } : {}) };
  const w = studentWarnings(
    { studentId, subjectId, justification: j, lessons: studentLessonsOf(slice.lessons, slice.attendance, student, groups) },
    { period, now, timeZone: marking.journal.timeZone },
  );
  const periodMark = finals.period ? finalMarkView(finals.period) : null;
  const yearMark = finals.year ? finalMarkView(finals.year) : null;
  const passFail = subjectMarking(line).passFail;
  return {
    studentId,
    classId,
    className: className(cls),
    subjectId,
    subjectName: subject.name,
    passFail,
    today: dateInZone(now, marking.journal.timeZone),
    period: periodView(period),
    periods: periods.map(periodView),
    rule: roundingRule(rules.thresholds),
    rules,
    mark: periodMark ?? systemMarkView(cls.grade, 'period', subjectId, studentId, period.periodId),
    yearMark: yearMark ?? systemMarkView(cls.grade, 'year', subjectId, studentId),
    justification: { ...j, summary: justificationSummary(j) },
    warnings: w.warnings,
    daysLeft: w.daysLeft,
    lessonsLeft: w.lessonsLeft,
    // Each lesson of the student's group with its topic and homework, the student's marks and absence on it.
    lessons: slice.lessons
      .filter((l) => l.status !== 'cancelled' && (groups.length === 0 || !groups.some((g) => g.groupId === l.groupId) || l.groupId === student.groupId || student.groupId === undefined))
      .sort((a, b) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo)
      .map((l) => ({
        date: l.date,
        lessonNo: l.lessonNo,
        ...(l.topic ? { topic: l.topic } : {}),
        ...(l.homework ? { homework: l.homework } : {}),
        individualHomework: ownIndividualHomework(l.individualHomework, studentId),
        marks: slice.marks
          .filter((m) => m.studentId === studentId && m.date === l.date && m.lessonNo === l.lessonNo && m.groupId === l.groupId)
          .map((m) => ({ workType: m.workType, workTypeName: workTypeName(m.workType), value: m.value, weight: m.weight })),
        absent: slice.attendance.some((a) => a.studentId === studentId && a.date === l.date && a.lessonNo === l.lessonNo && a.groupId === l.groupId && a.kind === 'absent'),
      })),
  };
}

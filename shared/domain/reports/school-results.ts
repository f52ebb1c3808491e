/**
 * The deputy's results reports (issue 13, item 2; clause 5). Pure; the figures are the class
 * results' own (./summary-sheet.ts: `codesResult` for a list of marks, `summarySheet` for a class
 * as a whole), so a class's line here equals its class results:
 * - the school's results for a period by class, by subject, by teacher and class x subject:
 *   success, quality and average, and their change from the previous period of the same classes;
 * - the final data of a class («итоговые данные»): every student's period marks, year marks and,
 *   in the graduation grades, exam and final marks, per subject.
 */
import { FINAL_MARK_TEXT, numericMark, type FinalMarkCode } from '../period-marks';
import { averageText, codesResult, FAILING, mean, summarySheet, type SheetMark, type SheetSubject, type SubjectResult } from './summary-sheet';

export const SCHOOL_RESULTS_TITLE = 'Итоги успеваемости школы за период';
export const FINAL_DATA_TITLE = 'Итоговые данные по обучающимся';

/** The three figures a results line compares. */
export interface Figures {
  success: number | null;
  quality: number | null;
  average: number | null;
}

/** Now, before (the previous period; null for the first) and the change (null where either side has none). */
export interface Compared {
  now: Figures & { assessed: number };
  before: (Figures & { assessed: number }) | null;
  change: Figures;
}

const diff = (a: number | null, b: number | null | undefined) => (a === null || b === null || b === undefined ? null : Math.round((a - b) * 100) / 100);

function compared(now: Figures & { assessed: number }, before: (Figures & { assessed: number }) | null): Compared {
  return { now, before, change: { success: diff(now.success, before?.success), quality: diff(now.quality, before?.quality), average: diff(now.average, before?.average) } };
}

const figuresOf = (r: SubjectResult) => ({ assessed: r.assessed, success: r.success, quality: r.quality, average: r.average });

/** One class x subject of the curriculum: who teaches it (whole class, or each subgroup's students). */
export interface ResultLine {
  subjectId: string;
  passFail: boolean;
  teacherId?: string;
  /** A split subject: each group's teacher and students (the period's subgroups; empty when none were formed). */
  groups?: Array<{ teacherId: string; studentIds: readonly string[] }>;
}

export interface ClassPeriodMarks {
  classId: string;
  className: string;
  lines: readonly ResultLine[];
  now: readonly SheetMark[];
  /** The previous period's marks; null when the period is the class's first. */
  before: readonly SheetMark[] | null;
}

export interface SchoolResults {
  byClass: Array<{ classId: string; className: string; students: number } & Compared>;
  bySubject: Array<{ subjectId: string; name: string } & Compared>;
  byTeacher: Array<{ teacherId: string; name: string; classes: string[] } & Compared>;
  rows: Array<{ classId: string; className: string; subjectId: string; subjectName: string; teachers: string; counts: SubjectResult } & Compared>;
  school: { students: number } & Compared;
}

/** The marks of a subject in a class, by student. */
function codesOf(marks: readonly SheetMark[], subjectId: string, studentIds?: readonly string[]): FinalMarkCode[] {
  const wanted = studentIds ? new Set(studentIds) : null;
  return marks.filter((m) => m.subjectId === subjectId && (!wanted || wanted.has(m.studentId))).map((m) => m.code);
}

/** A class (or the school) as a whole, as the class results' totals count it: the students with any mark. */
function wholeOf(lines: readonly ResultLine[], marks: readonly SheetMark[]) {
  const students = [...new Set(marks.map((m) => m.studentId))].map((studentId) => ({ studentId, name: studentId }));
  const subjects: SheetSubject[] = [...new Map(lines.map((l) => [l.subjectId, { subjectId: l.subjectId, name: l.subjectId, shortName: l.subjectId, passFail: l.passFail }])).values()];
  const t = summarySheet({ students, subjects, periodMarks: marks }).totals;
  return { students: t.students, figures: { assessed: t.students, success: t.success, quality: t.quality, average: t.average } };
}

/** Marks gathered over several class x subject lines: all of them (success), and those of graded lines (quality and average). */
interface Pool {
  all: FinalMarkCode[];
  graded: FinalMarkCode[];
}

const pool = (): Pool => ({ all: [], graded: [] });

function into(p: Pool, codes: readonly FinalMarkCode[], passFail: boolean): void {
  p.all.push(...codes);
  if (!passFail) p.graded.push(...codes);
}

/** A pool's figures: success over every mark, quality and average over the «2»-«5» subjects only (a «зач» is neither). */
function poolFigures(p: Pool) {
  const all = codesResult('', p.all, true);
  const graded = codesResult('', p.graded, false);
  return { assessed: all.assessed, success: all.success, quality: graded.quality, average: graded.average };
}

interface Gathered {
  now: Pool;
  before: Pool | null;
}

const gathered = (m: Map<string, Gathered & { classes?: Set<string> }>, id: string) => m.get(id) ?? m.set(id, { now: pool(), before: null, classes: new Set() }).get(id)!;

export function schoolResults(input: { classes: readonly ClassPeriodMarks[]; subjectName: (id: string) => string; teacherName: (id: string) => string }): SchoolResults {
  const { classes, subjectName, teacherName } = input;
  const rows: SchoolResults['rows'] = [];
  const bySubject = new Map<string, Gathered>();
  const byTeacher = new Map<string, Gathered & { classes?: Set<string> }>();
  const add = (g: Gathered, marks: { now: readonly FinalMarkCode[]; before: readonly FinalMarkCode[] | null }, passFail: boolean) => {
    into(g.now, marks.now, passFail);
    if (marks.before) into((g.before ??= pool()), marks.before, passFail);
  };
  for (const c of classes) {
    for (const line of c.lines) {
      const now = codesOf(c.now, line.subjectId);
      const before = c.before ? codesOf(c.before, line.subjectId) : null;
      const counts = codesResult(line.subjectId, now, line.passFail);
      const teachers = line.groups ? line.groups.map((g) => ({ teacherId: g.teacherId, studentIds: g.studentIds })) : line.teacherId ? [{ teacherId: line.teacherId, studentIds: undefined }] : [];
      rows.push({
        classId: c.classId,
        className: c.className,
        subjectId: line.subjectId,
        subjectName: subjectName(line.subjectId),
        teachers: [...new Set(teachers.map((t) => teacherName(t.teacherId)))].join(', '),
        counts,
        ...compared(figuresOf(counts), before ? figuresOf(codesResult(line.subjectId, before, line.passFail)) : null),
      });
      add(gathered(bySubject, line.subjectId), { now, before }, line.passFail);
      for (const t of teachers) {
        const g = gathered(byTeacher, t.teacherId);
        g.classes!.add(c.className);
        add(g, { now: codesOf(c.now, line.subjectId, t.studentIds), before: c.before ? codesOf(c.before, line.subjectId, t.studentIds) : null }, line.passFail);
      }
    }
  }
  const aggregate = (g: Gathered) => compared(poolFigures(g.now), g.before ? poolFigures(g.before) : null);
  const whole = (lines: readonly ResultLine[], now: readonly SheetMark[], before: readonly SheetMark[] | null) => {
    const n = wholeOf(lines, now);
    return { students: n.students, ...compared(n.figures, before ? wholeOf(lines, before).figures : null) };
  };
  const allBefore = classes.every((c) => c.before === null) ? null : classes.flatMap((c) => c.before ?? []);
  return {
    byClass: classes.map((c) => ({ classId: c.classId, className: c.className, ...whole(c.lines, c.now, c.before) })),
    bySubject: [...bySubject].map(([subjectId, g]) => ({ subjectId, name: subjectName(subjectId), ...aggregate(g) })).sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    byTeacher: [...byTeacher]
      .map(([teacherId, g]) => ({ teacherId, name: teacherName(teacherId), classes: [...g.classes!], ...aggregate(g) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    rows,
    school: whole(classes.flatMap((c) => c.lines), classes.flatMap((c) => c.now), allBefore),
  };
}

// --- final data of a class ----------------------------------------------------------------------

export interface FinalDataRow {
  studentId: string;
  no: number;
  name: string;
  /** Per subject, the marks in the order of `columns`: «5», «н/а», «зач» or null. */
  subjects: Array<{ subjectId: string; marks: Array<string | null> }>;
  /** The mean of the numeric year marks, 2 decimals. */
  yearAverage: number | null;
  /** Subjects with «2», «н/а» or «незач» for the year. */
  yearFailing: number;
}

export interface FinalData {
  /** Column titles: the periods' names, «Год», and in the graduation grades «Экз.» and «Итог». */
  columns: string[];
  rows: FinalDataRow[];
}

export function finalData(input: {
  students: ReadonlyArray<{ studentId: string; name: string }>;
  subjects: ReadonlyArray<{ subjectId: string }>;
  periods: ReadonlyArray<{ name: string; marks: readonly SheetMark[] }>;
  year: readonly SheetMark[];
  /** Given in the graduation grades: the exam and final marks. */
  exams?: { exam: readonly SheetMark[]; final: readonly SheetMark[] };
}): FinalData {
  const index = (marks: readonly SheetMark[]) => new Map(marks.map((m) => [`${m.subjectId}|${m.studentId}`, m.code]));
  const lists = [...input.periods.map((p) => index(p.marks)), index(input.year), ...(input.exams ? [index(input.exams.exam), index(input.exams.final)] : [])];
  const yearAt = input.periods.length;
  const rows = input.students.map((st, i): FinalDataRow => {
    const codes = input.subjects.map((s) => lists.map((l) => l.get(`${s.subjectId}|${st.studentId}`)));
    const yearCodes = codes.map((c) => c[yearAt]);
    const numeric = yearCodes.flatMap((c) => numericMark(c) ?? []);
    return {
      studentId: st.studentId,
      no: i + 1,
      name: st.name,
      subjects: input.subjects.map((s, j) => ({ subjectId: s.subjectId, marks: codes[j]!.map((c) => (c ? FINAL_MARK_TEXT[c] : null)) })),
      yearAverage: mean(numeric),
      yearFailing: yearCodes.filter((c) => c && FAILING.has(c)).length,
    };
  });
  return { columns: [...input.periods.map((p) => p.name), 'Год', ...(input.exams ? ['Экз.', 'Итог'] : [])], rows };
}

const signed = (n: number, text: string) => (n > 0 ? `+${text}` : n < 0 ? `−${text}` : text);

/** A change as printed: «+5» (percentage points), «−0,25» (an average), «—» where there is nothing to compare. */
export function changeText(n: number | null, of: 'percent' | 'average'): string {
  if (n === null) return '—';
  return signed(n, of === 'percent' ? String(Math.abs(n)) : averageText(Math.abs(n)));
}

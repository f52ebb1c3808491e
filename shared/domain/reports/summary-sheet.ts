/**
 * The class teacher's summary sheet of marks («сводная ведомость учёта успеваемости», clause 5)
 * and the class results for a period (issue 13, item 1). Pure: the caller passes the class list,
 * the curriculum's subjects and the stored period (and year) marks; the screen, the PDF and the
 * XLSX all print what these functions return, so the three can never disagree.
 *
 * How Russian schools count (stated on the screen too, `RESULTS_NOTE`):
 * - успеваемость (success) = the share of the students assessed in a subject who have neither «2»
 *   nor «н/а»;
 * - качество (quality) = the share of the students assessed who have «4» or «5».
 * «Assessed» are the students with a period mark in that subject («н/а» included: not being
 * assessed is a failure of the period, clause 3.9). A student with no mark yet counts nowhere and
 * is shown as «без отметки», so a sheet printed before the marks are all in is not misread.
 * A «зачёт/незачёт» subject has a success share («незач» fails) but no quality and no average.
 */
import { ruNumberFormat } from '../calendar';
import { FINAL_MARK_TEXT, numericMark, type FinalMarkCode } from '../period-marks';

export const SUMMARY_TITLE = 'Сводная ведомость учёта успеваемости';
export const RESULTS_TITLE = 'Итоги успеваемости класса за период';

export const RESULTS_NOTE =
  'Успеваемость — доля аттестованных без «2» и «н/а»; качество — доля аттестованных только с «4» и «5». Аттестованы — обучающиеся с отметкой за период по предмету («н/а» тоже); без отметки — не учитываются.';

export interface SheetSubject {
  subjectId: string;
  name: string;
  shortName: string;
  passFail: boolean;
}

export interface SheetStudent {
  studentId: string;
  name: string;
}

export interface SheetMark {
  subjectId: string;
  studentId: string;
  code: FinalMarkCode;
}

/** One cell: the period mark and, when the period ends the year, the year mark. */
export interface SheetCell {
  period: string | null;
  year?: string | null;
}

export interface SheetRow {
  studentId: string;
  no: number;
  name: string;
  cells: SheetCell[];
  /** The mean of the student's numeric period marks, 2 decimals; null without any. */
  average: number | null;
  /** Subjects with «2», «н/а» or «незач» for the period. */
  failing: number;
}

export interface SubjectResult {
  subjectId: string;
  assessed: number;
  unmarked: number;
  five: number;
  four: number;
  three: number;
  two: number;
  notAssessed: number;
  /** Percent, whole; null when nobody is assessed. */
  success: number | null;
  /** Percent, whole; null for a pass/fail subject or when nobody is assessed. */
  quality: number | null;
  average: number | null;
}

/** The class as a whole: students by their worst period mark across subjects. */
export interface ClassTotals {
  students: number;
  /** Only «5» in every subject with a mark. */
  excellent: number;
  /** Only «4» and «5», at least one «4». */
  good: number;
  /** Exactly one «3», the rest «4» and «5». */
  oneThree: number;
  withTwo: number;
  withNotAssessed: number;
  success: number | null;
  quality: number | null;
  average: number | null;
}

export interface SummarySheet {
  withYear: boolean;
  rows: SheetRow[];
  results: SubjectResult[];
  totals: ClassTotals;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const percentOf = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 100) / whole));
/** The mean to 2 decimals, null of nothing: every average of the reports. */
export const mean = (xs: readonly number[]) => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/** The marks that fail a period or year: «2», «н/а», «незач». */
export const FAILING: ReadonlySet<FinalMarkCode> = new Set(['2', 'na', 'fail']);

function index(marks: readonly SheetMark[]): Map<string, FinalMarkCode> {
  return new Map(marks.map((m) => [`${m.subjectId}|${m.studentId}`, m.code]));
}

/** What a cell prints: «5», «н/а», «зач». */
const textOf = (code: FinalMarkCode | undefined) => (code ? FINAL_MARK_TEXT[code] : null);

export function summarySheet(input: {
  students: readonly SheetStudent[];
  subjects: readonly SheetSubject[];
  periodMarks: readonly SheetMark[];
  /** Given when the period ends the year: the year marks beside the period's. */
  yearMarks?: readonly SheetMark[];
}): SummarySheet {
  const period = index(input.periodMarks);
  const year = input.yearMarks ? index(input.yearMarks) : null;
  const rows = input.students.map((st, i): SheetRow => {
    const codes = input.subjects.map((s) => period.get(`${s.subjectId}|${st.studentId}`));
    const numeric = codes.flatMap((c) => numericMark(c) ?? []);
    return {
      studentId: st.studentId,
      no: i + 1,
      name: st.name,
      cells: input.subjects.map((s, j) => ({
        period: textOf(codes[j]),
        ...(year ? { year: textOf(year.get(`${s.subjectId}|${st.studentId}`)) } : {}),
      })),
      average: mean(numeric),
      failing: codes.filter((c) => c && FAILING.has(c)).length,
    };
  });
  return { withYear: year !== null, rows, results: input.subjects.map((s) => subjectResult(s, input.students, period)), totals: classTotals(input.students, input.subjects, period) };
}

function subjectResult(s: SheetSubject, students: readonly SheetStudent[], period: Map<string, FinalMarkCode>): SubjectResult {
  return codesResult(s.subjectId, students.map((st) => period.get(`${s.subjectId}|${st.studentId}`)), s.passFail);
}

/**
 * The results of a list of period marks (one per student; undefined = no mark yet): the counts,
 * success, quality and average as the class results count them. The school's results by class,
 * subject and teacher (./school-results.ts) count their own lists of marks with it.
 */
export function codesResult(subjectId: string, codes: ReadonlyArray<FinalMarkCode | undefined>, passFail: boolean): SubjectResult {
  const count = (...wanted: FinalMarkCode[]) => codes.filter((c) => c && wanted.includes(c)).length;
  // Grade 1's «н/оц» is no assessment at all: such a subject has no results.
  const assessed = codes.filter((c) => c && c !== 'notGraded' && c !== 'mastered').length;
  const failing = count('2', 'na', 'fail');
  const numeric = codes.flatMap((c) => numericMark(c) ?? []);
  return {
    subjectId,
    assessed,
    unmarked: codes.filter((c) => !c).length,
    five: count('5'),
    four: count('4'),
    three: count('3'),
    two: count('2'),
    notAssessed: count('na'),
    success: percentOf(assessed - failing, assessed),
    quality: passFail ? null : percentOf(count('4', '5'), assessed),
    average: passFail ? null : mean(numeric),
  };
}

function classTotals(students: readonly SheetStudent[], subjects: readonly SheetSubject[], period: Map<string, FinalMarkCode>): ClassTotals {
  let excellent = 0, good = 0, oneThree = 0, withTwo = 0, withNotAssessed = 0, assessed = 0, succeeding = 0, quality = 0;
  const all: number[] = [];
  for (const st of students) {
    const codes: FinalMarkCode[] = subjects.flatMap((s) => period.get(`${s.subjectId}|${st.studentId}`) ?? []).filter((c) => c !== 'notGraded' && c !== 'mastered');
    if (codes.length === 0) continue;
    assessed++;
    const numeric = codes.flatMap((c) => numericMark(c) ?? []);
    all.push(...numeric);
    const has = (c: FinalMarkCode) => codes.includes(c);
    const threes = codes.filter((c) => c === '3').length;
    const fails = has('2') || has('na') || has('fail');
    if (has('2')) withTwo++;
    if (has('na')) withNotAssessed++;
    if (!fails) succeeding++;
    if (!fails && threes === 0) {
      quality++;
      if (numeric.every((n) => n === 5)) excellent++;
      else good++;
    }
    if (!fails && threes === 1) oneThree++;
  }
  return {
    students: students.length,
    excellent,
    good,
    oneThree,
    withTwo,
    withNotAssessed,
    success: percentOf(succeeding, assessed),
    quality: percentOf(quality, assessed),
    average: mean(all),
  };
}

const decimal = ruNumberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** «4,67», «—»: how every rendering prints an average. */
export function averageText(n: number | null): string {
  return n === null ? '—' : decimal.format(n);
}

/** «93 %», «—». */
export function percentText(n: number | null): string {
  return n === null ? '—' : `${n} %`;
}

/** A cell as printed: «4», «4 / 5» (period / year), or empty. */
export function cellText(c: SheetCell): string {
  if (c.year === undefined) return c.period ?? '';
  if (!c.period && !c.year) return '';
  return `${c.period ?? '—'} / ${c.year ?? '—'}`;
}

/**
 * The yearly journal as a paper class journal prints it (R-64, clause 8.5): what each page holds,
 * worked out from the journal's records as plain strings. Pure: no pdfmake here; the document
 * (./yearly-journal.ts) lays these out, and the unit tests read them directly.
 *
 * Per subject and period (and per subgroup of a split subject): the grid of pupils x lessons with
 * marks and attendance codes and the period mark at the right, cut into pages of at most
 * `GRID_COLUMNS` lessons; the list of lessons with their topics and homework; per subject, the
 * period, year, exam and final marks of every pupil.
 */
import { ruDate } from '../domain/calendar';
import { attendanceCode } from '../domain/journal-marks';
import { inLessonGroup, onRosterOn, type JournalAttendance, type JournalLesson, type JournalMark, type RosterGroup, type RosterStudent, type SubjectRoster } from '../domain/journal-model';
import { FINAL_MARK_TEXT, type FinalMarkCode, type FinalMarkKind } from '../domain/period-marks';

/** Lessons per grid page: 30 columns of 17 pt fit A4 landscape beside the names and the period mark. */
export const GRID_COLUMNS = 30;

export interface JournalPeriod {
  periodId: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface JournalPupil {
  studentId: string;
  name: string;
}

/** A final mark as the journal prints it: the period's, or the year's, exam's or final one. */
export interface PrintedFinalMark {
  kind: FinalMarkKind;
  periodId?: string;
  subjectId: string;
  studentId: string;
  code: FinalMarkCode;
}

/** One subject in one period: what its partition holds (live marks and attendance only). */
export interface SubjectPeriodRecords {
  subjectId: string;
  period: JournalPeriod;
  roster: SubjectRoster | null;
  lessons: JournalLesson[];
  marks: JournalMark[];
  attendance: JournalAttendance[];
  periodMarks: PrintedFinalMark[];
}

export interface GridPage {
  /** «2 четверть», with the subgroup's name for a split subject, and «(продолжение)» past the first page. */
  title: string;
  /** Lesson dates, ДД.ММ. */
  dates: string[];
  rows: Array<{ no: number; name: string; cells: string[]; periodMark: string }>;
  /** Whether this page carries the period mark column (the last page of the period). */
  withPeriodMark: boolean;
}

export interface LessonLine {
  no: number;
  date: string;
  topic: string;
  homework: string;
}

const byDateAndNo = (a: Pick<JournalLesson, 'date' | 'lessonNo'>, b: Pick<JournalLesson, 'date' | 'lessonNo'>) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo;
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'ru');
const cellKey = (date: string, lessonNo: number, groupId: string, studentId: string) => `${date}|${lessonNo}|${groupId}|${studentId}`;
const dayMonth = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}`;

/** The mark code as printed: «5», «н/а», «зач». */
export const finalMarkText = (code: FinalMarkCode | undefined) => (code ? FINAL_MARK_TEXT[code] : '');

/** The lessons that took place (a cancelled one takes no records), in date and lesson order. */
export function heldLessons(lessons: readonly JournalLesson[]): JournalLesson[] {
  return lessons.filter((l) => l.status !== 'cancelled').sort(byDateAndNo);
}

/** What a pupil's cell of a lesson shows: the attendance code, then the marks («н», «5/4», «оп 4»). */
export function cellTexts(marks: readonly JournalMark[], attendance: readonly JournalAttendance[]): Map<string, string> {
  const parts = new Map<string, { att?: string; marks: number[] }>();
  const at = (k: string) => parts.get(k) ?? parts.set(k, { marks: [] }).get(k)!;
  for (const a of attendance) at(cellKey(a.date, a.lessonNo, a.groupId, a.studentId)).att = attendanceCode(a);
  // Several marks in a lesson: in the order they were set, as the teacher saw them appear.
  for (const m of [...marks].sort((x, y) => x.setAt.localeCompare(y.setAt))) at(cellKey(m.date, m.lessonNo, m.groupId, m.studentId)).marks.push(m.value);
  return new Map([...parts].map(([k, v]) => [k, [v.att, v.marks.join('/')].filter(Boolean).join(' ')]));
}

/** The subgroups a subject's grid is printed for: one page set per group of a split subject, else one. */
function groupsOf(roster: SubjectRoster | null): Array<RosterGroup | null> {
  return roster && roster.groups.length > 0 ? roster.groups : [null];
}

function pupilsOf(r: SubjectPeriodRecords, group: RosterGroup | null, classPupils: readonly JournalPupil[]): RosterStudent[] {
  const students: RosterStudent[] = r.roster?.students ?? classPupils.map((p) => ({ studentId: p.studentId, name: p.name }));
  const groups = r.roster?.groups ?? [];
  return students.filter((s) => !group || inLessonGroup(s, group.groupId, groups)).sort(byName);
}

function lessonsOf(r: SubjectPeriodRecords, group: RosterGroup | null): JournalLesson[] {
  const held = heldLessons(r.lessons);
  return group ? held.filter((l) => l.groupId === group.groupId) : held;
}

/**
 * The grid pages of a subject in a period: pupils x lessons, `columns` lessons a page, the period
 * mark on the last page. A pupil who was not in the class on a lesson's day gets «—» there.
 */
export function gridPages(r: SubjectPeriodRecords, classPupils: readonly JournalPupil[], columns = GRID_COLUMNS): GridPage[] {
  const cells = cellTexts(r.marks, r.attendance);
  const periodMark = new Map(r.periodMarks.filter((m) => m.kind === 'period').map((m) => [m.studentId, finalMarkText(m.code)]));
  const pages: GridPage[] = [];
  for (const group of groupsOf(r.roster)) {
    const pupils = pupilsOf(r, group, classPupils);
    const lessons = lessonsOf(r, group);
    const title = group ? `${r.period.name}, ${group.name}` : r.period.name;
    const chunks = Math.max(1, Math.ceil(lessons.length / columns));
    for (let c = 0; c < chunks; c++) {
      const part = lessons.slice(c * columns, (c + 1) * columns);
      const last = c === chunks - 1;
      pages.push({
        title: c === 0 ? title : `${title} (продолжение)`,
        dates: part.map((l) => dayMonth(l.date)),
        rows: pupils.map((s, i) => ({
          no: i + 1,
          name: s.name,
          cells: part.map((l) => (onRosterOn(s, l.date) ? (cells.get(cellKey(l.date, l.lessonNo, l.groupId, s.studentId)) ?? '') : '—')),
          periodMark: last ? (periodMark.get(s.studentId) ?? '') : '',
        })),
        withPeriodMark: last,
      });
    }
  }
  return pages;
}

/** The lessons of a subject in a period with what was studied and set: the journal's right-hand page. */
export function lessonLines(r: SubjectPeriodRecords): LessonLine[] {
  const groups = r.roster?.groups ?? [];
  const groupName = (id: string) => groups.find((g) => g.groupId === id)?.name;
  return heldLessons(r.lessons).map((l, i) => {
    const individual = (l.individualHomework ?? []).map((h) => `индивидуально (${h.studentIds.length} обуч.): ${h.text}`);
    const group = groups.length > 0 ? groupName(l.groupId) : undefined;
    return {
      no: i + 1,
      date: ruDate(l.date),
      topic: [group ? `[${group}]` : '', l.topic || '—'].filter(Boolean).join(' '),
      homework: [l.homework ?? '', ...individual].filter(Boolean).join('; ') || '—',
    };
  });
}

export interface FinalMarksTable {
  /** The periods' names, then «Год», and «Экзамен» / «Итог» where any pupil has one. */
  header: string[];
  rows: Array<{ no: number; name: string; cells: string[] }>;
}

/** A subject's marks for the year: each period's, the year's and, where there are any, the exam's and the final. */
export function finalMarksTable(subjectId: string, periods: readonly JournalPeriod[], marks: readonly PrintedFinalMark[], pupils: readonly JournalPupil[]): FinalMarksTable {
  const own = marks.filter((m) => m.subjectId === subjectId);
  const extra = (['exam', 'final'] as const).filter((k) => own.some((m) => m.kind === k));
  const columns: Array<{ title: string; kind: FinalMarkKind; periodId?: string }> = [
    ...periods.map((p) => ({ title: p.name, kind: 'period' as const, periodId: p.periodId })),
    { title: 'Год', kind: 'year' },
    ...extra.map((kind) => ({ title: kind === 'exam' ? 'Экзамен' : 'Итог', kind })),
  ];
  const code = new Map(own.map((m) => [`${m.kind}|${m.periodId ?? ''}|${m.studentId}`, m.code]));
  return {
    header: columns.map((c) => c.title),
    rows: [...pupils].sort(byName).map((p, i) => ({ no: i + 1, name: p.name, cells: columns.map((c) => finalMarkText(code.get(`${c.kind}|${c.periodId ?? ''}|${p.studentId}`))) })),
  };
}

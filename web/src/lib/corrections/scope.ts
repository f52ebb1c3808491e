/**
 * The scope of a request as the screens handle it (issue 11 item 1): the cells a refused edit of
 * the grid asked for, carried to the form in its address; each cell in words for the tables; the
 * server's 400 problems by field; the class, subject and period names the screens show.
 */
import { ruDate } from '../../../../shared/domain/calendar';
import { CELL_KIND_LABELS, cellKey, valueText } from '../../../../shared/domain/corrections';
import { attendanceCode } from '../../../../shared/domain/journal-marks';
import { workTypeName } from '../../../../shared/domain/work-types';
import { ApiError } from '../api';
import type { CellData, Op } from '../journal/grid';
import { readCell } from '../journal/period';
import type { MyJournals, PageLesson } from '../journal/types';
import type { Correction, ScopeCell } from './api';
import { CORRECTIONS_TEXT as T } from './texts';

const lessonOf = (l: Pick<PageLesson, 'date' | 'lessonNo' | 'groupId'>, subjectId: string) => ({ subjectId, date: l.date, lessonNo: l.lessonNo, groupId: l.groupId });

/**
 * The cells an edit refused by a lock would have changed, each with the value the cell holds now
 * and the one the teacher typed: what a request must ask for (clause 7.1).
 */
export function scopeFromEdit(subjectId: string, lesson: Pick<PageLesson, 'date' | 'lessonNo' | 'groupId'>, studentId: string, cell: CellData | undefined, ops: readonly Op[]): ScopeCell[] {
  const at = lessonOf(lesson, subjectId);
  return ops.map((op): ScopeCell => {
    if (op.kind === 'mark') {
      const now = cell?.marks.find((m) => m.workType === op.body.workType);
      return { kind: 'mark', ...at, studentId, workType: op.body.workType, from: now ? String(now.value) : null, to: op.body.value === null ? null : String(op.body.value) };
    }
    const now = cell?.attendance;
    const asked = op.body.kind ? { kind: op.body.kind, ...(op.body.reason ? { reason: op.body.reason } : {}) } : null;
    return { kind: 'attendance', ...at, studentId, from: now ? attendanceCode(now as Parameters<typeof attendanceCode>[0]) : null, to: asked ? attendanceCode(asked as Parameters<typeof attendanceCode>[0]) : null };
  });
}

/**
 * The period mark a lock refused (clause 3.8's days after the period's end): the cell of the
 * period's slot with the mark now and the one typed; none when the typed text is no mark.
 */
export function scopeFromPeriodMark(subjectId: string, periodId: string, studentId: string, now: string | null, text: string, grade: number, passFail: boolean): ScopeCell[] {
  const read = readCell(text, grade, { kind: 'period', passFail });
  if (!read.ok || read.code === now) return [];
  return [{ kind: 'finalMark', subjectId, studentId, slot: periodId, from: now, to: read.code }];
}

const KINDS = new Set(['mark', 'attendance', 'topic', 'finalMark']);

/** The cells of the form's address; anything malformed is dropped (the server checks the rest). */
export function cellsFromParam(raw: string | null): ScopeCell[] {
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return [];
    return list.filter((c): c is ScopeCell => typeof c === 'object' && c !== null && KINDS.has((c as { kind?: unknown }).kind as string)).slice(0, 60);
  } catch {
    return [];
  }
}

export { cellKey };

export interface Names {
  subjects: ReadonlyMap<string, string>;
  students: ReadonlyMap<string, string>;
  /** Period names, for a period mark's slot («2 четверть»). */
  periods?: ReadonlyMap<string, string>;
}

export interface CellWords {
  kind: string;
  subject: string;
  lesson: string;
  student: string;
  workType: string;
  from: string;
  to: string;
}

/** A scope cell in the words of the register: what, where, who, now → asked. */
export function cellWords(c: ScopeCell, names: Names): CellWords {
  const student = 'studentId' in c ? (names.students.get(c.studentId) ?? c.studentId) : '';
  return {
    kind: CELL_KIND_LABELS[c.kind],
    subject: names.subjects.get(c.subjectId) ?? c.subjectId,
    lesson: c.kind === 'finalMark' ? (names.periods?.get(c.slot) ?? T.finalSlot(c.slot)) : T.lessonText(ruDate(c.date), c.lessonNo),
    student,
    workType: c.kind === 'mark' ? workTypeName(c.workType) : '',
    from: valueText(c, c.from),
    to: valueText(c, c.to),
  };
}

/** The server's 400 problems by field: its schema's (`fields`, with paths) and its rules' (`problems`). */
export function problemsByField(e: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!(e instanceof ApiError) || e.status !== 400) return out;
  const details = e.details as { fields?: Array<{ path?: unknown; message?: unknown }>; problems?: Array<{ field?: unknown; message?: unknown }> } | undefined;
  const add = (field: unknown, message: unknown) => {
    if (typeof field !== 'string' || typeof message !== 'string') return;
    out.set(field, [...(out.get(field) ?? []), message]);
  };
  for (const f of details?.fields ?? []) add(f.path, f.message);
  for (const p of details?.problems ?? []) add(p.field, p.message);
  return out;
}

/** The problems of a field and of everything under it (`document` holds `document.date`). */
export function problemsAt(problems: ReadonlyMap<string, string[]>, field: string): string[] {
  return [...problems].flatMap(([k, v]) => (k === field || k.startsWith(`${field}.`) ? v : []));
}

export interface ClassChoice {
  classId: string;
  className: string;
  grade: number;
  subjects: Array<{ subjectId: string; subjectName: string }>;
}

/**
 * The classes, subjects and periods the person works with, from the journal list (what they
 * teach, lead or oversee): the names and the choices of the screens.
 */
export function catalogOf(mine: MyJournals | null, yearPeriods: ReadonlyArray<{ periodId: string; name: string }> = []) {
  const classes = new Map<string, ClassChoice>();
  for (const c of mine?.classes ?? []) classes.set(c.classId, { classId: c.classId, className: c.className, grade: c.grade, subjects: c.subjects.map((s) => ({ subjectId: s.subjectId, subjectName: s.subjectName })) });
  for (const t of mine?.teaching ?? []) {
    const c = classes.get(t.classId) ?? { classId: t.classId, className: t.className, grade: t.grade, subjects: [] };
    if (!c.subjects.some((s) => s.subjectId === t.subjectId)) c.subjects.push({ subjectId: t.subjectId, subjectName: t.subjectName });
    classes.set(t.classId, c);
  }
  const list = [...classes.values()].sort((a, b) => a.grade - b.grade || a.className.localeCompare(b.className, 'ru'));
  const periodsOf = (classId: string) => (mine?.periods[String(classes.get(classId)?.grade ?? '')] ?? []).map((p) => ({ periodId: p.periodId, name: p.name }));
  const allPeriods = new Map([...Object.values(mine?.periods ?? {}).flat(), ...yearPeriods].map((p) => [p.periodId, p.name]));
  const subjects = new Map(list.flatMap((c) => c.subjects.map((s) => [s.subjectId, s.subjectName] as const)));
  return {
    yearId: mine?.yearId ?? null,
    periodNames: allPeriods as ReadonlyMap<string, string>,
    classes: list,
    className: (classId: string) => classes.get(classId)?.className ?? classId,
    periodName: (periodId: string) => allPeriods.get(periodId) ?? periodId,
    periodsOf,
    periods: [...allPeriods].map(([periodId, name]) => ({ periodId, name })),
    subjects,
  };
}

export type Catalog = ReturnType<typeof catalogOf>;

/** The register's filters the server does not take (period, reason), applied to its answer. */
export function filterRegister(list: readonly Correction[], f: { periodId?: string; reason?: string }): Correction[] {
  return list.filter((c) => (!f.periodId || c.periodId === f.periodId) && (!f.reason || c.reason === f.reason));
}

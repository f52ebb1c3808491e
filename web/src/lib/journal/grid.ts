/**
 * The journal grid's logic, kept out of the component so it can be read and tested on its own:
 * what a cell holds and shows, whether it may be edited (and the Russian reason when not), how
 * typed text becomes mark and attendance requests (sent by ./saver.ts), and how a cell explains
 * itself and moves like a spreadsheet.
 */
import { ruDate } from '../../../../shared/domain/calendar';
import { formatCell, parseCell, type AttendanceEntry } from '../../../../shared/domain/journal-marks';
import { GRADE1_MESSAGE, markVerdict } from '../../../../shared/domain/journal-rules';
import { ruNumber } from '../../../../shared/domain/settings-versions';
import type { CountedMark } from '../../../../shared/domain/mark-justification';

export { lacksCyrillic } from '../../../../shared/domain/journal-rules';
export { WORK_TYPES, workTypeName } from '../../../../shared/domain/work-types';
import { isWorkTypeId, WORK_TYPE_IDS, workTypeName, type WorkTypeId } from '../../../../shared/domain/work-types';
import type { AttendanceBody, MarkBody } from './api';
import { JOURNAL_TEXT as T, WORK_TYPE_SHORT } from './texts';
import type { AttendanceView, JournalPage, MarkView, PageLesson, PageStudent } from './types';

// The screens that import these from the grid's module (the request helpers live in ./request.ts).
export { newRequestId, transient, withRetries } from './request';

export const cellKey = (studentId: string, lessonId: string) => `${studentId}|${lessonId}`;

export interface CellMark {
  workType: string;
  value: number;
  weight: number;
  comment?: string;
  version: number;
}

export interface CellData {
  marks: CellMark[];
  attendance: Omit<AttendanceView, 'studentId' | 'lessonId'> | null;
}

export type CellStatus =
  | { state: 'saving'; message?: string }
  | { state: 'saved' }
  | { state: 'error' | 'conflict'; message: string }
  /** `ops`: what the refused edit would have sent, for a correction request filed from the cell (issue 11). */
  | { state: 'locked'; message: string; ops?: Op[] };

export const EMPTY_CELL: CellData = { marks: [], attendance: null };

/** Marks in the order of the lesson's work types, then the others by their catalogue order. */
export function orderMarks(marks: CellMark[], lessonWorkTypes: readonly string[]): CellMark[] {
  const rank = (w: string) => {
    const i = lessonWorkTypes.indexOf(w);
    return i >= 0 ? i : 100 + WORK_TYPE_IDS.indexOf(w as WorkTypeId);
  };
  return [...marks].sort((a, b) => rank(a.workType) - rank(b.workType));
}

export function cellsOf(page: JournalPage): Record<string, CellData> {
  const cells: Record<string, CellData> = {};
  const get = (k: string) => (cells[k] ??= { marks: [], attendance: null });
  for (const m of page.marks) get(cellKey(m.studentId, m.lessonId)).marks.push({ workType: m.workType, value: m.value, weight: m.weight, version: m.version, ...(m.comment ? { comment: m.comment } : {}) });
  for (const a of page.attendance) get(cellKey(a.studentId, a.lessonId)).attendance = { kind: a.kind, ...(a.reason ? { reason: a.reason } : {}), ...(a.document ? { document: a.document } : {}), version: a.version };
  const workTypesOf = new Map(page.lessons.map((l) => [l.lessonId, l.workTypes]));
  for (const [k, c] of Object.entries(cells)) c.marks = orderMarks(c.marks, workTypesOf.get(k.split('|')[1]!) ?? []);
  return cells;
}

export function cellText(cell: CellData | undefined): string {
  if (!cell) return '';
  return formatCell(
    cell.marks.map((m) => m.value),
    cell.attendance ? ({ kind: cell.attendance.kind, ...(cell.attendance.reason ? { reason: cell.attendance.reason } : {}) } as AttendanceEntry) : null,
  );
}

/** A student's marks on the page, as the period's justification counts them (date, work type, value). */
export function marksOfStudent(page: Pick<JournalPage, 'lessons'>, cells: { get(key: string): CellData | undefined }, studentId: string): CountedMark[] {
  return page.lessons.flatMap((l) => (cells.get(cellKey(studentId, l.lessonId))?.marks ?? []).flatMap((m) => (isWorkTypeId(m.workType) ? [{ date: l.date, workType: m.workType, value: m.value }] : [])));
}

export interface Access {
  editable: boolean;
  kind?: 'readonly' | 'locked' | 'offRoster' | 'otherGroup';
  reason?: string;
}

/** Whether a cell can be typed into at all, and why not. Marks have their own term: see planEdit. */
export function cellAccess(page: JournalPage, s: PageStudent, l: PageLesson): Access {
  const split = page.groups.some((g) => g.groupId === l.groupId);
  if (split && s.groupId !== l.groupId) return { editable: false, kind: 'otherGroup', reason: T.otherGroup };
  if (s.from && l.date < s.from) return { editable: false, kind: 'offRoster', reason: T.offRoster(`прибыл(а) ${ruDate(s.from)}`) };
  if (s.until && l.date >= s.until) return { editable: false, kind: 'offRoster', reason: T.offRoster(`выбыл(а) ${ruDate(s.until)}`) };
  if (!l.canFill) return { editable: false, kind: 'readonly', reason: T.readOnly };
  if (l.lock.state !== 'open') return { editable: false, kind: 'locked', reason: l.lock.message ?? '' };
  return { editable: true };
}

export type Op =
  | { kind: 'mark'; body: Omit<MarkBody, 'requestId'> }
  | { kind: 'attendance'; body: Omit<AttendanceBody, 'requestId'> };

/** A plan refused by a lock keeps its `ops`: a correction request asks for exactly them. */
export type Plan = { ok: true; ops: Op[] } | { ok: false; message: string; locked: boolean; ops?: Op[] };

/**
 * The work types a new mark of a lesson may take, numbered for the Alt+digit shortcuts: the
 * lesson's own, then «ответ на уроке», which every lesson has.
 */
export function workTypeChoices(lessonWorkTypes: readonly string[]): WorkTypeId[] {
  const list = lessonWorkTypes.filter(isWorkTypeId);
  return list.includes('lessonAnswer') ? list : [...list, 'lessonAnswer'];
}

/** The work type new marks of a lesson take until the teacher picks another: the first choice, shown before typing. */
export function defaultWorkType(lessonWorkTypes: readonly string[]): WorkTypeId {
  return workTypeChoices(lessonWorkTypes)[0]!;
}

/** Why a typed cell cannot make its new marks of the chosen work type; null when it can. */
function newMarksProblem(cell: CellData, newCount: number, workType: string, lessonWorkTypes: readonly string[], kept: number): string | null {
  if (newCount === 0) return null;
  const keys = workTypeChoices(lessonWorkTypes)
    .map((w, i) => `Alt+${i + 1} — ${workTypeName(w)}`)
    .join(', ');
  if (newCount > 1) return T.oneNewMark(workTypeName(workType), keys);
  if (cell.marks.slice(0, kept).some((m) => m.workType === workType)) return T.workTypeTaken(workTypeName(workType), keys);
  return null;
}

/**
 * Typed text -> the requests that make the cell say it. Marks already in the cell keep their work
 * types by position; a new mark takes `workType`, the one the teacher chose for the lesson (never a
 * guess: a second new mark, or a work type the cell already has, is refused with the shortcuts).
 */
export function planEdit(page: JournalPage, lesson: PageLesson, studentId: string, cell: CellData, text: string, workType: string = defaultWorkType(lesson.workTypes)): Plan {
  const parsed = parseCell(text);
  if (!parsed.ok) return { ok: false, message: parsed.message, locked: false };
  if (!page.marksAllowed && parsed.marks.length > 0) return { ok: false, message: GRADE1_MESSAGE, locked: true };
  const locks = { lockDays: page.rules.lockDays, marksInAdvanceAllowed: page.rules.marksInAdvanceAllowed };
  const check = (w: string) => {
    const v = markVerdict({ date: lesson.date }, page.today, locks, page.grade, w as WorkTypeId);
    return v.open ? null : v.message;
  };
  const kept = Math.min(parsed.marks.length, cell.marks.length);
  const problem = newMarksProblem(cell, parsed.marks.length - kept, workType, lesson.workTypes, kept);
  if (problem) return { ok: false, message: problem, locked: false };
  const ops: Op[] = [];
  parsed.marks.forEach((value, i) => {
    const existing = cell.marks[i];
    if (existing) {
      if (existing.value !== value) ops.push({ kind: 'mark', body: { lessonId: lesson.lessonId, studentId, workType: existing.workType, value, comment: existing.comment ?? null, version: existing.version } });
      return;
    }
    ops.push({ kind: 'mark', body: { lessonId: lesson.lessonId, studentId, workType, value, version: 0 } });
  });
  for (const m of cell.marks.slice(parsed.marks.length)) {
    ops.push({ kind: 'mark', body: { lessonId: lesson.lessonId, studentId, workType: m.workType, value: null, version: m.version } });
  }
  for (const op of ops) {
    if (op.kind !== 'mark') continue;
    const refusal = check(op.body.workType);
    if (refusal) return { ok: false, message: refusal, locked: true, ops: [...ops, ...attendanceOps(lesson, studentId, cell, parsed.attendance)] };
  }
  ops.push(...attendanceOps(lesson, studentId, cell, parsed.attendance));
  return { ok: true, ops };
}

function attendanceOps(lesson: PageLesson, studentId: string, cell: CellData, a: AttendanceEntry | null | undefined): Op[] {
  const cur = cell.attendance;
  if ((a?.kind ?? null) === (cur?.kind ?? null) && (a?.reason ?? null) === (cur?.reason ?? null)) return [];
  return [{ kind: 'attendance', body: { lessonId: lesson.lessonId, studentId, kind: a?.kind ?? null, reason: a?.reason ?? null, version: cur?.version ?? 0 } }];
}

/** A cell after a mark request's answer (or the current value of a conflict). */
export function withMark(cell: CellData, workType: string, value: MarkView | null, lessonWorkTypes: readonly string[]): CellData {
  const marks = cell.marks.filter((m) => m.workType !== workType);
  if (value) marks.push({ workType: value.workType, value: value.value, weight: value.weight, version: value.version, ...(value.comment ? { comment: value.comment } : {}) });
  return { ...cell, marks: orderMarks(marks, lessonWorkTypes) };
}

export function withAttendance(cell: CellData, value: AttendanceView | null): CellData {
  return { ...cell, attendance: value ? { kind: value.kind, ...(value.reason ? { reason: value.reason } : {}), ...(value.document ? { document: value.document } : {}), version: value.version } : null };
}

/**
 * Whether an arrow key leaves the cell: when the whole text is selected, or the caret stands at the
 * edge the arrow points past (so arrows still move the caret inside a typed text).
 */
export function caretAtEdge(input: { selectionStart: number | null; selectionEnd: number | null; value: string }, key: string): boolean {
  if (input.selectionStart === 0 && input.selectionEnd === input.value.length) return true;
  return key === 'ArrowLeft' ? input.selectionStart === 0 && input.selectionEnd === 0 : input.selectionStart === input.value.length;
}

/** A lesson column's look: overdue to fill, closed for changes, or another teacher's. */
export function lessonClass(l: Pick<PageLesson, 'fill' | 'lock' | 'canFill'>): string {
  return [l.fill.overdue ? 'overdue' : '', l.lock.state !== 'open' ? 'closed' : '', !l.canFill ? 'foreign' : ''].join(' ');
}

/** A lesson header's tooltip: its topic, whether it is overdue, and why it is closed. */
export function lessonTooltip(l: Pick<PageLesson, 'topic' | 'fill' | 'lock'>): string {
  return [l.topic ?? T.notFilled, l.fill.overdue ? T.overdue : '', l.lock.message ?? ''].filter(Boolean).join('\n');
}

/** A mark as the tooltip and the screen reader say it: «5 — Отв (ответ на уроке), вес 1». */
export function markDescription(m: Pick<CellMark, 'value' | 'workType' | 'weight' | 'comment'>): string {
  const short = WORK_TYPE_SHORT[m.workType];
  return `${m.value} — ${short ? `${short} (${workTypeName(m.workType)})` : workTypeName(m.workType)}, ${T.weight} ${ruNumber(m.weight)}${m.comment ? `: ${m.comment}` : ''}`;
}

/** A cell's tooltip: what its last save said, else its marks with work types, weights and comments, and why it is closed. */
export function cellTooltip(status: CellStatus | undefined, cell: CellData | undefined, reason: string | undefined): string {
  if (status && 'message' in status && status.message) return status.message;
  const parts = (cell?.marks ?? []).map(markDescription);
  return [...parts, ...(reason ? [reason] : [])].join('\n');
}

/** The cell to move to from (row, col) with a key; null when at the edge. */
export function moveFrom(row: number, col: number, key: string, rows: number, cols: number, shift = false): [number, number] | null {
  const go = (r: number, c: number): [number, number] | null => (r >= 0 && r < rows && c >= 0 && c < cols ? [r, c] : null);
  switch (key) {
    case 'ArrowUp':
      return go(row - 1, col);
    case 'ArrowDown':
    case 'Enter':
      return shift ? go(row - 1, col) : go(row + 1, col);
    case 'ArrowLeft':
      return go(row, col - 1);
    case 'ArrowRight':
      return go(row, col + 1);
    case 'Tab':
      if (shift) return col > 0 ? [row, col - 1] : row > 0 ? [row - 1, cols - 1] : null;
      return col < cols - 1 ? [row, col + 1] : row < rows - 1 ? [row + 1, 0] : null;
    default:
      return null;
  }
}

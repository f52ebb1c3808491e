/**
 * Marks and attendance as people type them into the journal's cells, and the weighted
 * average of R-31. Pure; the web app uses the same parser so that the cell and the server agree.
 *
 * Codes (as in «Сетевой Город»): «н» absent, «б» absent through illness, «уп» absent for a valid
 * reason, «нп» absent for no valid reason, «оп» late. Marks are 2-5; several marks in one cell are
 * separated by spaces or slashes («5 4», «5/4»; a comma is «б» on the Latin layout) and take the lesson's work types in order.
 * A teacher with the Latin keyboard layout on types «y» for «н»: the same keys are understood.
 */
import type { AbsenceReason, AttendanceKind } from './journal-model';

export const MARK_VALUES = [2, 3, 4, 5] as const;
export type MarkValue = (typeof MARK_VALUES)[number];

export function isMarkValue(v: unknown): v is MarkValue {
  return typeof v === 'number' && (MARK_VALUES as readonly number[]).includes(v);
}

export interface AttendanceEntry {
  kind: AttendanceKind;
  reason?: AbsenceReason;
}

export const ATTENDANCE_CODES: Record<string, AttendanceEntry> = {
  н: { kind: 'absent' },
  б: { kind: 'absent', reason: 'illness' },
  уп: { kind: 'absent', reason: 'valid' },
  нп: { kind: 'absent', reason: 'invalid' },
  оп: { kind: 'late' },
};

export function attendanceCode(a: AttendanceEntry): string {
  if (a.kind === 'late') return 'оп';
  if (a.reason === 'illness') return 'б';
  if (a.reason === 'valid') return 'уп';
  if (a.reason === 'invalid') return 'нп';
  return 'н';
}

/** ЙЦУКЕН letters on the keys of a QWERTY keyboard: a wrong layout must not cost a keystroke. */
const LATIN_TO_CYRILLIC: Record<string, string> = { y: 'н', ',': 'б', e: 'у', g: 'п', j: 'о' };

function fixLayout(token: string): string {
  return [...token].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
}

export type ParsedCell =
  | { ok: true; marks: MarkValue[]; attendance: AttendanceEntry | null }
  | { ok: false; message: string };

export const MAX_MARKS_PER_CELL = 4;

/** What a person typed into a cell; an empty cell clears it. */
export function parseCell(text: string): ParsedCell {
  const tokens = text.trim().toLowerCase().replace(/ё/g, 'е').split(/[\s/;]+/).filter(Boolean);
  const marks: MarkValue[] = [];
  let attendance: AttendanceEntry | null = null;
  for (const raw of tokens) {
    const token = ATTENDANCE_CODES[raw] ? raw : fixLayout(raw);
    const n = Number(token);
    if (/^\d$/.test(token) && isMarkValue(n)) {
      marks.push(n);
    } else if (/^\d+$/.test(token)) {
      return { ok: false, message: `«${raw}» — не отметка: ставятся отметки от 2 до 5.` };
    } else if (ATTENDANCE_CODES[token]) {
      if (attendance) return { ok: false, message: 'В клетке может быть только одна отметка о посещаемости.' };
      attendance = ATTENDANCE_CODES[token]!;
    } else {
      return { ok: false, message: `«${raw}» не распознано: введите отметку 2–5 или «н», «б», «уп», «нп», «оп».` };
    }
  }
  if (marks.length > MAX_MARKS_PER_CELL) return { ok: false, message: `Не больше ${MAX_MARKS_PER_CELL} отметок за один урок.` };
  if (attendance?.kind === 'absent' && marks.length > 0) {
    return { ok: false, message: 'Отсутствующему на уроке отметка не ставится: уберите «н» или отметку.' };
  }
  return { ok: true, marks, attendance };
}

/** The cell's text for what is stored: marks in work-type order, then the attendance code. */
export function formatCell(marks: readonly number[], attendance: AttendanceEntry | null): string {
  return [...marks.map(String), ...(attendance ? [attendanceCode(attendance)] : [])].join(' ');
}

/**
 * Σ(mark × weight) / Σ(weight), to two decimals; null without marks. Removed marks are
 * the caller's to leave out.
 */
export function weightedAverage(marks: ReadonlyArray<{ value: number; weight: number }>): number | null {
  let sum = 0;
  let weights = 0;
  for (const m of marks) {
    if (!(m.weight > 0)) continue;
    sum += m.value * m.weight;
    weights += m.weight;
  }
  if (weights === 0) return null;
  // Rounded half up on the hundredths, computed on integers to avoid 4.445 -> 4.44 float slips.
  return Math.round(Math.round((sum / weights) * 10000) / 100) / 100;
}

export const COMMENT_MAX = 200;
export const TOPIC_MAX = 300;
export const STUDIED_MAX = 1000;
export const HOMEWORK_MAX = 1000;
export const DOCUMENT_MAX = 120;

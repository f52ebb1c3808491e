/**
 * The journal checked against its change log (issue 11, item 6; R-42, clause 7.5). The hash chain
 * (./journal-log.ts) proves that the log was not edited, but not that the journal still says what
 * the log says: a mark changed directly in the table, its log left alone, passes the chain check.
 * Here the log of a class x period is replayed, record by record in each subject's chain order,
 * into the value every cell must hold now, and that is compared with every current cell: marks,
 * attendance, the lessons' topic / studied / work types / homework, period marks (and, for the
 * grade's last period, whose chains carry them, year, exam and final marks). Each cell that
 * differs is reported with the value by the log and the value in the table.
 *
 * What a record carries is enough to replay: marks and attendance log their whole value
 * (`{value, comment}`, `{kind, reason, document}`), lessons log each changed field before and
 * after, period marks `{code, reason, late}`. What is not logged is not checked: a mark's weight
 * (the work type's weight when it was set), the timetable's own fields of a lesson (teacher, room,
 * status) and rosters.
 *
 * Pure, and free of node:crypto, so the web may import it too.
 */
import type { ChangeRecord } from './journal-log';

export type IntegrityCellKind = 'mark' | 'attendance' | 'lesson' | 'finalMark';

/** The lesson fields the journal logs (shared/services/journal-entry.ts CONTENT_FIELDS). */
export const LOGGED_LESSON_FIELDS = ['topic', 'studied', 'workTypes', 'homework', 'individualHomework'] as const;
export type LoggedLessonField = (typeof LOGGED_LESSON_FIELDS)[number];

/** A cell of the journal, named as the change log names it. */
export interface IntegrityCell {
  subjectId: string;
  kind: IntegrityCellKind;
  /** A lesson's id (`2026-11-27.1.all`), or a final mark's slot (a period id, `year`, `exam`, `final`). */
  lessonId: string;
  studentId?: string;
  workType?: string;
  /** The lesson's field, for a lesson cell. */
  field?: LoggedLessonField;
}

type Value = Record<string, unknown> | string | unknown[] | null;

/** The current cells of the table, as stored; tombstones (`deleted`) read as empty cells. */
export interface CurrentJournal {
  marks: ReadonlyArray<{ subjectId: string; lessonId: string; studentId: string; workType: string; value: number; comment?: string; deleted?: boolean }>;
  attendance: ReadonlyArray<{ subjectId: string; lessonId: string; studentId: string; kind: string; reason?: string; document?: string; deleted?: boolean }>;
  lessons: ReadonlyArray<{ subjectId: string; lessonId: string } & Partial<Record<LoggedLessonField, unknown>>>;
  /** Period marks of the partition, and year/exam/final marks when `slots` includes them; `slot` as the log names it. */
  finalMarks: ReadonlyArray<{ subjectId: string; slot: string; studentId: string; code?: string; reason?: string; late?: boolean; deleted?: boolean }>;
}

export interface IntegrityDifference extends IntegrityCell {
  /** What the log's last record of the cell left there (null: empty). */
  byLog: Value;
  /** What the table holds (null: empty). */
  inTable: Value;
  /** The log's last record of the cell (absent: the log never names it). */
  lastSeq?: number;
}

export interface IntegrityVerdict {
  ok: boolean;
  /** Records replayed and cells compared (both sides together, each cell once). */
  records: number;
  cells: number;
  differences: IntegrityDifference[];
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The same value whatever the order of an object's keys; empty parts left out. */
function stable(v: unknown): string {
  if (isEmpty(v)) return 'null';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => !isEmpty(x) && x !== false)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Only what the log records of each kind of cell: the table's bookkeeping (versions, who, when) is not compared. */
function pick(v: Record<string, unknown> | null | undefined, fields: readonly string[]): Record<string, unknown> | null {
  if (!v) return null;
  const out: Record<string, unknown> = {};
  for (const f of fields) if (!isEmpty(v[f]) && v[f] !== false) out[f] = v[f];
  return Object.keys(out).length ? out : null;
}

const MARK_FIELDS = ['value', 'comment'] as const;
const ATTENDANCE_FIELDS = ['kind', 'reason', 'document'] as const;
const FINAL_FIELDS = ['code', 'reason', 'late'] as const;
const FIELDS: Record<Exclude<IntegrityCellKind, 'lesson'>, readonly string[]> = { mark: MARK_FIELDS, attendance: ATTENDANCE_FIELDS, finalMark: FINAL_FIELDS };

export function cellId(c: IntegrityCell): string {
  return [c.kind, c.subjectId, c.lessonId, c.studentId ?? '', c.workType ?? '', c.field ?? ''].join('|');
}

interface Slot {
  cell: IntegrityCell;
  byLog?: { value: Value; seq: number };
  inTable?: Value;
}

/**
 * Replays `records` (any order: each subject's chain is sorted by its sequence) and compares the
 * result with `table`. Records of final-mark slots that `slots` does not accept are skipped, as are
 * the table's marks of those slots: a year mark is checked with the period whose chain logs it.
 */
export function checkAgainstLog(records: readonly ChangeRecord[], table: CurrentJournal, slots: (slot: string) => boolean): IntegrityVerdict {
  const cells = new Map<string, Slot>();
  const slotOf = (cell: IntegrityCell) => {
    const id = cellId(cell);
    let s = cells.get(id);
    if (!s) cells.set(id, (s = { cell }));
    return s;
  };
  const ordered = [...records].sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : a.seq - b.seq));
  let replayed = 0;
  for (const r of ordered) {
    const base = { subjectId: r.subjectId, lessonId: r.target.lessonId };
    if (r.entity === 'lesson') {
      // A lesson record names only the fields it changed: each is a cell of its own.
      for (const field of LOGGED_LESSON_FIELDS) {
        if (r.new && field in r.new) slotOf({ ...base, kind: 'lesson', field }).byLog = { value: (r.new[field] as Value) ?? null, seq: r.seq };
      }
    } else {
      if (r.entity === 'finalMark' && !slots(r.target.lessonId)) continue;
      // The period close's record names no cell: it is checked as a link of the chain only.
      if (r.entity === 'period') continue;
      const cell: IntegrityCell = {
        ...base,
        kind: r.entity,
        ...(r.target.studentId ? { studentId: r.target.studentId } : {}),
        ...(r.entity === 'mark' && r.target.workType ? { workType: r.target.workType } : {}),
      };
      slotOf(cell).byLog = { value: pick(r.new, FIELDS[r.entity]), seq: r.seq };
    }
    replayed++;
  }
  for (const m of table.marks) {
    slotOf({ subjectId: m.subjectId, kind: 'mark', lessonId: m.lessonId, studentId: m.studentId, workType: m.workType }).inTable = m.deleted ? null : pick(m, MARK_FIELDS);
  }
  for (const a of table.attendance) {
    slotOf({ subjectId: a.subjectId, kind: 'attendance', lessonId: a.lessonId, studentId: a.studentId }).inTable = a.deleted ? null : pick(a, ATTENDANCE_FIELDS);
  }
  for (const l of table.lessons) {
    for (const field of LOGGED_LESSON_FIELDS) {
      const v = l[field];
      // A lesson never filled and never logged is no cell worth listing: both sides are empty.
      if (isEmpty(v) && !cells.has(cellId({ subjectId: l.subjectId, kind: 'lesson', lessonId: l.lessonId, field }))) continue;
      slotOf({ subjectId: l.subjectId, kind: 'lesson', lessonId: l.lessonId, field }).inTable = isEmpty(v) ? null : (v as Value);
    }
  }
  for (const f of table.finalMarks) {
    if (!slots(f.slot)) continue;
    slotOf({ subjectId: f.subjectId, kind: 'finalMark', lessonId: f.slot, studentId: f.studentId }).inTable = f.deleted ? null : pick(f, FINAL_FIELDS);
  }
  const differences: IntegrityDifference[] = [];
  for (const s of cells.values()) {
    const byLog = s.byLog?.value ?? null;
    const inTable = s.inTable ?? null;
    if (stable(byLog) !== stable(inTable)) differences.push({ ...s.cell, byLog, inTable, ...(s.byLog ? { lastSeq: s.byLog.seq } : {}) });
  }
  differences.sort((a, b) => a.subjectId.localeCompare(b.subjectId) || a.lessonId.localeCompare(b.lessonId) || (a.studentId ?? '').localeCompare(b.studentId ?? '') || cellId(a).localeCompare(cellId(b)));
  return { ok: differences.length === 0, records: replayed, cells: cells.size, differences };
}

// --- in words (the screen, the period's documents) ---------------------------------------------

const LESSON_FIELD_TITLES: Readonly<Record<LoggedLessonField, string>> = {
  topic: 'тема урока',
  studied: 'изучено на уроке',
  workTypes: 'виды работ',
  homework: 'домашнее задание',
  individualHomework: 'индивидуальные задания',
};

/** What a cell is, without its place: «текущая отметка (ответ на уроке)», «тема урока». `finalTitle` names a final-mark slot. */
export function cellTitle(c: IntegrityCell, names: { workType: (id: string) => string; finalTitle: (slot: string) => string }): string {
  switch (c.kind) {
    case 'mark':
      return `текущая отметка${c.workType ? ` (${names.workType(c.workType).toLocaleLowerCase('ru-RU')})` : ''}`;
    case 'attendance':
      return 'посещаемость';
    case 'lesson':
      return c.field ? LESSON_FIELD_TITLES[c.field] : 'урок';
    case 'finalMark':
      return names.finalTitle(c.lessonId).toLocaleLowerCase('ru-RU');
  }
}

const ATTENDANCE_TEXT: Readonly<Record<string, string>> = { absent: 'н', late: 'оп' };
const REASON_TEXT: Readonly<Record<string, string>> = { illness: 'б', valid: 'уп', invalid: 'нп' };

/** A value of a cell as the journal shows it; «пусто» for an empty cell. */
export function valueText(kind: IntegrityCellKind, v: Value, names: { workType: (id: string) => string; finalMark: (code: string) => string }, field?: LoggedLessonField): string {
  if (isEmpty(v)) return 'пусто';
  const o = (typeof v === 'object' && !Array.isArray(v) ? v : {}) as Record<string, unknown>;
  const extra = (label: string, x: unknown) => (typeof x === 'string' && x ? `, ${label} «${x}»` : '');
  switch (kind) {
    case 'mark':
      return `${String(o.value ?? '?')}${extra('комментарий', o.comment)}`;
    case 'attendance': {
      const code = o.kind === 'absent' && typeof o.reason === 'string' ? (REASON_TEXT[o.reason] ?? 'н') : (ATTENDANCE_TEXT[String(o.kind)] ?? String(o.kind));
      return `${code}${extra('документ', o.document)}`;
    }
    case 'finalMark':
      return `${names.finalMark(String(o.code ?? '?'))}${extra('обоснование', o.reason)}${o.late === true ? ', после срока' : ''}`;
    case 'lesson':
      if (field === 'workTypes' && Array.isArray(v)) return v.map((w) => names.workType(String(w)).toLocaleLowerCase('ru-RU')).join(', ');
      if (field === 'individualHomework' && Array.isArray(v)) return `заданий: ${v.length}`;
      return typeof v === 'string' ? `«${v}»` : JSON.stringify(v);
  }
}

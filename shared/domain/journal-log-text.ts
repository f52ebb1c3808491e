/**
 * The change log in words (R-42, clause 7.5: the log is read by people, in Russian): what a record
 * of shared/domain/journal-log.ts changed, as «отметка 3 → 4, ответ на уроке», «посещаемость: н → б»,
 * «тема урока: «Дроби»», «годовая отметка: 4 → 5». Stored records keep ids and codes (the hash
 * chain is over them); this module only reads them. Pure, without node:crypto, so the web may use it.
 */
import { ruDate } from './calendar';
import { correctionNote } from './corrections';
import { attendanceCode, type AttendanceEntry } from './journal-marks';
import { FINAL_MARK_TEXT, finalMarkKindTitle, isFinalMarkCode, type FinalMarkKind } from './period-marks';
import { workTypeName } from './work-types';

type Values = Record<string, unknown> | null;

/** What `describeChange` needs of a record. */
export interface DescribedRecord {
  action: 'create' | 'update' | 'delete' | 'close';
  entity: 'mark' | 'attendance' | 'lesson' | 'finalMark' | 'period';
  target: { lessonId: string; studentId?: string; workType?: string };
  old: Values;
  new: Values;
  /** A change after the lock, entered under an approved request (clause 7.4). */
  correctionNo?: number;
}

/** The names a description uses that the record does not carry. */
export interface DescribeContext {
  /** The period a final-mark record names: «2 четверть», and whether it is a quarter or a half. */
  periodOf?: (periodId: string) => { name: string; kind: 'quarter' | 'half' } | undefined;
}

const EMPTY = '—';
const quoted = (s: string) => `«${s}»`;
const lower = (s: string) => s.charAt(0).toLocaleLowerCase('ru-RU') + s.slice(1);

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

/** «3 → 4», «4» (set), «3 → —» (removed). */
function arrow(before: string | undefined, after: string | undefined): string {
  if (before === undefined) return after ?? EMPTY;
  return `${before} → ${after ?? EMPTY}`;
}

function markText(r: DescribedRecord): string {
  const value = (v: Values) => (v && v.value !== undefined && v.value !== null ? String(v.value) : undefined);
  const comment = (v: Values) => str(v?.comment);
  // A comment changed alone: the mark is named once, not «4 → 4».
  const same = value(r.old) !== undefined && value(r.old) === value(r.new);
  const parts = [`отметка ${same ? value(r.new) : arrow(value(r.old), value(r.new))}`];
  if (r.target.workType) parts.push(lower(workTypeName(r.target.workType)));
  if (comment(r.old) !== comment(r.new)) parts.push(comment(r.new) ? `комментарий: ${quoted(comment(r.new)!)}` : 'комментарий удалён');
  return parts.join(', ');
}

function attendanceOf(v: Values): string | undefined {
  if (!v || (v.kind !== 'absent' && v.kind !== 'late')) return undefined;
  return attendanceCode({ kind: v.kind, ...(typeof v.reason === 'string' ? { reason: v.reason } : {}) } as AttendanceEntry);
}

function attendanceText(r: DescribedRecord): string {
  const before = attendanceOf(r.old);
  const after = attendanceOf(r.new);
  const text = after === undefined && before !== undefined ? `посещаемость: «${before}» снято` : `посещаемость: ${arrow(before, after)}`;
  const doc = str(r.new?.document);
  return doc && doc !== str(r.old?.document) ? `${text}, документ: ${doc}` : text;
}

const LESSON_FIELDS: Record<string, string> = {
  topic: 'тема урока',
  studied: 'изучено на уроке',
  workTypes: 'виды работ',
  homework: 'домашнее задание',
  individualHomework: 'индивидуальное задание',
};

function lessonValue(field: string, v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (field === 'workTypes' && Array.isArray(v)) return v.length ? v.map((w) => lower(workTypeName(String(w)))).join(', ') : undefined;
  if (field === 'individualHomework' && Array.isArray(v)) {
    const students = v.reduce((n: number, hw) => n + (Array.isArray((hw as { studentIds?: unknown[] }).studentIds) ? (hw as { studentIds: unknown[] }).studentIds.length : 0), 0);
    return v.length ? `${v.length} (обучающихся: ${students})` : undefined;
  }
  return str(v) ? quoted(String(v)) : undefined;
}

function lessonText(r: DescribedRecord): string {
  const fields = [...new Set([...Object.keys(r.old ?? {}), ...Object.keys(r.new ?? {})])].filter((f) => f in LESSON_FIELDS);
  const parts = fields.map((f) => {
    const before = lessonValue(f, r.old?.[f]);
    const after = lessonValue(f, r.new?.[f]);
    if (after === undefined) return `${LESSON_FIELDS[f]} удалено${before ? ` (было ${before})` : ''}`;
    return `${LESSON_FIELDS[f]}: ${arrow(before, after)}`;
  });
  return parts.length ? parts.join('; ') : 'урок';
}

/** «Годовая отметка», «Четвертная отметка (2 четверть)» for a final-mark record's slot. */
export function slotTitle(slot: string, ctx: DescribeContext = {}): string {
  if (slot === 'year' || slot === 'exam' || slot === 'final') return finalMarkKindTitle(slot as FinalMarkKind);
  const period = ctx.periodOf?.(slot);
  return `${finalMarkKindTitle('period', period?.kind)}${period ? ` (${period.name})` : ''}`;
}

function finalText(r: DescribedRecord, ctx: DescribeContext): string {
  const code = (v: Values) => (v && isFinalMarkCode(v.code) ? FINAL_MARK_TEXT[v.code] : undefined);
  const parts = [`${lower(slotTitle(r.target.lessonId, ctx))}: ${arrow(code(r.old), code(r.new))}`];
  const reason = str(r.new?.reason);
  if (reason && reason !== str(r.old?.reason)) parts.push(`обоснование: ${quoted(reason)}`);
  if (r.new?.late === true) parts.push('выставлена после срока');
  return parts.join(', ');
}

/** What the record changed, in the words of the journal. */
export function describeChange(r: DescribedRecord, ctx: DescribeContext = {}): string {
  const text = describeCell(r, ctx);
  return typeof r.correctionNo === 'number' ? `${text}, ${correctionNote(r.correctionNo)}` : text;
}

function describeCell(r: DescribedRecord, ctx: DescribeContext): string {
  switch (r.entity) {
    case 'mark':
      return markText(r);
    case 'attendance':
      return attendanceText(r);
    case 'lesson':
      return lessonText(r);
    case 'finalMark':
      return finalText(r, ctx);
    case 'period':
      return `период закрыт${typeof r.new?.closedOn === 'string' ? ` ${ruDate(r.new.closedOn)}` : ''}: дальнейшие изменения — только по заявкам на корректировку`;
    default:
      return '';
  }
}

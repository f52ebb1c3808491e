/**
 * The archive of stored documents (R-65, R-70; clauses 1.8, 8.6): the rules that need no storage.
 * A document has one place per school, year, period, class and kind (its slot): storing it twice
 * stores it once. The object in the report bucket cannot change, so everything that happens to a
 * document later (the director's approval, a legal hold) is recorded beside it, never in it.
 */
import { ruDate } from './calendar';
import type { ReportKind } from './retention';

/** Who did something to a document, as the record and the audit keep it. */
export interface ArchiveActor {
  userId: string;
  displayName: string;
}

export interface ArchiveSlot {
  schoolId: string;
  yearId: string;
  /** Absent for a document of the whole year (the yearly journal). */
  periodId?: string;
  /** Absent for a document of the whole school. */
  classId?: string;
  /** What the document is, e.g. 'summary-marks', 'movement', 'yearly-journal', 'close-manifest'. */
  kind: string;
}

/** The director's approval (clause 1.8): who, when, and the approved copy stored beside the original. */
export interface ArchiveApproval {
  by: ArchiveActor;
  /** An instant (ISO); the approval block prints its school-local date. */
  at: string;
  /** The school-local date printed in the block, YYYY-MM-DD. */
  on: string;
  s3Key: string;
  sha256: string;
  size: number;
  fileName: string;
  retainUntil: string;
}

/** A legal hold on a document in a dispute: while it is on, the store keeps the object past its term. */
export interface LegalHold {
  on: boolean;
  by: ArchiveActor;
  at: string;
  reason: string;
}

export interface ArchivedDocument extends ArchiveSlot {
  /** `<year>/<period|->/<class|->/<kind>`: the slot as the API's path names it. */
  docId: string;
  title: string;
  fileName: string;
  contentType: string;
  /** The retention class of clause 8.6: journals 5 years, summary sheets 25. */
  retention: ReportKind;
  s3Key: string;
  /** SHA-256 of the stored bytes, lower-case hex. */
  sha256: string;
  size: number;
  storedAt: string;
  retainUntil: string;
  /** The period close run that stored it, when one did. */
  closeId?: string;
  approval?: ArchiveApproval;
  legalHold?: LegalHold;
  version: number;
}

/** Stands for "no period" / "no class" in keys and paths; no period or class may be called so. */
export const NONE = '-';

const PART = /^[A-Za-z0-9_.-]{1,32}$/;
export const ARCHIVE_KIND_RE = /^[a-z0-9][a-z0-9-]{0,39}$/;
const FILE_NAME = /^[A-Za-z0-9_.-]{1,80}$/;

/** What is wrong with a slot (a programming error of the caller: the close and yearly jobs), or null. */
export function slotProblem(s: ArchiveSlot): string | null {
  if (!PART.test(s.schoolId) || !/^\d{4}$/.test(s.yearId)) return `bad school or year: ${s.schoolId}/${s.yearId}`;
  for (const part of [s.periodId, s.classId]) if (part !== undefined && (part === NONE || !PART.test(part))) return `bad period or class: ${part}`;
  if (!ARCHIVE_KIND_RE.test(s.kind)) return `bad kind: ${s.kind}`;
  return null;
}

export function fileNameProblem(fileName: string): string | null {
  return FILE_NAME.test(fileName) && !fileName.startsWith('.') ? null : `bad file name: ${fileName}`;
}

export function docIdOf(s: Omit<ArchiveSlot, 'schoolId'>): string {
  return [s.yearId, s.periodId ?? NONE, s.classId ?? NONE, s.kind].join('/');
}

/** The slot named by a path's parts, where '-' means none. */
export function slotOfPath(schoolId: string, yearId: string, periodId: string, classId: string, kind: string): ArchiveSlot {
  return { schoolId, yearId, kind, ...(periodId === NONE ? {} : { periodId }), ...(classId === NONE ? {} : { classId }) };
}

/**
 * The object's name below its retention prefix. It carries the first 16 hex digits of the body's
 * SHA-256, so two bodies never share a key: a run that stored the object and died before its record
 * leaves an orphan (kept for its term, named by nobody) instead of a record whose checksum describes
 * another body, and two concurrent runs each store their own and only the winner's is recorded.
 */
export function archiveObjectName(s: ArchiveSlot, sha256: string, fileName: string): string {
  return ['archive', s.schoolId, s.yearId, s.periodId ?? NONE, s.classId ?? NONE, s.kind, `${sha256.slice(0, 16)}-${fileName}`].join('/');
}

/** The approved copy's file name: the original's with «-utverzhdeno» before the extension. */
export function approvedFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)}-utverzhdeno${fileName.slice(dot)}` : `${fileName}-utverzhdeno`;
}

export const isPdf = (d: Pick<ArchivedDocument, 'contentType'>) => d.contentType === 'application/pdf';

/** Why the director cannot approve this document now, or null. */
export function approvalRefusal(d: ArchivedDocument): string | null {
  if (d.approval) return `Документ уже утверждён ${ruDate(d.approval.on)} (${d.approval.by.displayName}); повторное утверждение не требуется.`;
  if (!isPdf(d)) return 'Утверждается печатный документ (PDF); этот файл — служебный, его не утверждают.';
  return null;
}

/** Why a legal hold cannot be set (`on`) or lifted now, or null. */
export function legalHoldRefusal(d: ArchivedDocument, on: boolean): string | null {
  if (on && d.legalHold?.on) return 'Документ уже удерживается по спору.';
  if (!on && !d.legalHold?.on) return 'Документ не удерживается: снимать нечего.';
  return null;
}

/** The outcome of re-reading one stored object and hashing it again. */
export type ChecksumState = 'ok' | 'mismatch' | 'missing';

export function checksumState(expected: string, actual: string | null): ChecksumState {
  if (actual === null) return 'missing';
  return actual === expected ? 'ok' : 'mismatch';
}

/** Documents in the order a keeper reads them: period, class, kind (year-wide and school-wide first). */
export function byPlace(a: ArchivedDocument, b: ArchivedDocument): number {
  return (a.periodId ?? '').localeCompare(b.periodId ?? '') || (a.classId ?? '').localeCompare(b.classId ?? '', 'ru', { numeric: true }) || a.kind.localeCompare(b.kind);
}

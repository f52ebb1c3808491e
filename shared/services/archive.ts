/**
 * The archive (issue 14; clauses 1.8, 8.6): the one way a document goes into the report
 * bucket for keeping, with its record; the keeper's list; a document read back; the checksums
 * re-verified; a legal hold set and lifted. The period close and the yearly journal store through
 * `archiveDocument`. The director's approval renders a PDF and lives in archive-approval.ts, so that
 * this module (and the API function that serves it) carries no pdfmake.
 */
import { createHash } from 'node:crypto';
import {
  archiveObjectName,
  byPlace,
  checksumState,
  docIdOf,
  fileNameProblem,
  legalHoldRefusal,
  slotProblem,
  type ArchiveActor,
  type ArchivedDocument,
  type ArchiveSlot,
  type ChecksumState,
} from '../domain/archive';
import type { ReportKind } from '../domain/retention';
import { ConflictError, NotFoundError } from '../errors';
import { createArchived, getArchived, listArchived, saveArchived } from '../repos/archive';
import { readReport, readReportIfAny, setReportLegalHold, storeReport } from '../repos/reports';
import { className, listClasses } from '../repos/school';
import { getYear } from '../repos/year';

export type { ArchivedDocument, ArchiveSlot } from '../domain/archive';

/** Who stores what the scheduled jobs render, in the record's audit. */
export const ARCHIVE_JOB_ACTOR: ArchiveActor = { userId: 'system', displayName: 'Архив (автоматически)' };

export interface ArchiveInput extends ArchiveSlot {
  retention: ReportKind;
  /** As the keeper's list shows it, e.g. «Сводная ведомость учёта успеваемости, 5А, 1 четверть». */
  title: string;
  /** Latin letters, digits, '.', '_' and '-' (it is part of the object's key and the download's name). */
  fileName: string;
  body: Uint8Array;
  contentType: string;
  now: Date;
  closeId?: string;
  /** Defaults to the archive's own job actor. */
  actor?: ArchiveActor;
}

export const sha256Hex = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');

/**
 * Stores a document and records it, once per slot (school, year, period, class, kind): when the
 * record exists it is answered and nothing is stored. Otherwise the object goes to the bucket
 * first, with its retain-until date and checksum, and the record is created on the condition that
 * the slot is free. A run that dies between the two leaves an object no record names (its key
 * carries its checksum, so it never stands in for another body) and the next run stores again; two
 * runs at once both store, one record wins and both answer it.
 */
export async function archiveDocument(input: ArchiveInput): Promise<ArchivedDocument> {
  const problem = slotProblem(input) ?? fileNameProblem(input.fileName);
  if (problem) throw new Error(`archiveDocument: ${problem}`);
  const slot: ArchiveSlot = {
    schoolId: input.schoolId,
    yearId: input.yearId,
    ...(input.periodId !== undefined ? { periodId: input.periodId } : {}),
    ...(input.classId !== undefined ? { classId: input.classId } : {}),
    kind: input.kind,
  };
  const existing = await getArchived(slot, true);
  if (existing) return existing;
  const sha256 = sha256Hex(input.body);
  const stored = await storeReport({ kind: input.retention, name: archiveObjectName(slot, sha256, input.fileName), body: input.body, contentType: input.contentType, now: input.now, sha256 });
  const doc: ArchivedDocument = {
    ...slot,
    docId: docIdOf(slot),
    title: input.title,
    fileName: input.fileName,
    contentType: input.contentType,
    retention: input.retention,
    s3Key: stored.key,
    sha256,
    size: input.body.byteLength,
    storedAt: input.now.toISOString(),
    retainUntil: stored.retainUntil.toISOString(),
    ...(input.closeId ? { closeId: input.closeId } : {}),
    version: 1,
  };
  if (await createArchived(doc, { actor: input.actor ?? ARCHIVE_JOB_ACTOR, action: 'archive.store', at: input.now })) return doc;
  const winner = await getArchived(slot, true);
  if (!winner) throw new Error(`archiveDocument: the record of ${doc.docId} was refused and is not there`);
  return winner;
}

export interface ArchiveFilter {
  periodId?: string;
  classId?: string;
  kind?: string;
}

/** The documents of a school year, in the keeper's order, narrowed by period, class and kind. */
export async function listArchive(schoolId: string, yearId: string, filter: ArchiveFilter = {}): Promise<ArchivedDocument[]> {
  const docs = await listArchived(schoolId, yearId, filter.periodId, filter.periodId !== undefined ? filter.classId : undefined);
  return docs.filter((d) => (filter.classId === undefined || d.classId === filter.classId) && (filter.kind === undefined || d.kind === filter.kind)).sort(byPlace);
}

export interface ArchiveOverview {
  documents: ArchivedDocument[];
  /** The names the filters and the list show: the year's periods (of every set) and the school's classes. */
  periods: Array<{ periodId: string; name: string }>;
  classes: Array<{ classId: string; name: string }>;
  /** The kinds among the period's and class's documents (before the kind filter), each with a title it bears. */
  kinds: Array<{ kind: string; title: string }>;
}

/** The keeper's screen of a year: its documents (narrowed) with the names of its periods and classes. */
export async function archiveOverview(schoolId: string, yearId: string, filter: ArchiveFilter = {}): Promise<ArchiveOverview> {
  const [placed, year, classes] = await Promise.all([listArchive(schoolId, yearId, { ...filter, kind: undefined }), getYear(schoolId, yearId), listClasses(schoolId)]);
  const periods = new Map((year?.periodSets ?? []).flatMap((s) => s.periods).map((p) => [p.periodId, p.name]));
  const kinds = new Map<string, string>();
  for (const d of placed) if (!kinds.has(d.kind)) kinds.set(d.kind, d.title);
  return {
    documents: placed.filter((d) => filter.kind === undefined || d.kind === filter.kind),
    kinds: [...kinds].map(([kind, title]) => ({ kind, title })).sort((a, b) => a.title.localeCompare(b.title, 'ru')),
    periods: [...periods].map(([periodId, name]) => ({ periodId, name })).sort((a, b) => a.periodId.localeCompare(b.periodId)),
    classes: classes.map((c) => ({ classId: c.classId, name: className(c) })),
  };
}

export async function archivedDocumentOf(slot: ArchiveSlot, consistent = false): Promise<ArchivedDocument> {
  const doc = slotProblem(slot) ? null : await getArchived(slot, consistent);
  if (!doc) throw new NotFoundError('Документа в архиве нет.');
  return doc;
}

export interface ArchivedFile {
  doc: ArchivedDocument;
  fileName: string;
  contentType: string;
  body: Uint8Array;
}

/** A stored document's bytes: the original, or the approved copy (404 while it is not approved). */
export async function readArchivedDocument(slot: ArchiveSlot, copy: 'original' | 'approved' = 'original'): Promise<ArchivedFile> {
  const doc = await archivedDocumentOf(slot);
  if (copy === 'approved') {
    if (!doc.approval) throw new NotFoundError('Документ ещё не утверждён директором: утверждённой копии нет.');
    return { doc, fileName: doc.approval.fileName, contentType: 'application/pdf', body: (await readReport(doc.approval.s3Key)).body };
  }
  return { doc, fileName: doc.fileName, contentType: doc.contentType, body: (await readReport(doc.s3Key)).body };
}

export interface ChecksumCheck {
  docId: string;
  title: string;
  original: ChecksumState;
  /** The approved copy, when there is one. */
  approved?: ChecksumState;
}

async function stateOf(key: string, expected: string): Promise<ChecksumState> {
  const body = await readReportIfAny(key);
  return checksumState(expected, body === null ? null : sha256Hex(body));
}

/**
 * Re-reads every stored object of the year's documents (narrowed as the list is) and hashes it
 * again: whatever the storage did or let happen, a changed or lost object shows. A few at a time,
 * so that a year's hundreds of documents neither queue one by one nor flood the store.
 */
export async function verifyArchive(schoolId: string, yearId: string, filter: ArchiveFilter = {}): Promise<ChecksumCheck[]> {
  const docs = await listArchive(schoolId, yearId, filter);
  const out: ChecksumCheck[] = new Array(docs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < docs.length; i = next++) {
      const d = docs[i]!;
      const original = await stateOf(d.s3Key, d.sha256);
      out[i] = { docId: d.docId, title: d.title, original, ...(d.approval ? { approved: await stateOf(d.approval.s3Key, d.approval.sha256) } : {}) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, docs.length) }, worker));
  return out;
}

/**
 * Sets (`on`) or lifts the legal hold of a document in a dispute, audited with its reason. The
 * record always holds it; the store's own legal hold is set too where it has Object Lock, on the
 * original and the approved copy, before the record says so.
 */
export async function setLegalHold(actor: ArchiveActor, slot: ArchiveSlot, on: boolean, reason: string, now: Date): Promise<ArchivedDocument> {
  const doc = await archivedDocumentOf(slot, true);
  const refusal = legalHoldRefusal(doc, on);
  if (refusal) throw new ConflictError(refusal);
  for (const key of [doc.s3Key, ...(doc.approval ? [doc.approval.s3Key] : [])]) await setReportLegalHold(key, on);
  const next: ArchivedDocument = { ...doc, legalHold: { on, by: actor, at: now.toISOString(), reason }, version: doc.version + 1 };
  const saved = await saveArchived(next, doc.version, { actor, action: on ? 'archive.legalHold.set' : 'archive.legalHold.lift', at: now, reason, before: doc.legalHold ?? null, after: next.legalHold });
  if (!saved) throw new ConflictError('Документ только что изменили (утвердили или изменили удержание). Обновите страницу и повторите.');
  return next;
}

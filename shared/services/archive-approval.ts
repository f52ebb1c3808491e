/**
 * The director's approval of an archived document (clause 1.8, R-65): who and when, recorded on the
 * document with its audit record in one transaction, and the approved copy (the approval sheet in
 * front of the untouched original, shared/reports/approval-sheet.ts) stored beside the original
 * under the same retention class. Approving twice is refused. Its own module: it renders a PDF, so
 * it loads pdfmake, which the archive's API function does without.
 */
import { dateInZone } from '../domain/calendar';
import { approvalRefusal, approvedFileName, archiveObjectName, type ArchiveActor, type ArchivedDocument, type ArchiveSlot } from '../domain/archive';
import { ConflictError } from '../errors';
import { approvedCopy } from '../reports/approval-sheet';
import { saveArchived } from '../repos/archive';
import { readReport, setReportLegalHold, storeReport } from '../repos/reports';
import type { School } from '../repos/school';
import { archivedDocumentOf, sha256Hex } from './archive';

export async function approveDocument(actor: ArchiveActor, school: Pick<School, 'name' | 'timeZone'>, slot: ArchiveSlot, now: Date): Promise<ArchivedDocument> {
  const doc = await archivedDocumentOf(slot, true);
  const refusal = approvalRefusal(doc);
  if (refusal) throw new ConflictError(refusal);
  const { body } = await readReport(doc.s3Key);
  // The director approves what the archive holds: an object that no longer matches is not signed.
  if (sha256Hex(body) !== doc.sha256) throw new ConflictError('Файл в хранилище не совпадает с контрольной суммой документа: утверждать его нельзя. Проверьте контрольные суммы и сообщите администратору.');
  const on = dateInZone(now, school.timeZone);
  const copy = await approvedCopy(body, { schoolName: school.name, timeZone: school.timeZone, directorName: actor.displayName, on, at: now, doc }).catch((e: Error) => {
    // Only PDFs as pdfkit writes them can take the sheet (shared/reports/pdf-append.ts); ours all are.
    if (e.message.startsWith('pdf-append')) throw new ConflictError('К этому файлу нельзя добавить лист утверждения: он сохранён не в том виде PDF, который формирует журнал.');
    throw e;
  });
  const sha256 = sha256Hex(copy);
  const fileName = approvedFileName(doc.fileName);
  const stored = await storeReport({ kind: doc.retention, name: archiveObjectName(doc, sha256, fileName), body: copy, contentType: 'application/pdf', now, sha256 });
  // A document held in a dispute: its approved copy is held from the start.
  if (doc.legalHold?.on) await setReportLegalHold(stored.key, true);
  const approval = { by: actor, at: now.toISOString(), on, s3Key: stored.key, sha256, size: copy.byteLength, fileName, retainUntil: stored.retainUntil.toISOString() };
  const next: ArchivedDocument = { ...doc, approval, version: doc.version + 1 };
  if (await saveArchived(next, doc.version, { actor, action: 'archive.approve', at: now, before: null, after: approval })) return next;
  // Somebody changed the record meanwhile: most likely the same approval from another tab.
  const current = await archivedDocumentOf(slot, true);
  throw new ConflictError(approvalRefusal(current) ?? 'Документ только что изменили. Обновите страницу и повторите.');
}

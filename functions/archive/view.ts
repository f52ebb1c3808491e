/**
 * What the archive's two functions (functions/archive, functions/archive-pdf) share: the document
 * a path names, and the record as the screens see it.
 */
import type { z } from 'zod';
import { may } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/roles';
import type { SchoolObject } from '../../shared/auth/rules/objects';
import { slotOfPath, type ArchivedDocument, type ArchiveSlot } from '../../shared/domain/archive';
import type { School } from '../../shared/repos/school';
import type { Req } from '../http/area';
import { yearIdOf } from '../http/school';
import type { archivedDocument } from './schemas';

/** Who is told why a write is refused (403) rather than not told the school exists: whoever reads the archive. */
export const readsArchive = (p: Principal, o: SchoolObject) => may(p, 'archive.read', o);

export const READ_REFUSAL = 'Архив документов доступен директору, заместителям директора и управлению образования.';

/** The document of the path (its school's partition: another school's document is simply not there). */
export function slotOf(req: Pick<Req, 'params'>, school: School): ArchiveSlot {
  const { periodId, classId, kind } = req.params;
  return slotOfPath(school.schoolId, yearIdOf(req), periodId!, classId!, kind!);
}

/** The record as the screens see it: the store's keys stay on the server. */
export function documentView(d: ArchivedDocument): z.infer<typeof archivedDocument> {
  const { s3Key: _s3, schoolId: _school, approval, legalHold, ...rest } = d;
  return {
    ...rest,
    ...(approval ? { approval: { byName: approval.by.displayName, at: approval.at, on: approval.on, fileName: approval.fileName, sha256: approval.sha256, size: approval.size, retainUntil: approval.retainUntil } } : {}),
    ...(legalHold ? { legalHold: { on: legalHold.on, byName: legalHold.by.displayName, at: legalHold.at, reason: legalHold.reason } } : {}),
  };
}


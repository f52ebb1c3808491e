/**
 * The archive's records (issue 14; ): one item per stored document, in the school year's
 * archive partition, with the audit record in the same transaction as every change. The objects
 * themselves are in the report bucket (shared/repos/reports.ts); this module knows only the table.
 */
import { keys } from '../db/keys';
import { CREATE_ONLY, putOp, transactIf, versionCondition } from '../db/transact';
import { getItem, queryPrefix, stripKeys, type Item } from '../db/query';
import type { ArchivedDocument, ArchiveSlot } from '../domain/archive';
import { auditPut, type AuditEntry } from './audit';

const ARCHIVED = 'archivedDocument';

type Audit = Omit<AuditEntry, 'schoolId' | 'entity'>;

const keyOf = (s: ArchiveSlot) => keys.archivedDocument(s.schoolId, s.yearId, s.periodId, s.classId, s.kind);
const itemOf = (d: ArchivedDocument): Item => ({ ...keyOf(d), type: ARCHIVED, ...d });
const entityOf = (d: ArchivedDocument) => `ARCH#${d.docId}`;

export async function getArchived(slot: ArchiveSlot, consistent = false): Promise<ArchivedDocument | null> {
  return stripKeys<ArchivedDocument>((await getItem(keyOf(slot), { consistent })) ?? undefined, ARCHIVED);
}

/** A school year's documents (one Query), or a period's, or a class x period's (`begins_with`). */
export async function listArchived(schoolId: string, yearId: string, periodId?: string, classId?: string): Promise<ArchivedDocument[]> {
  const items = await queryPrefix(keys.archivePartition(schoolId, yearId), keys.archivePrefix(periodId, classId));
  return items.flatMap((i) => stripKeys<ArchivedDocument>(i, ARCHIVED) ?? []);
}

/** Records a stored document with its audit record; false when its slot is taken (stored already). */
export function createArchived(d: ArchivedDocument, audit: Audit): Promise<boolean> {
  return transactIf([putOp(itemOf(d), CREATE_ONLY), auditPut({ ...audit, schoolId: d.schoolId, entity: entityOf(d), after: d })]);
}

/** Stores the changed record (an approval, a legal hold) if it is still at `expectedVersion`. */
export function saveArchived(d: ArchivedDocument, expectedVersion: number, audit: Audit & { before: unknown; after: unknown }): Promise<boolean> {
  return transactIf([putOp(itemOf(d), versionCondition(expectedVersion)), auditPut({ ...audit, schoolId: d.schoolId, entity: entityOf(d) })]);
}

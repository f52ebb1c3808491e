/**
 * Absence documents as stored (issue 11 item 4; clause 3.7): one item per document in the class's
 * school-year partition (shared/db/keys.ts `absenceDocument`), created once (its id is derived from
 * the pupil and the document, so entering the same document again finds the first) with its audit
 * record, in the last transaction of the reasons it sets.
 */
import type { Principal } from '../auth/roles';
import { keys, type Key } from '../db/keys';
import { getItem, queryAll, type Item } from '../db/query';
import { CREATE_ONLY, putOp, type TransactItem } from '../db/transact';
import type { AbsenceDocumentDraft } from '../domain/absence-documents';
import { auditPut } from './audit';

export interface StoredAbsenceDocument extends AbsenceDocumentDraft {
  schoolId: string;
  classId: string;
  yearId: string;
  documentId: string;
  studentName: string;
  /** The absences whose reason it set: subject, period and lesson («2026-11-24.3.all»). */
  applied: Array<{ periodId: string; subjectId: string; lessonId: string }>;
  enteredBy: string;
  enteredByName: string;
  enteredAt: string;
}

const TYPE = 'absenceDocument';
const KEY_ATTRS = new Set(['pk', 'sk', 'type']);

export const absenceDocumentKey = (d: Pick<StoredAbsenceDocument, 'schoolId' | 'classId' | 'yearId' | 'date' | 'documentId'>): Key =>
  keys.absenceDocument(d.schoolId, d.classId, d.yearId, d.date, d.documentId);

function documentOf(item: Item): StoredAbsenceDocument {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRS.has(k))) as unknown as StoredAbsenceDocument;
}

export async function getAbsenceDocument(key: Key): Promise<StoredAbsenceDocument | null> {
  const item = await getItem(key, { consistent: true });
  return item?.type === TYPE ? documentOf(item) : null;
}

/** The documents of a class in a school year, by document date: one Query. */
export async function listAbsenceDocuments(schoolId: string, classId: string, yearId: string): Promise<StoredAbsenceDocument[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.classYearPartition(schoolId, classId, yearId), ':p': keys.absenceDocumentsPrefix() },
  });
  return items.filter((i) => i.type === TYPE).map(documentOf);
}

/** The document created (never overwritten) and its audit record: two operations of a transaction. */
export function absenceDocumentOps(d: StoredAbsenceDocument, actor: Pick<Principal, 'userId' | 'displayName'>, at: Date): TransactItem[] {
  return [
    putOp({ ...absenceDocumentKey(d), type: TYPE, ...d }, CREATE_ONLY),
    auditPut({ schoolId: d.schoolId, actor, action: 'absenceDocument.enter', entity: `ABSDOC#${d.classId}#${d.documentId}`, after: d, reason: `${d.kind} № ${d.number}`, at }),
  ];
}

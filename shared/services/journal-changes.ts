/**
 * Reading the journal's change log: the records of a class x period (or of one subject in
 * it) with the verdict of the hash-chain check (shared/domain/journal-log.ts). One Query. Nothing
 * in the API writes to the log except the changes themselves, and nothing edits or deletes it.
 */
import { keys } from '../db/keys';
import { verifyChain, type ChainVerdict, type ChangeRecord } from '../domain/journal-log';
import { readChangeLog } from '../repos/change-log';

export interface ChangeLogView {
  records: Array<Omit<ChangeRecord, 'partition' | 'prevHash'>>;
  verification: ChainVerdict;
  queryPages: number;
}

export async function changeLogOf(schoolId: string, classId: string, periodId: string, subjectId?: string): Promise<ChangeLogView> {
  const read = await readChangeLog(schoolId, classId, periodId, subjectId);
  const verification = verifyChain(keys.journalPartition(schoolId, classId, periodId), read.records, read.heads);
  const records = read.records
    .slice()
    .sort((a, b) => a.at.localeCompare(b.at) || a.subjectId.localeCompare(b.subjectId) || a.seq - b.seq)
    .map(({ partition: _p, prevHash: _h, ...r }) => r);
  return { records, verification, queryPages: read.pages };
}

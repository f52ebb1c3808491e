/**
 * Correction requests as stored (issue 11; clauses 7.2, 7.3, 7.5): the school's register of a
 * school year is one partition holding the numbered requests and the counter. Filing is ONE
 * transaction (the counter moved from the number read to the next one, on a condition on that
 * number; the request created; its audit record), so two requests can never share a number and a
 * failed filing leaves no gap. Each decision is a Put on the version read, audited in the same
 * transaction.
 */
import { scopedRead } from '../db/read-scope';
import type { Principal } from '../auth/roles';
import { keys } from '../db/keys';
import { getItem, queryAll, type Item } from '../db/query';
import { CREATE_ONLY, putOp, transact, TransactionCancelled, transactOr, versionCondition, type TransactItem } from '../db/transact';
import type { CorrectionAction, CorrectionDocument, CorrectionDraft, CorrectionEntry, CorrectionProgress } from '../domain/corrections';
import { ConflictError } from '../errors';
import { auditPut } from './audit';

export interface CorrectionDecision {
  action: CorrectionAction;
  by: string;
  byName: string;
  at: string;
  comment?: string;
  /** The education department's document (clause 7.5). */
  document?: CorrectionDocument;
}

export interface StoredCorrection extends CorrectionDraft, CorrectionProgress {
  schoolId: string;
  yearId: string;
  /** The register number, from 1 per school and year, without gaps. */
  number: number;
  classId: string;
  /** The period whose summary sheet the request is filed with (clause 7.3). */
  periodId: string;
  filedBy: string;
  filedByName: string;
  filedAt: string;
  /** Last date (ISO) of the entry window, set on approval, for the screens. */
  windowLastDate?: string;
  decisions: CorrectionDecision[];
  /** What was entered into the journal, by whom and when (clause 7.4); set with the state `entered`. */
  entry?: CorrectionEntry;
  version: number;
}

const TYPE = 'correction';
const KEY_ATTRS = new Set(['pk', 'sk', 'type']);

function correctionOf(item: Item): StoredCorrection {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRS.has(k))) as unknown as StoredCorrection;
}

function correctionItem(c: StoredCorrection): Item {
  return { ...keys.correction(c.schoolId, c.yearId, c.number), type: TYPE, ...c };
}

const entity = (c: Pick<StoredCorrection, 'yearId' | 'number'>) => `CORR#${c.yearId}#${c.number}`;

/** The last number issued in the register (0: none yet), read consistently: it is about to be conditioned on. */
export async function lastCorrectionNumber(schoolId: string, yearId: string): Promise<number> {
  const counter = await getItem(keys.correctionCounter(schoolId, yearId), { consistent: true });
  return (counter?.version as number | undefined) ?? 0;
}

/**
 * Files `c` under number `last + 1` if the register's last number is still `last`. False when
 * another filing took that number first (or is taking it now): the caller reads again and retries.
 */
export async function tryFileCorrection(c: Omit<StoredCorrection, 'number'>, last: number, actor: Pick<Principal, 'userId' | 'displayName'>, at: Date): Promise<StoredCorrection | null> {
  const stored: StoredCorrection = { ...c, number: last + 1 };
  const counter = { ...keys.correctionCounter(c.schoolId, c.yearId), type: 'correctionCounter', version: stored.number };
  try {
    await transact([
      putOp(counter, versionCondition(last === 0 ? undefined : last)),
      putOp(correctionItem(stored), CREATE_ONLY),
      auditPut({ schoolId: c.schoolId, actor, action: 'correction.file', entity: entity(stored), after: stored, at }),
    ]);
    return stored;
  } catch (e) {
    if (e instanceof TransactionCancelled) return null;
    throw e;
  }
}

export async function getCorrection(schoolId: string, yearId: string, num: number): Promise<StoredCorrection | null> {
  const item = await getItem(keys.correction(schoolId, yearId, num), { consistent: true });
  return item ? correctionOf(item) : null;
}

/** The whole register of a school year, in number order: one Query (paged); shared within a read scope (shared/db/read-scope.ts). */
export function listCorrections(schoolId: string, yearId: string): Promise<StoredCorrection[]> {
  return scopedRead(['listCorrections', schoolId, yearId], () => listCorrectionsNow(schoolId, yearId));
}

async function listCorrectionsNow(schoolId: string, yearId: string): Promise<StoredCorrection[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.correctionRegister(schoolId, yearId), ':p': keys.correctionsPrefix() },
  });
  return items.map(correctionOf);
}

/**
 * Stores the request as `next` if it is still at the version `before` was read at, with the audit
 * record of the decision; a 409 with the stored request otherwise.
 */
export async function saveDecision(before: StoredCorrection, next: StoredCorrection, actor: Pick<Principal, 'userId' | 'displayName'>, at: Date): Promise<void> {
  const decision = next.decisions[next.decisions.length - 1];
  await transactOr(
    [
      putOp(correctionItem(next), versionCondition(before.version)),
      auditPut({ schoolId: next.schoolId, actor, action: `correction.${decision?.action ?? 'update'}`, entity: entity(next), before: { state: before.state }, after: { state: next.state, decision }, at }),
    ],
    async () => new ConflictError('Заявку уже изменил кто-то другой: обновите страницу.', await getCorrection(before.schoolId, before.yearId, before.number)),
  );
}

/**
 * The request moved to `next` (entered) on the version `before` was read at, with its audit record:
 * the first two operations of the entry's one transaction, whose other operations write the journal
 * (shared/services/corrections-entry.ts). Index 0 failing means somebody else moved the request.
 */
export function entryOps(before: StoredCorrection, next: StoredCorrection, actor: Pick<Principal, 'userId' | 'displayName'>, at: Date): TransactItem[] {
  return [
    putOp(correctionItem(next), versionCondition(before.version)),
    auditPut({ schoolId: next.schoolId, actor, action: 'correction.enter', entity: entity(next), before: { state: before.state }, after: { state: next.state, entry: next.entry }, at }),
  ];
}

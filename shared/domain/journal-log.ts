/**
 * The journal's change log (R-42, clause 7.5): who changed which mark, attendance entry, topic or
 * work type, when, from what to what. Records of one subject in one class x period form a hash
 * chain: each carries the SHA-256 of its own content and of the record before it, and a head item
 * names the last sequence number and hash. So a record removed from the table (a gap, or a head
 * that points past the end), or edited in place (its hash no longer matches, or the next record's
 * link breaks), is found by `verifyChain`. The partition key is part of every hash, so a record
 * copied in from another class or period does not verify either.
 *
 * The chain protects against editing the table by hand, not against someone who recomputes every
 * hash after the edit; the printed change log of clause 7.5 carries the head hash for that.
 */
import { createHash } from 'node:crypto';

/** 'close': the period close (R-40) ends the chain's open part; only a correction's entry follows it. */
export type ChangeAction = 'create' | 'update' | 'delete' | 'close';
/**
 * 'finalMark': a period, year, exam or final mark (issue 10); its `target.lessonId` names the slot («2026-q2», «year»).
 * 'period': the period itself (its close); `target.lessonId` is the period's id.
 */
export type ChangeEntity = 'mark' | 'attendance' | 'lesson' | 'finalMark' | 'period';

export interface ChangeTarget {
  lessonId: string;
  studentId?: string;
  workType?: string;
}

/** What a record says; the chain adds `seq`, `prevHash` and `hash`. */
export interface ChangeBody {
  /** The class x period partition (its key), bound into the hash. */
  partition: string;
  subjectId: string;
  at: string;
  actorId: string;
  actorName: string;
  action: ChangeAction;
  entity: ChangeEntity;
  target: ChangeTarget;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
  /** The client's idempotency key of the edit. */
  requestId?: string;
  /** For a change after the lock: the approved correction request in words, «по заявке № 12» (R-41, R-42). */
  reason?: string;
  /** ... and its register number (issue 11; clause 7.4): the change table of clause 7.5 is read by it. */
  correctionNo?: number;
}

export interface ChangeRecord extends ChangeBody {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  subjectId: string;
  seq: number;
  hash: string;
}

/** JSON with object keys sorted at every level and undefined left out: the same bytes for the same value. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The link of the first record of a chain: unique to the partition and subject. */
export function genesisHash(partition: string, subjectId: string): string {
  return sha256(`zhurnal-change-log|${partition}|${subjectId}`);
}

function contentHash(r: Omit<ChangeRecord, 'hash'>): string {
  const { seq, prevHash, ...body } = r;
  return sha256(canonicalJson({ ...body, seq, prevHash }));
}

/** The next record of a chain whose head is `head` (null: the chain is empty). */
export function chainNext(body: ChangeBody, head: Pick<ChainHead, 'seq' | 'hash'> | null): ChangeRecord {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? genesisHash(body.partition, body.subjectId);
  const draft = { ...body, seq, prevHash };
  return { ...draft, hash: contentHash(draft) };
}

/** Several records of one chain written together (a correction, an absence document): each on the one before. */
export function chainRun(bodies: readonly ChangeBody[], head: Pick<ChainHead, 'seq' | 'hash'> | null): ChangeRecord[] {
  const out: ChangeRecord[] = [];
  for (const body of bodies) out.push(chainNext(body, out.at(-1) ?? head));
  return out;
}

/**
 * What a record holds as a cell's value, one shape per entity, so that every writer (the teacher's
 * grid, the period marks, a correction, an absence document) logs a cell alike and a replay of the
 * log can compare it with the journal.
 */
export const logValue = {
  mark: (m: { value: number; comment?: string }) => ({ value: m.value, ...(m.comment ? { comment: m.comment } : {}) }),
  attendance: (a: { kind: string; reason?: string; document?: string }) => ({ kind: a.kind, ...(a.reason ? { reason: a.reason } : {}), ...(a.document ? { document: a.document } : {}) }),
  finalMark: (m: { code?: string; reason?: string; late?: boolean }) => ({ code: m.code, ...(m.reason ? { reason: m.reason } : {}), ...(m.late ? { late: true } : {}) }),
};

export interface ChainProblem {
  subjectId: string;
  seq?: number;
  message: string;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  problems: ChainProblem[];
}

/**
 * Checks the chains of a partition: every record's own hash, the links between neighbours, the
 * sequence without gaps from 1, and the head against the last record.
 */
export function verifyChain(partition: string, records: readonly ChangeRecord[], heads: readonly ChainHead[]): ChainVerdict {
  const problems: ChainProblem[] = [];
  const bySubject = new Map<string, ChangeRecord[]>();
  for (const r of records) bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), r]);
  const headOf = new Map(heads.map((h) => [h.subjectId, h]));
  for (const subjectId of new Set([...bySubject.keys(), ...headOf.keys()])) {
    const chain = (bySubject.get(subjectId) ?? []).slice().sort((a, b) => a.seq - b.seq);
    let expectedSeq = 1;
    let prevHash = genesisHash(partition, subjectId);
    for (const r of chain) {
      if (r.partition !== partition) {
        problems.push({ subjectId, seq: r.seq, message: `Запись № ${r.seq} относится к другому журналу.` });
      }
      if (r.seq !== expectedSeq) {
        problems.push({
          subjectId,
          seq: r.seq,
          message:
            r.seq > expectedSeq
              ? `Перед записью № ${r.seq} не хватает ${r.seq - expectedSeq === 1 ? `записи № ${expectedSeq}` : `записей № ${expectedSeq}–${r.seq - 1}`}: записи удалены.`
              : `Запись № ${r.seq} повторяется.`,
        });
      } else if (r.prevHash !== prevHash) {
        problems.push({ subjectId, seq: r.seq, message: `Запись № ${r.seq} не продолжает цепочку: предыдущая запись изменена или подменена.` });
      }
      const { hash: _h, ...rest } = r;
      if (contentHash(rest) !== r.hash) {
        problems.push({ subjectId, seq: r.seq, message: `Запись № ${r.seq} изменена после того, как была сделана: её содержимое не совпадает с контрольной суммой.` });
      }
      expectedSeq = r.seq + 1;
      prevHash = r.hash;
    }
    const head = headOf.get(subjectId);
    const last = chain.at(-1);
    if (!head) {
      if (last) problems.push({ subjectId, message: 'Нет заголовка цепочки журнала изменений: он удалён.' });
    } else if (!last || head.seq > last.seq) {
      problems.push({
        subjectId,
        message: `Журнал изменений должен заканчиваться записью № ${head.seq}, а заканчивается ${last ? `записью № ${last.seq}` : 'ничем'}: последние записи удалены.`,
      });
    } else if (head.seq < last.seq) {
      problems.push({ subjectId, message: `После записи № ${head.seq}, которой заканчивается цепочка, есть лишние записи.` });
    } else if (head.hash !== last.hash) {
      problems.push({ subjectId, message: `Последняя запись № ${last.seq} не совпадает с заголовком цепочки: она изменена.` });
    }
  }
  return { ok: problems.length === 0, checked: records.length, problems };
}

/**
 * Import runs: a class list loaded from a spreadsheet is first checked and kept as a run
 * (status `previewed`, its rows compressed in the item), then applied (`applying` → `applied`, or
 * `failed` after the compensation removed whatever it had written). The file itself is not kept:
 * only the rows the preview accepted or rejected, and those only until the run is applied or
 * abandoned (TTL), since they are personal data.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../db/client';
import { keys } from '../db/keys';
import { conditionFailed, CREATE_ONLY, putOp, transact } from '../db/transact';
import { auditPut, type AuditEntry } from './audit';
import type { ImportCheck } from '../domain/import-rows';

export type ImportStatus = 'previewed' | 'applying' | 'applied' | 'failed';

export interface ImportRun {
  importId: string;
  schoolId: string;
  status: ImportStatus;
  fileName: string;
  format: 'xlsx' | 'csv';
  createdAt: string;
  createdBy: string;
  createdByName: string;
  defaultClassId?: string;
  counts: { accepted: number; rejected: number; warnings: number; parents: number };
  /** While `applying`: until when the applying request owns the run; after it a retry may clean up. */
  leaseUntil?: string;
  appliedAt?: string;
  appliedBy?: string;
  /** Items written (applied) or removed again (failed). */
  written?: number;
  failure?: string;
  /** Milliseconds the apply took, for the figures of the set-up note. */
  applyMs?: number;
  version: number;
}

/** What the run holds beside its summary: the checked rows, and once applying, the write plan. */
export interface ImportPayload {
  check: ImportCheck;
}

const DAY = 24 * 3600;
/** A preview nobody applies is removed after this long. */
export const PREVIEW_KEEP_DAYS = 14;

const pack = (v: unknown) => gzipSync(Buffer.from(JSON.stringify(v)));
const unpack = <T>(b: unknown): T => JSON.parse(gunzipSync(Buffer.from(b as Uint8Array)).toString('utf8')) as T;

export async function createRun(run: ImportRun, payload: ImportPayload, now: Date): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.importRun(run.schoolId, run.importId),
        type: 'importRun',
        ...run,
        payload: pack(payload),
        expiresAt: Math.floor(now.getTime() / 1000) + PREVIEW_KEEP_DAYS * DAY,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getRun(schoolId: string, importId: string): Promise<{ run: ImportRun; payload: ImportPayload | null; plan: unknown } | null> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.importRun(schoolId, importId), ConsistentRead: true }));
  const item = out.Item;
  if (!item || item.type !== 'importRun') return null;
  const { pk: _pk, sk: _sk, type: _t, payload, plan, expiresAt: _e, ...run } = item;
  return { run: run as ImportRun, payload: payload ? unpack<ImportPayload>(payload) : null, plan: plan ? unpack<unknown>(plan) : null };
}

/**
 * Moves a run into `applying` if it is still as the caller read it: a second click, a second tab or
 * a retried request cannot apply the same file twice. The plan (every key the apply will write)
 * is saved first, so that a crashed apply can be cleaned up from it.
 */
export async function startApplying(run: ImportRun, plan: unknown, leaseUntil: string, by: string): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.importRun(run.schoolId, run.importId),
        UpdateExpression: 'SET #s = :applying, leaseUntil = :lease, #plan = :plan, appliedBy = :by, version = version + :one REMOVE expiresAt',
        ConditionExpression: 'version = :v AND #s = :previewed',
        ExpressionAttributeNames: { '#s': 'status', '#plan': 'plan' },
        ExpressionAttributeValues: {
          ':applying': 'applying',
          ':previewed': 'previewed',
          ':lease': leaseUntil,
          ':plan': pack(plan),
          ':by': by,
          ':v': run.version,
          ':one': 1,
        },
      }),
    );
    return true;
  } catch (e) {
    if (conditionFailed(e)) return false;
    throw e;
  }
}

/**
 * Ends a run: applied (rows and plan dropped, the summary stays) or failed (kept a while, then TTL).
 * A failed run is marked before its items are removed, so a second clean-up cannot start.
 */
export async function finishRun(
  run: Pick<ImportRun, 'schoolId' | 'importId'>,
  expectedVersion: number,
  outcome: { status: 'applied' | 'failed'; at: string; written: number; failure?: string; applyMs: number },
  now: Date,
): Promise<void> {
  const failed = outcome.status === 'failed';
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.importRun(run.schoolId, run.importId),
      UpdateExpression: failed
        ? 'SET #s = :s, appliedAt = :at, written = :w, failure = :f, applyMs = :ms, expiresAt = :exp, version = version + :one REMOVE leaseUntil, #plan'
        : 'SET #s = :s, appliedAt = :at, written = :w, applyMs = :ms, version = version + :one REMOVE leaseUntil, #plan, payload',
      ConditionExpression: 'version = :v',
      ExpressionAttributeNames: { '#s': 'status', '#plan': 'plan' },
      ExpressionAttributeValues: {
        ':s': outcome.status,
        ':at': outcome.at,
        ':w': outcome.written,
        ':ms': outcome.applyMs,
        ':v': expectedVersion,
        ':one': 1,
        ...(failed ? { ':f': outcome.failure ?? '', ':exp': Math.floor(now.getTime() / 1000) + PREVIEW_KEEP_DAYS * DAY } : {}),
      },
    }),
  );
}

/**
 * Writes one chunk of a run's new items (each created only where nothing is stored) with its audit
 * record. The token makes a retried chunk a no-op. Throws `TransactionCancelled`: its failed index
 * names the item (and so the row) that was already there.
 */
export async function writeImportChunk(importId: string, n: number, items: Array<Record<string, unknown>>, audit: AuditEntry): Promise<void> {
  await transact([...items.map((i) => putOp(i, CREATE_ONLY)), auditPut(audit)], { idempotencyToken: `${importId}-${n}`.slice(0, 36) });
}

/** Deletes one item a run wrote; false when it is not there or not the run's (a login guard another writer holds). */
export async function deleteRunItem(key: { pk: string; sk: string }, importId: string): Promise<boolean> {
  try {
    await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: key, ConditionExpression: 'importId = :id', ExpressionAttributeValues: { ':id': importId } }));
    return true;
  } catch (e) {
    if (conditionFailed(e)) return false;
    throw e;
  }
}

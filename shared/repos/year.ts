/**
 * The academic year item: one per school and year, holding its period sets and holidays.
 * It is written whole (validated whole by shared/domain/year-rules.ts), versioned, and each write
 * carries its audit record in the same transaction.
 */
import { scopedRead } from '../db/read-scope';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { putOp, transact, TransactionCancelled, versionCondition } from '../db/transact';
import type { Principal } from '../auth/roles';
import { dynamo, tableName } from '../db/client';
import { queryPrefix } from '../db/query';
import { keys } from '../db/keys';
import type { AcademicYear } from '../domain/year';
import { auditPut } from './audit';

function fromItem(item: Record<string, unknown> | undefined): AcademicYear | null {
  if (!item || item.type !== 'academicYear') return null;
  const { pk: _pk, sk: _sk, type: _t, ...year } = item;
  return year as unknown as AcademicYear;
}

/** A school year; a read that need not be consistent is shared within a read scope (shared/db/read-scope.ts). */
export function getYear(schoolId: string, yearId: string, opts: { consistent?: boolean } = {}): Promise<AcademicYear | null> {
  return opts.consistent ? getYearNow(schoolId, yearId, opts) : scopedRead(['getYear', schoolId, yearId], () => getYearNow(schoolId, yearId, opts));
}

async function getYearNow(schoolId: string, yearId: string, opts: { consistent?: boolean }): Promise<AcademicYear | null> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.year(schoolId, yearId), ConsistentRead: opts.consistent }),
  );
  return fromItem(out.Item);
}

/** The years of a school, oldest first: one Query on the school's partition. */
export async function listYears(schoolId: string): Promise<AcademicYear[]> {
  const k = keys.yearsPrefix(schoolId);
  const years = (await queryPrefix(k.pk, k.skPrefix)).flatMap((i) => fromItem(i) ?? []);
  return years.sort((a, b) => a.yearId.localeCompare(b.yearId));
}

export type SaveYearResult = { ok: true; year: AcademicYear } | { ok: false; current: AcademicYear | null };

/**
 * Creates the year (`before` null: only if it does not exist) or replaces it (only if its version is
 * still `before.version`). A lost race answers with the year as it is now.
 */
export async function saveYear(
  before: AcademicYear | null,
  draft: Omit<AcademicYear, 'version'>,
  who: { actor: Pick<Principal, 'userId' | 'displayName'>; at: Date },
): Promise<SaveYearResult> {
  const year: AcademicYear = { ...draft, version: (before?.version ?? 0) + 1 };
  try {
    await transact([
      putOp({ ...keys.year(year.schoolId, year.yearId), type: 'academicYear', ...year }, versionCondition(before?.version)),
      auditPut({
        schoolId: year.schoolId,
        actor: who.actor,
        action: before ? 'year.update' : 'year.create',
        entity: `YEAR#${year.yearId}`,
        before: before ?? undefined,
        after: year,
        at: who.at,
      }),
    ]);
  } catch (e) {
    if (e instanceof TransactionCancelled && e.failedAt(0)) {
      return { ok: false, current: await getYear(year.schoolId, year.yearId, { consistent: true }) };
    }
    throw e;
  }
  return { ok: true, year };
}

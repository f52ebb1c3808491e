/**
 * The audit record of a set-up change (who, when, what, old value, new value). It is written as
 * one more operation of the same TransactWriteItems as the change itself, so a change without its
 * record cannot exist. Nothing in the API updates or deletes these items. (The journal's change log
 * of R-42 is its own, hash-chained structure in the class x period partition.)
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/roles';
import { tableName } from '../db/client';
import { keys } from '../db/keys';

export interface AuditEntry {
  schoolId: string;
  actor: Pick<Principal, 'userId' | 'displayName'>;
  /** What was done, e.g. 'year.update', 'student.transfer', 'timetable.slot.create'. */
  action: string;
  /** The changed object, e.g. 'YEAR#2026' or 'STU#s-0012'. */
  entity: string;
  before?: unknown;
  after?: unknown;
  /** The order or document behind the change, where the regulation asks for one. */
  reason?: string;
  at: Date;
}

export function auditPut(e: AuditEntry) {
  const at = e.at.toISOString();
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...keys.audit(e.schoolId, at, e.entity, randomBytes(4).toString('hex')),
        type: 'audit',
        schoolId: e.schoolId,
        actorId: e.actor.userId,
        actorName: e.actor.displayName,
        action: e.action,
        entity: e.entity,
        before: e.before,
        after: e.after,
        reason: e.reason,
        at,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

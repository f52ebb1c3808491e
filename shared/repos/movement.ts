/**
 * Movement records: one item per movement in the student's own partition (so the card and
 * its history are one Query), and on GSI1 in the school's movement list sorted by date (the
 * movement reports of and the journal's rosters of past periods read it).
 */
import { scopedRead } from '../db/read-scope';
import { tableName } from '../db/client';
import { queryAll } from '../db/query';
import { keys } from '../db/keys';
import type { Movement } from '../domain/movement';

export interface MovementRecord extends Movement {
  schoolId: string;
  importId?: string;
}

export function movementItem(m: MovementRecord) {
  return {
    ...keys.movement(m.schoolId, m.studentId, m.date, m.orderNo),
    ...keys.movementsOfSchool(m.schoolId, m.date, m.studentId),
    type: 'movement',
    ...m,
  };
}

/** A movement is never overwritten: the same student, date and order twice is refused. */
export function createMovementOp(m: MovementRecord) {
  return { Put: { TableName: tableName(), Item: movementItem(m), ConditionExpression: 'attribute_not_exists(pk)' } };
}

function strip(item: Record<string, unknown>): MovementRecord | null {
  if (item.type !== 'movement') return null;
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, type: _t, ...rest } = item;
  return rest as unknown as MovementRecord;
}

/** The school's movements with dates in [from, to] (inclusive), oldest first; shared within a read scope (shared/db/read-scope.ts). */
export function listMovementsOfSchool(schoolId: string, from = '0000-00-00', to = '9999-99-99'): Promise<MovementRecord[]> {
  return scopedRead(['listMovementsOfSchool', schoolId, from, to], () => listMovementsOfSchoolNow(schoolId, from, to));
}

async function listMovementsOfSchoolNow(schoolId: string, from: string, to: string): Promise<MovementRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.movementsOfSchoolPartition(schoolId), ':from': from, ':to': `${to}#\uffff` },
  });
  return items.flatMap((i) => strip(i) ?? []);
}

/**
 * Students who were in a class at some time from `from` on but are no longer on its current roster
 * (moved away or left): with the current roster, the students a roster of a past period may need.
 * One Query of the school's movement list from the period's start.
 */
export async function movedOutOfClassSince(schoolId: string, classId: string, from: string): Promise<string[]> {
  const moves = await listMovementsOfSchool(schoolId, from);
  return [...new Set(moves.filter((m) => m.fromClassId === classId).map((m) => m.studentId))];
}

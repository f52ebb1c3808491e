/**
 * The schedule of assessment procedures: one item per class x date x subject in the
 * year-plan partition (keys.assessment), so one class's schedule is one Query on
 * `ASMT#<class>#` (sorted by date, ready for the diary) and the whole school's one Query on `ASMT#`.
 * Every change and its audit record are one TransactWriteItems, conditioned on the version.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { deleteOp, transact, TransactionCancelled, versionCondition, writeRefused } from '../db/transact';
import { queryAll } from '../db/query';
import type { Principal } from '../auth/roles';
import { dynamo, tableName } from '../db/client';
import { keys } from '../db/keys';
import type { Assessment, HalfId } from '../domain/assessments';
import { ConflictError, NotFoundError } from '../errors';
import { auditPut } from './audit';

export function assessmentItem(a: Assessment): Record<string, unknown> {
  return { ...keys.assessment(a.schoolId, a.yearId, a.classId, a.date, a.subjectId), type: 'assessment', ...a };
}

function fromItem(item: Record<string, unknown> | undefined): Assessment | null {
  if (!item || item.type !== 'assessment') return null;
  const { pk: _pk, sk: _sk, type: _t, ...rest } = item;
  return rest as unknown as Assessment;
}

const entity = (a: Pick<Assessment, 'classId' | 'date' | 'subjectId'>) => `ASMT#${a.classId}#${a.date}#${a.subjectId}`;

export interface AssessmentRef {
  schoolId: string;
  yearId: string;
  classId: string;
  date: string;
  subjectId: string;
}

export async function getAssessment(ref: AssessmentRef, consistent = false): Promise<Assessment | null> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.assessment(ref.schoolId, ref.yearId, ref.classId, ref.date, ref.subjectId), ConsistentRead: consistent }),
  );
  return fromItem(out.Item);
}

async function queryYearPlan(schoolId: string, yearId: string, condition: string, values: Record<string, string>, halfId?: HalfId): Promise<Assessment[]> {
  const items = await queryAll({
    KeyConditionExpression: `pk = :pk AND ${condition}`,
    ExpressionAttributeValues: { ':pk': keys.yearPlan(schoolId, yearId), ...values, ...(halfId ? { ':half': halfId } : {}) },
    ...(halfId ? { FilterExpression: 'halfId = :half' } : {}),
  });
  return items.flatMap((i) => fromItem(i) ?? []);
}

/** One class's procedures of the year (or of one half-year), by date: one Query. */
export function listAssessmentsOfClass(schoolId: string, yearId: string, classId: string, halfId?: HalfId): Promise<Assessment[]> {
  return queryYearPlan(schoolId, yearId, 'begins_with(sk, :sk)', { ':sk': keys.assessmentPrefix(classId) }, halfId);
}

/** Every class's procedures of the year (or one half-year): one Query over the year-plan partition's ASMT# range. */
export function listAssessmentsOfSchool(schoolId: string, yearId: string, halfId?: HalfId): Promise<Assessment[]> {
  return queryYearPlan(schoolId, yearId, 'begins_with(sk, :sk)', { ':sk': keys.assessmentPrefix() }, halfId);
}



type Actor = Pick<Principal, 'userId' | 'displayName'>;

const takenMessage = 'На этот день у класса уже запланирована оценочная процедура по этому предмету: измените её или выберите другой день.';

export async function createAssessment(a: Assessment, by: Actor, now: Date): Promise<Assessment> {
  try {
    await transact([
      { Put: { TableName: tableName(), Item: assessmentItem(a), ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut({ schoolId: a.schoolId, actor: by, action: 'assessment.create', entity: entity(a), after: a, at: now }),
    ]);
  } catch (e) {
    if (writeRefused(e)) throw new ConflictError(takenMessage, (await getAssessment(a, true)) ?? undefined);
    throw e;
  }
  return a;
}

/**
 * Changes a procedure. A new date or subject is a new key: the old item is deleted and the new one
 * put in the same transaction, the old one conditioned on the version the caller saw.
 */
export async function updateAssessment(before: Assessment, next: Assessment, expectedVersion: number, by: Actor, now: Date): Promise<Assessment> {
  const moved = before.date !== next.date || before.subjectId !== next.subjectId;
  const versioned = versionCondition(expectedVersion);
  const oldKey = keys.assessment(before.schoolId, before.yearId, before.classId, before.date, before.subjectId);
  const ops = moved
    ? [
        { Delete: { TableName: tableName(), Key: oldKey, ...versioned } },
        { Put: { TableName: tableName(), Item: assessmentItem(next), ConditionExpression: 'attribute_not_exists(pk)' } },
      ]
    : [{ Put: { TableName: tableName(), Item: assessmentItem(next), ...versioned } }];
  try {
    await transact([...ops, auditPut({ schoolId: next.schoolId, actor: by, action: 'assessment.update', entity: entity(before), before, after: next, at: now })]);
  } catch (e) {
    if (writeRefused(e)) {
      if (moved && e instanceof TransactionCancelled && !e.failedAt(0) && e.failedAt(1)) {
        throw new ConflictError(takenMessage, (await getAssessment(next, true)) ?? undefined);
      }
      const current = await getAssessment(before, true);
      if (!current) throw new NotFoundError('Оценочная процедура не найдена: возможно, её только что удалили или перенесли.');
      throw new ConflictError('Эту оценочную процедуру только что изменил другой пользователь. Ниже текущая версия.', current);
    }
    throw e;
  }
  return next;
}

export async function deleteAssessment(a: Assessment, expectedVersion: number, by: Actor, now: Date): Promise<void> {
  try {
    await transact([
      deleteOp(keys.assessment(a.schoolId, a.yearId, a.classId, a.date, a.subjectId), versionCondition(expectedVersion)),
      auditPut({ schoolId: a.schoolId, actor: by, action: 'assessment.delete', entity: entity(a), before: a, at: now }),
    ]);
  } catch (e) {
    if (writeRefused(e)) {
      const current = await getAssessment(a, true);
      if (!current) throw new NotFoundError('Оценочная процедура не найдена: возможно, её уже удалили.');
      throw new ConflictError('Эту оценочную процедуру только что изменил другой пользователь. Ниже текущая версия.', current);
    }
    throw e;
  }
}

/**
 * The academic year item: one per school and year, holding its period sets and holidays.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../db/client';
import { keys } from '../db/keys';
import type { AcademicYear } from '../domain/year';

export async function getYear(schoolId: string, yearId: string): Promise<AcademicYear | null> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.year(schoolId, yearId) }));
  if (!out.Item || out.Item.type !== 'academicYear') return null;
  const { pk: _pk, sk: _sk, type: _t, ...year } = out.Item;
  return year as AcademicYear;
}

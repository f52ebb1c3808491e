/**
 * What every correction screen loads first: the school it is about (one the person may read
 * requests in: their own school, or any of the department's for its specialist), and the names of
 * its classes, subjects and periods from the journal list when the person has one.
 */
import { error } from '@sveltejs/kit';
import { isDepartmentStaff } from '../../../../shared/auth/roles';
import { journalApi } from '../journal/api';
import { yearApi } from '../year/api';
import { principalOf, schoolsWhere } from '../policy';
import type { Me } from '../types';
import { catalogOf, type Catalog } from './scope';
import { CORRECTIONS_TEXT as T } from './texts';

/** The schools whose register the person reads: their own, or the department's for its specialist. */
export function correctionSchools(me: Me): Array<{ schoolId: string; name: string }> {
  const own = schoolsWhere(me, 'correction.list');
  const ids = isDepartmentStaff(principalOf(me), me.departmentId) ? [...new Set([...own, ...me.schools.map((s) => s.schoolId)])] : own;
  return ids.map((schoolId) => ({ schoolId, name: me.schools.find((s) => s.schoolId === schoolId)?.name ?? schoolId }));
}

export function correctionSchool(me: Me, asked: string | null): string {
  const schools = correctionSchools(me).map((s) => s.schoolId);
  if (asked && schools.includes(asked)) return asked;
  const first = schools[0];
  if (!first) error(403, T.refused);
  return first;
}

/**
 * The names of the school's classes, subjects and periods. A reader without a journal list (the
 * department's specialist) gets the periods from the school's years and sees classes by their ids.
 */
export async function catalogFor(schoolId: string): Promise<Catalog> {
  try {
    return catalogOf(await journalApi.mine(schoolId));
  } catch {
    try {
      const { years } = await yearApi.list(schoolId);
      return catalogOf(null, years.flatMap((y) => y.periodSets.flatMap((s) => s.periods)));
    } catch {
      return catalogOf(null);
    }
  }
}

import { hasSchoolRole, type Principal } from '../roles';
import type { Preconditions, SchoolObject } from './objects';

/** The principal holds some role in the object's school, and both are of one department. */
export const inSchool = (p: Principal, o: SchoolObject) =>
  p.departmentId === o.departmentId && p.grants.some((g) => 'schoolId' in g && g.schoolId === o.schoolId);

/** Staff who need personal data for their work (clause 1.7): not every teacher. */
export const PERSONAL_DATA_STAFF = ['administrator', 'secretary', 'deputy', 'director'] as const;
export const STAFF = ['administrator', 'secretary', 'teacher', 'deputy', 'director', 'classTeacher'] as const;

/** Any staff role in the object's school: parents and students hold none. */
export const schoolStaff = (p: Principal, o: SchoolObject) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...STAFF);

/**
 * The actions that parents and students never reach: refused on the school alone, before any
 * object is read, with the area's own refusal.
 */
export const staffOnly = <O>(refusal: string, actions: readonly (keyof O)[]): Preconditions<O> => {
  const precondition = { rule: schoolStaff, refusal };
  return Object.fromEntries(actions.map((action) => [action, precondition])) as Preconditions<O>;
};

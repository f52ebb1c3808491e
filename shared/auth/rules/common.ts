import type { Principal } from '../roles';
import type { SchoolObject } from './objects';

/** The principal holds some role in the object's school, and both are of one department. */
export const inSchool = (p: Principal, o: SchoolObject) =>
  p.departmentId === o.departmentId && p.grants.some((g) => 'schoolId' in g && g.schoolId === o.schoolId);

/** Staff who need personal data for their work (clause 1.7): not every teacher. */
export const PERSONAL_DATA_STAFF = ['administrator', 'secretary', 'deputy', 'director'] as const;
export const STAFF = ['administrator', 'secretary', 'teacher', 'deputy', 'director', 'classTeacher'] as const;

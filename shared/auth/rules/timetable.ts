/**
 * Authorisation rules of the timetable area (see shared/auth/policy.ts): R-13. The deputy director
 * makes the timetable (the director may too); every member of staff reads it. Parents and students
 * see their own child's or their own timetable in the diary, not here.
 */
import { hasSchoolRole } from '../roles';
import type { ClassObject, Rules, SchoolObject } from './objects';
import { inSchool, STAFF } from './common';

export interface TimetableObjects {
  'timetable.read': SchoolObject;
  'timetable.manage': SchoolObject;
  'lesson.readOfClass': ClassObject;
  'lesson.generate': SchoolObject;
}

const MANAGERS = ['deputy', 'director'] as const;

export const timetableRules: Rules<TimetableObjects> = {
  'timetable.read': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...STAFF),
  'timetable.manage': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...MANAGERS),
  'lesson.readOfClass': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...STAFF),
  'lesson.generate': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...MANAGERS),
};

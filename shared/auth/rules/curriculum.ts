/**
 * Authorisation rules of the curriculum area (see shared/auth/policy.ts),
 * clause 5. The deputy director fills «Учебный процесс» (the director may too); the make-up of a
 * class's subgroups is made together with its class teacher, so either of them may edit it.
 */
import { hasSchoolRole, ledClassIds } from '../roles';
import type { ClassObject, Rules, SchoolObject } from './objects';
import { inSchool, PERSONAL_DATA_STAFF, STAFF } from './common';

/** A teacher's own load: the object names whose load it is. */
export interface TeacherLoadObject extends SchoolObject {
  teacherId: string;
}

export interface CurriculumObjects {
  'curriculum.read': SchoolObject;
  'curriculum.manage': SchoolObject;
  'load.readOfTeacher': TeacherLoadObject;
  'subgroups.read': ClassObject;
  'subgroups.manage': ClassObject;
  'substitute.read': ClassObject;
  'substitute.manage': ClassObject;
}

const MANAGERS = ['deputy', 'director'] as const;
const leads = (p: Parameters<typeof ledClassIds>[0], o: ClassObject) => ledClassIds(p, o.schoolId).includes(o.classId);

export const curriculumRules: Rules<CurriculumObjects> = {
  // Who teaches what is no personal data: every member of staff sees the curriculum.
  'curriculum.read': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...STAFF),
  'curriculum.manage': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...MANAGERS),
  'load.readOfTeacher': (p, o) =>
    inSchool(p, o) && ((p.userId === o.teacherId && hasSchoolRole(p, o.schoolId, 'teacher', 'classTeacher')) || hasSchoolRole(p, o.schoolId, ...MANAGERS)),
  // Subgroups list students by name: staff who may read the class roster.
  'subgroups.read': (p, o) => inSchool(p, o) && (hasSchoolRole(p, o.schoolId, ...PERSONAL_DATA_STAFF, 'teacher') || leads(p, o)),
  'subgroups.manage': (p, o) => inSchool(p, o) && (hasSchoolRole(p, o.schoolId, ...MANAGERS) || leads(p, o)),
  'substitute.read': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...STAFF),
  'substitute.manage': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...MANAGERS),
};

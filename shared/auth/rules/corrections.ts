/**
 * Authorisation rules of correction requests (issue 11; clauses 7.2, 7.5, 3.11, 3.7; R-41).
 * Filing (7.2): the subject teacher of the class, its class teacher, a deputy director.
 * Deciding: the director alone. A disputed request's decision: the education department's
 * specialist of the school's department. Reading: the director, the deputies and the department
 * see the whole register; a teacher sees the requests they filed.
 * Entering an approved request (7.4): only a deputy the director designated responsible for journal
 * control (3.11; the school's settings, which the director alone sets). Absence documents (3.7):
 * the class teacher of the class enters them; the class teacher and the administration read them.
 */
import { hasSchoolRole, isDepartmentStaff, ledClassIds, type Principal } from '../roles';
import { inSchool, staffOnly } from './common';
import type { ClassObject, Rules, SchoolObject } from './objects';

/** A class with the teachers its curriculum names (any subject, any subgroup). */
export interface CorrectionClassObject extends ClassObject {
  teacherIds: readonly string[];
}

/** One request: its class and who filed it. */
export interface CorrectionObject extends ClassObject {
  filedBy: string;
}

export interface CorrectionObjects {
  'correction.file': CorrectionClassObject;
  /** The register of a school: each request in it is then checked with `correction.read`. */
  'correction.list': SchoolObject;
  'correction.read': CorrectionObject;
  'correction.decide': SchoolObject;
  'correction.recordDepartment': SchoolObject;
  /** The director's settings: the entry window and the deputies of journal control. */
  'correction.configure': SchoolObject;
  'correction.enter': CorrectionEntryObject;
  'absenceDocument.enter': ClassObject;
  'absenceDocument.list': ClassObject;
  /** The table of changes made under requests in a class x period (clause 7.5). */
  'correction.readChanges': ClassObject;
}

const specialist = (p: Principal, o: SchoolObject) => p.departmentId === o.departmentId && isDepartmentStaff(p, o.departmentId);
const administration = (p: Principal, o: SchoolObject) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy');

/** One request to enter, with the deputies the director designated for journal control (clause 3.11). */
export interface CorrectionEntryObject extends ClassObject {
  journalControlDeputyIds: readonly string[];
}

export const correctionRules: Rules<CorrectionObjects> = {
  'correction.file': (p, o) =>
    inSchool(p, o) &&
    (hasSchoolRole(p, o.schoolId, 'deputy') ||
      ledClassIds(p, o.schoolId).includes(o.classId) ||
      (hasSchoolRole(p, o.schoolId, 'teacher', 'classTeacher') && o.teacherIds.includes(p.userId))),
  'correction.list': (p, o) => specialist(p, o) || (inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy', 'teacher', 'classTeacher')),
  'correction.read': (p, o) => specialist(p, o) || administration(p, o) || (inSchool(p, o) && o.filedBy === p.userId),
  'correction.decide': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director'),
  'correction.recordDepartment': specialist,
  'correction.configure': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director'),
  'correction.enter': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'deputy') && o.journalControlDeputyIds.includes(p.userId),
  'absenceDocument.enter': (p, o) => inSchool(p, o) && ledClassIds(p, o.schoolId).includes(o.classId),
  'absenceDocument.list': (p, o) => administration(p, o) || (inSchool(p, o) && ledClassIds(p, o.schoolId).includes(o.classId)),
  'correction.readChanges': (p, o) => specialist(p, o) || administration(p, o),
};

/** Parents and students never reach a school's requests; the department is not of the school, so reads have none. */
export const correctionPreconditions = staffOnly<CorrectionObjects>(
  'Заявки на корректировку журнала подают и рассматривают только работники школы.',
  ['correction.file', 'correction.decide', 'correction.enter', 'absenceDocument.enter', 'absenceDocument.list'],
);

/**
 * Authorisation rules of period, year, exam and final marks (issue 10; clauses 3.9, 3.10; R-63).
 * Setting: the subject teacher of the student's class, subject and subgroup, or the class teacher
 * for every subject of their class (`finalMarkRight`, shared with the screens); nobody else, the
 * administration included (a later change is a correction request). Reading the class's table and
 * its early warnings: the class teacher, the class's teachers and the administration. One
 * student's justification and warnings: the student and their parents only.
 */
import { finalMarkRight, type MarkPlace } from '../../domain/period-mark-rules';
import { childStudentIds, hasSchoolRole, ledClassIds, type Principal } from '../roles';
import { inSchool, staffOnly } from './common';
import type { ClassObject, Rules, SchoolObject, StudentObject } from './objects';

/** A student's mark in one subject: the curriculum line and the period's subgroups decide who sets it. */
export interface FinalMarkObject extends ClassObject, Omit<MarkPlace, 'classId'> {}

/** A class with the teachers its curriculum names (any subject, any subgroup). */
export interface ClassStaffObject extends ClassObject {
  teacherIds: readonly string[];
}

export interface PeriodMarkObjects {
  'finalMark.write': FinalMarkObject;
  'finalMark.readClass': ClassStaffObject;
  'finalMark.readWarnings': ClassStaffObject;
  /** The early warnings of every class of a school: the administration's overview. */
  'finalMark.readSchoolWarnings': SchoolObject;
  'finalMark.readOwn': StudentObject;
}

const isTeacher = (p: Principal, schoolId: string) => hasSchoolRole(p, schoolId, 'teacher', 'classTeacher');

/** The class teacher, a teacher of the class, or the administration. */
const classStaff = (p: Principal, o: ClassStaffObject) =>
  inSchool(p, o) &&
  (hasSchoolRole(p, o.schoolId, 'director', 'deputy') ||
    ledClassIds(p, o.schoolId).includes(o.classId) ||
    (isTeacher(p, o.schoolId) && o.teacherIds.includes(p.userId)));

export const periodMarkRules: Rules<PeriodMarkObjects> = {
  'finalMark.write': (p, o) =>
    inSchool(p, o) && finalMarkRight({ userId: p.userId, isTeacher: isTeacher(p, o.schoolId), ledClassIds: ledClassIds(p, o.schoolId) }, o) !== null,
  'finalMark.readClass': classStaff,
  'finalMark.readWarnings': classStaff,
  'finalMark.readSchoolWarnings': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy'),
  // The family's view (the diary shows it): the student themself and their parents, nobody else.
  'finalMark.readOwn': (p, o) =>
    inSchool(p, o) &&
    (childStudentIds(p, o.schoolId).includes(o.studentId) ||
      p.grants.some((g) => g.role === 'student' && g.schoolId === o.schoolId && g.studentId === o.studentId)),
};

/** Parents and students never reach the class's marks table: refused on the school alone. */
export const periodMarkPreconditions = staffOnly<PeriodMarkObjects>(
  'Отметки класса за период доступны только учителям и администрации школы.',
  ['finalMark.write', 'finalMark.readClass', 'finalMark.readWarnings', 'finalMark.readSchoolWarnings'],
);

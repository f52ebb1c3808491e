/**
 * Authorisation rules of the journal (see shared/auth/policy.ts). Parents and students never reach
 * the journal itself (they have the diary, R-50); the administration reads every class; a teacher
 * reads and fills the lessons the curriculum, the subgroups or a substitute assignment give them
 * the class teacher filling for an ill colleague is a substitute assignment too); the
 * class teacher reads every subject of their class and corrects absence reasons (clause 3.7).
 */
import { mayFillLesson, type LessonRef as CurriculumLessonRef, type LoadLine, type SubgroupSet, type SubstituteAssignment } from '../../domain/curriculum';
import { hasSchoolRole, isDepartmentStaff, ledClassIds } from '../roles';
import type { Principal } from '../roles';
import { inSchool, staffOnly } from './common';
import type { ClassObject, Rules, SchoolObject } from './objects';

/** A journal page: who may fill some lesson of it (lesson teachers, assigned teachers, substitutes). */
export interface JournalPageObject extends ClassObject {
  subjectId: string;
  fillers: string[];
}

/** One lesson being filled, with the partition's items that decide who may fill it. */
export interface JournalLessonObject extends ClassObject {
  lesson: CurriculumLessonRef;
  line: Pick<LoadLine, 'teacherId' | 'groups'> | null;
  subgroups: Pick<SubgroupSet, 'groups'> | null;
  substitutes: ReadonlyArray<Pick<SubstituteAssignment, 'subjectId' | 'groupId' | 'from' | 'to' | 'teacherId'>>;
}

export interface JournalObjects {
  'journal.read': JournalPageObject;
  'journal.write': JournalLessonObject;
  'journal.correctReason': ClassObject;
  'journal.readChangeLog': ClassObject;
  /** The journal replayed from its change log and compared with the table (issue 11, item 6). */
  'journal.checkIntegrity': ClassObject;
  'journal.buildRosters': ClassObject;
  'journal.listMine': SchoolObject;
  'journal.classDay': ClassObject;
  'externalAssessment.read': ClassObject;
  'externalAssessment.write': ClassObject;
}

const ADMINISTRATION = ['director', 'deputy', 'administrator'] as const;
const isTeacher = (p: Principal, schoolId: string) => hasSchoolRole(p, schoolId, 'teacher', 'classTeacher');
const leads = (p: Principal, o: ClassObject) => ledClassIds(p, o.schoolId).includes(o.classId);

export const journalRules: Rules<JournalObjects> = {
  'journal.read': (p, o) =>
    inSchool(p, o) &&
    (hasSchoolRole(p, o.schoolId, ...ADMINISTRATION) || leads(p, o) || (isTeacher(p, o.schoolId) && o.fillers.includes(p.userId))),
  'journal.write': (p, o) =>
    inSchool(p, o) && isTeacher(p, o.schoolId) && mayFillLesson(p.userId, o.lesson, { line: o.line, subgroups: o.subgroups, substitutes: o.substitutes }),
  'journal.correctReason': (p, o) => inSchool(p, o) && leads(p, o),
  'journal.readChangeLog': (p, o) => inSchool(p, o) && (hasSchoolRole(p, o.schoolId, 'director', 'deputy') || leads(p, o)),
  // Clauses 3.11, 8.2: the journal is controlled by the director and the deputy; the department checks a school's journals too.
  'journal.checkIntegrity': (p, o) =>
    (inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy')) || (p.departmentId === o.departmentId && isDepartmentStaff(p, o.departmentId)),
  // Clause 5: the deputy runs the curriculum and the subgroups at the start of each period.
  'journal.buildRosters': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'deputy', 'director'),
  'journal.listMine': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'teacher', 'classTeacher', ...ADMINISTRATION),
  // Clause 5: the class teacher checks daily that the subject teachers fill the journal.
  'journal.classDay': (p, o) => inSchool(p, o) && (leads(p, o) || hasSchoolRole(p, o.schoolId, 'director', 'deputy')),
  // R-26, clause 1.3: results of OGE, EGE and GVE, entered by the deputy or the secretary.
  'externalAssessment.read': (p, o) => inSchool(p, o) && (hasSchoolRole(p, o.schoolId, 'director', 'deputy', 'secretary') || leads(p, o)),
  'externalAssessment.write': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'deputy', 'secretary'),
};

/** Parents and students never reach the journal: refused on the school alone, before a page or a lesson is read. */
export const journalPreconditions = staffOnly<JournalObjects>(
  'Журнал доступен только учителям и администрации школы.',
  ['journal.read', 'journal.write', 'journal.correctReason'],
);

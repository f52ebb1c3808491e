/**
 * Authorisation rules of the ktp area (see shared/auth/policy.ts): the calendar-thematic plan
 * and the schedule of assessment procedures.
 *
 * Clause 5 makes the subject teacher write the KTP and the deputy director check it; so the
 * teachers of a class-subject (from the curriculum's load, carried on the object as `teacherIds`)
 * and the deputy may write it, only the deputy approves or reopens it. The class teacher and the
 * director read it. The assessment schedule is the deputy's (clause 8.3 speaks of "the approved
 * schedule"); a teacher may add procedures for the class-subjects they teach.
 */
import { hasSchoolRole, ledClassIds, type Principal } from '../roles';
import { inSchool, STAFF } from './common';
import type { ClassObject, Rules, SchoolObject } from './objects';

/** One class x subject (x group) with the teachers the curriculum gives it. */
export interface KtpObject extends ClassObject {
  subjectId: string;
  groupId: string;
  teacherIds: string[];
}

/** A class x subject of the assessment schedule with its teachers. */
export interface ClassSubjectObject extends ClassObject {
  subjectId: string;
  teacherIds: string[];
}

export interface KtpObjects {
  'ktp.read': KtpObject;
  'ktp.write': KtpObject;
  /** Approval and its withdrawal ("return for revision"). */
  'ktp.approve': KtpObject;
  /** A teacher's own list of KTPs (their load); the object is the school. */
  'ktp.listOwn': SchoolObject;
  /** All KTPs of one class: the deputy's approval screen, the director, the class teacher. */
  'ktp.listClass': ClassObject;
  'assessment.read': SchoolObject;
  'assessment.write': ClassSubjectObject;
}

const teachesIt = (p: Principal, o: ClassObject & { teacherIds: string[] }) =>
  hasSchoolRole(p, o.schoolId, 'teacher') && o.teacherIds.includes(p.userId);

export const ktpRules: Rules<KtpObjects> = {
  'ktp.read': (p, o) =>
    inSchool(p, o) &&
    (teachesIt(p, o) || hasSchoolRole(p, o.schoolId, 'deputy', 'director') || ledClassIds(p, o.schoolId).includes(o.classId)),
  'ktp.write': (p, o) => inSchool(p, o) && (teachesIt(p, o) || hasSchoolRole(p, o.schoolId, 'deputy')),
  'ktp.approve': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'deputy'),
  'ktp.listOwn': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'teacher'),
  'ktp.listClass': (p, o) =>
    inSchool(p, o) && (hasSchoolRole(p, o.schoolId, 'deputy', 'director') || ledClassIds(p, o.schoolId).includes(o.classId)),
  'assessment.read': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...STAFF),
  'assessment.write': (p, o) => inSchool(p, o) && (hasSchoolRole(p, o.schoolId, 'deputy') || teachesIt(p, o)),
};

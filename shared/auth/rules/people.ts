/**
 * Authorisation rules of the people area (see shared/auth/policy.ts): classes, students' cards,
 * parents, staff, imports, movement, consent, temporary access and activation-code sheets.
 *
 * Who does what comes from clause 5 of the regulation: the secretary keeps the class lists, the
 * movement and the personal cards of students and staff; the administrator registers users and
 * gives them rights, and keeps the register of issued logins; the class teacher hands out the
 * codes of their own class (clause 3.1); the director and deputies read (clause 1.7: personal data
 * only for those who need it).
 */
import { hasSchoolRole, ledClassIds } from '../roles';
import type { ClassObject, Rules, SchoolObject, StudentObject } from './objects';
import { inSchool, PERSONAL_DATA_STAFF } from './common';

export interface PeopleObjects {
  /** Create a class, change its class teacher. */
  'class.write': ClassObject;
  /** The class page: roster with card status, class teacher. */
  'class.read': ClassObject;
  /** Create a student's card (with their account). */
  'student.create': ClassObject;
  /** Edit the personal card; link or unlink parents. */
  'student.update': StudentObject;
  /** The full personal card with consent, parents' contacts and account state. */
  'student.readFull': StudentObject;
  /** Record a movement (enrolment, transfer, transfer out, graduation). */
  'student.move': StudentObject;
  /** Record written consent to personal-data processing (R-04, clause 4.4). */
  'student.recordConsent': StudentObject;
  /** The school's movement list and any student's history. */
  'movement.read': SchoolObject;
  /** Staff list with positions and employment dates. */
  'staff.read': SchoolObject;
  /** Create staff and edit their card, position and employment dates. */
  'staff.write': SchoolObject;
  /** Give or take staff roles (rights of access). */
  'staff.setRoles': SchoolObject;
  /** Time-limited access for other people on written application (clause 4.5). */
  'access.grantTemporary': SchoolObject;
  /** Load class lists from a spreadsheet: preview and apply. */
  'import.run': SchoolObject;
  /** Issue the codes of a class in one go and print their sheet. */
  'activationSheet.issueClass': ClassObject;
  /** Issue staff codes in one go and print their sheet. */
  'activationSheet.issueStaff': SchoolObject;
  /** Search the school's parent accounts (to link an existing parent to a second child). */
  'parent.search': SchoolObject;
}

const keeper = (p: Parameters<typeof hasSchoolRole>[0], o: SchoolObject) =>
  inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'secretary', 'administrator');
const leads = (p: Parameters<typeof hasSchoolRole>[0], o: ClassObject) => inSchool(p, o) && ledClassIds(p, o.schoolId).includes(o.classId);

export const peopleRules: Rules<PeopleObjects> = {
  'class.write': keeper,
  'class.read': (p, o) => inSchool(p, o) && (hasSchoolRole(p, o.schoolId, ...PERSONAL_DATA_STAFF) || leads(p, o)),
  'student.create': keeper,
  'student.update': keeper,
  'student.readFull': (p, o) => inSchool(p, o) && (hasSchoolRole(p, o.schoolId, ...PERSONAL_DATA_STAFF) || leads(p, o)),
  'student.move': keeper,
  // The class teacher collects the signed consent forms of their class before handing out codes.
  'student.recordConsent': (p, o) => keeper(p, o) || leads(p, o),
  'movement.read': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...PERSONAL_DATA_STAFF),
  'staff.read': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...PERSONAL_DATA_STAFF),
  'staff.write': keeper,
  'staff.setRoles': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'administrator'),
  'access.grantTemporary': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'administrator'),
  'import.run': keeper,
  'activationSheet.issueClass': (p, o) => (inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'administrator')) || leads(p, o),
  'activationSheet.issueStaff': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'administrator'),
  'parent.search': keeper,
};

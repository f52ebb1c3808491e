/**
 * Who reads the class teacher's reports (issue 13, item 1; clauses 1.7, 5): the class teacher of
 * that class, and the director and deputies for any class of their school. A subject teacher reads
 * their own subjects elsewhere (the journal, the period marks) but not the class's whole sheet
 * here; parents and students never reach a report (refused on the school alone). Read-only grants
 * with the «reports» area read them too (shared/auth/rules/viewer.ts).
 * The deputy's school-wide reports, monitoring and the department's will add their actions here.
 */
import { hasSchoolRole, isDepartmentStaff, ledClassIds } from '../roles';
import { inSchool, staffOnly } from './common';
import type { ClassObject, Rules, SchoolObject } from './objects';

export interface ReportObjects {
  /** One class's reports: the summary sheets, class results, attendance, the preliminary report. */
  'report.readClass': ClassObject;
  /** The checks of the electronic journal and their справки (issue 13 item 4; clauses 8.2, 8.4). */
  'journalCheck.read': SchoolObject;
  'journalCheck.write': SchoolObject;
  /** «Отчёты по школам»: aggregates of every school of the department, no pupil's name (issue 13 item 5; clause 1.7). */
  'report.readDepartment': { departmentId: string };
  /** The deputy's school reports: movement dynamics, class sizes, results by class, subject and teacher, a class's final data (issue 13 item 2). */
  'report.readSchool': SchoolObject;
}

export const CHECK_REFUSAL = 'Проверки электронного журнала ведут директор и заместители директора (п. 8.2 Положения).';

export const REPORT_REFUSAL = 'Отчёты по классу доступны классному руководителю этого класса, директору и заместителям директора.';

export const SCHOOL_REPORT_REFUSAL = 'Отчёты по школе доступны директору и заместителям директора.';

export const reportRules: Rules<ReportObjects> = {
  'report.readClass': (p, o) => inSchool(p, o) && (hasSchoolRole(p, o.schoolId, 'director', 'deputy') || ledClassIds(p, o.schoolId).includes(o.classId)),
  // No precondition: the handler answers 404 to anybody who is not of the school's staff, 403 to its other staff.
  'journalCheck.read': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy'),
  'journalCheck.write': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy'),
  'report.readDepartment': (p, o) => p.departmentId === o.departmentId && isDepartmentStaff(p, o.departmentId),
  // No precondition either: who is not of the school's staff learns nothing (404), its other staff are told why (403).
  'report.readSchool': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy'),
};

export const reportPreconditions = staffOnly<ReportObjects>('Отчёты доступны только работникам школы.', ['report.readClass']);

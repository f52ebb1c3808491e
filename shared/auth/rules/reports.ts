/**
 * Who reads the class teacher's reports (issue 13, item 1; clauses 1.7, 5): the class teacher of
 * that class, and the director and deputies for any class of their school. A subject teacher reads
 * their own subjects elsewhere (the journal, the period marks) but not the class's whole sheet
 * here; parents and students never reach a report (refused on the school alone). Read-only grants
 * with the «reports» area read them too (shared/auth/rules/viewer.ts).
 * The deputy's school-wide reports, monitoring and the department's will add their actions here.
 */
import { hasSchoolRole, ledClassIds } from '../roles';
import { inSchool, staffOnly } from './common';
import type { ClassObject, Rules } from './objects';

export interface ReportObjects {
  /** One class's reports: the summary sheets, class results, attendance, the preliminary report. */
  'report.readClass': ClassObject;
}

export const REPORT_REFUSAL = 'Отчёты по классу доступны классному руководителю этого класса, директору и заместителям директора.';

export const reportRules: Rules<ReportObjects> = {
  'report.readClass': (p, o) => inSchool(p, o) && (hasSchoolRole(p, o.schoolId, 'director', 'deputy') || ledClassIds(p, o.schoolId).includes(o.classId)),
};

export const reportPreconditions = staffOnly<ReportObjects>('Отчёты доступны только работникам школы.', ['report.readClass']);

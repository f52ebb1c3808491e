/**
 * Who reads the monitoring of how the journal is kept (R-62; clauses 3.11, 8.2, 8.3): the director
 * and deputies of the school, and the department's specialists (read-only: the monitoring is only
 * read). Teachers do not: it names every colleague's shortcomings. Parents and students never reach
 * it (the handler answers them 404, as for a school they do not belong to).
 */
import { hasSchoolRole, isDepartmentStaff } from '../roles';
import { inSchool } from './common';
import type { Rules, SchoolObject } from './objects';

export interface MonitoringObjects {
  'report.monitoring': SchoolObject;
}

export const MONITORING_REFUSAL = 'Мониторинг ведения журнала доступен директору, заместителям директора и специалистам управления образования.';

export const monitoringRules: Rules<MonitoringObjects> = {
  'report.monitoring': (p, o) =>
    (inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy')) || (p.departmentId === o.departmentId && isDepartmentStaff(p, o.departmentId)),
};

/**
 * Authorisation rules of paper progress reports (clause 3.13, R-52). The parent's written
 * application is recorded by the secretary (who registers incoming documents) or the pupil's class
 * teacher. The class's reports are read by its class teacher, the secretary and the administration;
 * the class teacher (or the secretary, who keeps paper documents) records that a report was handed
 * over. Parents and students never reach them: they are a class's documents, not the family's screen.
 */
import { hasSchoolRole, ledClassIds, type Principal } from '../roles';
import { inSchool, staffOnly } from './common';
import type { ClassObject, Rules, SchoolObject } from './objects';

export interface PaperReportObjects {
  'paperReport.readClass': ClassObject;
  'paperReport.recordApplication': ClassObject;
  'paperReport.handOver': ClassObject;
  /** The school's register of applications. */
  'paperReport.listSchool': SchoolObject;
  /** The overdue count of the home screen: the answer holds only what the caller may read. */
  'paperReport.overdue': SchoolObject;
}

const leads = (p: Principal, o: ClassObject) => ledClassIds(p, o.schoolId).includes(o.classId);
const role = (p: Principal, o: SchoolObject, ...roles: Parameters<typeof hasSchoolRole>[2][]) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...roles);

export const paperReportRules: Rules<PaperReportObjects> = {
  'paperReport.readClass': (p, o) => role(p, o, 'secretary', 'director', 'deputy') || (inSchool(p, o) && leads(p, o)),
  'paperReport.recordApplication': (p, o) => role(p, o, 'secretary') || (inSchool(p, o) && leads(p, o)),
  'paperReport.handOver': (p, o) => role(p, o, 'secretary') || (inSchool(p, o) && leads(p, o)),
  'paperReport.listSchool': (p, o) => role(p, o, 'secretary', 'director', 'deputy'),
  'paperReport.overdue': (p, o) => role(p, o, 'secretary', 'director', 'deputy', 'classTeacher'),
};

export const paperReportPreconditions = staffOnly<PaperReportObjects>(
  'Бумажные отчёты об успеваемости готовят и выдают работники школы.',
  ['paperReport.readClass', 'paperReport.recordApplication', 'paperReport.handOver', 'paperReport.listSchool', 'paperReport.overdue'],
);

/**
 * Who reaches the archive of stored documents (issue 14; R-65, R-70; clause 1.8). The deputy keeps
 * the approved documents, so the director and the deputies list, download and re-verify them; the
 * department's specialist reads them (read-only). Only the director approves. A document in a
 * dispute is put on legal hold by the director or a deputy, and only the director lifts the hold.
 * Teachers are refused (403); parents, students and other schools' staff are not told the school
 * exists (404, functions/http/school.ts schoolOrHidden), so no precondition refuses them earlier.
 */
import { hasSchoolRole, isDepartmentStaff, type Principal } from '../roles';
import { inSchool } from './common';
import type { Rules, SchoolObject } from './objects';

export interface ArchiveObjects {
  /** The list, a download, the checksum check. */
  'archive.read': SchoolObject;
  'archive.approve': SchoolObject;
  'archive.setLegalHold': SchoolObject;
  'archive.liftLegalHold': SchoolObject;
}

const specialist = (p: Principal, o: SchoolObject) => p.departmentId === o.departmentId && isDepartmentStaff(p, o.departmentId);
const role = (p: Principal, o: SchoolObject, ...roles: Parameters<typeof hasSchoolRole>[2][]) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...roles);

export const ARCHIVE_REFUSAL = 'Архив документов доступен директору и заместителям директора.';

export const archiveRules: Rules<ArchiveObjects> = {
  'archive.read': (p, o) => role(p, o, 'director', 'deputy') || specialist(p, o),
  'archive.approve': (p, o) => role(p, o, 'director'),
  'archive.setLegalHold': (p, o) => role(p, o, 'director', 'deputy'),
  'archive.liftLegalHold': (p, o) => role(p, o, 'director'),
};

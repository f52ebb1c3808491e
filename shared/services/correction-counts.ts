/**
 * The counts behind the notifications of correction requests (issue 11 item 7): one Query of the
 * school's register of the current school year, counted for the caller's own queues. The school
 * itself is the handler's one other read, so the badge costs two DynamoDB requests.
 */
import { may } from '../auth/policy';
import { hasSchoolRole, type Principal } from '../auth/roles';
import { dateInZone } from '../domain/calendar';
import { registerYearOn, waitingCounts, type WaitingCounts } from '../domain/correction-counts';
import { TRANSITIONS } from '../domain/corrections';
import { listCorrections } from '../repos/corrections';
import type { School } from '../repos/school';

export async function correctionCounts(p: Principal, school: School, now: Date): Promise<WaitingCounts & { yearId: string }> {
  const yearId = registerYearOn(dateInZone(now, school.timeZone));
  const object = { departmentId: school.departmentId, schoolId: school.schoolId };
  const viewer = {
    userId: p.userId,
    decides: may(p, 'correction.decide', object),
    recordsDepartment: may(p, 'correction.recordDepartment', object),
    // Clause 3.11: the deputy responsible for journal control enters; any deputy is one for now.
    enters: TRANSITIONS.enter.by === 'deputy' && hasSchoolRole(p, school.schoolId, 'deputy'),
  };
  return { yearId, ...waitingCounts(await listCorrections(school.schoolId, yearId), viewer, now) };
}

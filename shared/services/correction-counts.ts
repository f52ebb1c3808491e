/**
 * The counts behind the notifications of correction requests (issue 11 item 7): one Query of the
 * school's register of the current school year, counted for the caller's own queues. The school
 * itself is the handler's one other read, so the badge costs two DynamoDB requests.
 */
import { may } from '../auth/policy';
import type { Principal } from '../auth/roles';
import { dateInZone } from '../domain/calendar';
import { registerYearOn, waitingCounts, type WaitingCounts } from '../domain/correction-counts';
import { resolveSchoolSettings, type SchoolSettings } from '../domain/settings';
import { listCorrections } from '../repos/corrections';
import type { School } from '../repos/school';

const settingsOf = (school: School) => resolveSchoolSettings((school as School & { settings?: Partial<SchoolSettings> }).settings);

export async function correctionCounts(p: Principal, school: School, now: Date): Promise<WaitingCounts & { yearId: string }> {
  const yearId = registerYearOn(dateInZone(now, school.timeZone));
  const object = { departmentId: school.departmentId, schoolId: school.schoolId };
  const viewer = {
    userId: p.userId,
    decides: may(p, 'correction.decide', object),
    recordsDepartment: may(p, 'correction.recordDepartment', object),
    // Clause 3.11: only a deputy the director designated enters. The designation is in the school's
    // settings, which the school item the handler loaded already holds: no request more.
    enters: may(p, 'correction.enter', { ...object, classId: '', journalControlDeputyIds: settingsOf(school).journalControlDeputyIds ?? [] }),
  };
  return { yearId, ...waitingCounts(await listCorrections(school.schoolId, yearId), viewer, now) };
}

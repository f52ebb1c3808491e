/**
 * What the viewer of a request may do with it now, by the server's own policy (the screen offers
 * no button the API would refuse): the director decides a filed request, the department's
 * specialist a disputed one, the deputy the director designated for journal control (clause 3.11,
 * the school's settings: `journalControlDeputyIds`) an approved one within its window. Without the
 * settings at hand every deputy is offered the entry and the server decides.
 */
import { hasSchoolRole } from '../../../../shared/auth/roles';
import { mayMe, principalOf } from '../policy';
import type { Me } from '../types';
import type { Correction } from './api';

export function viewerActions(me: Me, c: Pick<Correction, 'schoolId' | 'classId' | 'state'>, journalControlDeputyIds?: readonly string[]) {
  const school = { departmentId: me.departmentId, schoolId: c.schoolId };
  const cls = { ...school, classId: c.classId };
  return {
    decide: c.state === 'filed' && mayMe(me, 'correction.decide', school),
    recordDepartment: c.state === 'disputed' && mayMe(me, 'correction.recordDepartment', school),
    enter: c.state === 'approved' && (journalControlDeputyIds ? mayMe(me, 'correction.enter', { ...cls, journalControlDeputyIds }) : hasSchoolRole(principalOf(me), c.schoolId, 'deputy')),
    readChanges: mayMe(me, 'correction.readChanges', cls),
    readLog: mayMe(me, 'journal.readChangeLog', cls),
  };
}

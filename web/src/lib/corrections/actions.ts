/**
 * What the viewer of a request may do with it now, by the server's own policy (the screen offers
 * no button the API would refuse): the director decides a filed request, the department's
 * specialist a disputed one, a deputy enters an approved one within its window (the server then
 * checks that the director designated that deputy for journal control, clause 3.11).
 */
import { hasSchoolRole } from '../../../../shared/auth/roles';
import { mayMe, principalOf } from '../policy';
import type { Me } from '../types';
import type { Correction } from './api';

export function viewerActions(me: Me, c: Pick<Correction, 'schoolId' | 'classId' | 'state'>) {
  const school = { departmentId: me.departmentId, schoolId: c.schoolId };
  const cls = { ...school, classId: c.classId };
  return {
    decide: c.state === 'filed' && mayMe(me, 'correction.decide', school),
    recordDepartment: c.state === 'disputed' && mayMe(me, 'correction.recordDepartment', school),
    enter: c.state === 'approved' && hasSchoolRole(principalOf(me), c.schoolId, 'deputy'),
    readChanges: mayMe(me, 'correction.readChanges', cls),
    readLog: mayMe(me, 'journal.readChangeLog', cls),
  };
}

/**
 * What the home screen needs to know about the caller: who they are, their roles, their children
 * (for a parent) and their schools.
 */
import type { Principal } from '../auth/roles';
import { childStudentIds, schoolIdsOf } from '../auth/roles';
import { getAccount } from '../repos/accounts';
import { getClass, getSchool, getStudentCards, className } from '../repos/school';
import { NotFoundError } from '../errors';

export async function describeMe(p: Principal, csrfToken: string) {
  const childRefs = p.grants.flatMap((g) => (g.role === 'parent' ? [{ schoolId: g.schoolId, studentId: g.studentId }] : []));
  const [account, cards, schools] = await Promise.all([
    getAccount(p.userId),
    getStudentCards(childRefs),
    Promise.all(schoolIdsOf(p).map((id) => getSchool(p.departmentId, id))),
  ]);
  if (!account) throw new NotFoundError('Учётная запись не найдена.');
  const classes = await Promise.all(cards.map((c) => getClass(c.schoolId, c.classId)));
  const wanted = new Set(childStudentIds(p));
  return {
    userId: p.userId,
    login: account.login,
    displayName: p.displayName,
    departmentId: p.departmentId,
    grants: p.grants,
    csrfToken,
    children: cards
      .filter((c) => wanted.has(c.studentId))
      .map((c, i) => ({
        studentId: c.studentId,
        schoolId: c.schoolId,
        classId: c.classId,
        displayName: `${c.lastName} ${c.firstName}`,
        className: classes[i] ? className(classes[i]) : '',
      })),
    schools: schools.flatMap((s) => (s ? [{ schoolId: s.schoolId, name: s.name }] : [])),
  };
}

/**
 * What the home screen needs to know about the caller: who they are, their roles, their children
 * (for a parent) and their schools. Schools and children's cards come in one BatchGetItem; a
 * parent's children's classes in a second. Department staff oversee every school of the
 * department (settings, later reports), so for them `schools` is the department's list (one Query).
 */
import type { Principal } from '../auth/roles';
import { childStudentIds, isDepartmentStaff, schoolIdsOf } from '../auth/roles';
import { getAccount, type Account } from '../repos/accounts';
import { className, getClasses, getSchoolsAndCards, listSchools } from '../repos/school';
import { NotFoundError } from '../errors';

/** `account` may be passed by a caller that has just read it (sign-in), saving a round trip. */
export async function describeMe(p: Principal, csrfToken: string, account?: Account) {
  const childRefs = p.grants.flatMap((g) => (g.role === 'parent' ? [{ schoolId: g.schoolId, studentId: g.studentId }] : []));
  const [acc, { schools: own, cards }, overseen] = await Promise.all([
    account ?? getAccount(p.userId),
    getSchoolsAndCards(p.departmentId, schoolIdsOf(p), childRefs),
    isDepartmentStaff(p, p.departmentId) ? listSchools(p.departmentId) : Promise.resolve([]),
  ]);
  const schools = [...new Map([...own, ...overseen].map((s) => [s.schoolId, s])).values()].sort((a, b) => a.name.localeCompare(b.name, 'ru', { numeric: true }));
  if (!acc) throw new NotFoundError('Учётная запись не найдена.');
  const wanted = new Set(childStudentIds(p));
  const children = cards.filter((c) => wanted.has(c.studentId));
  const classes = await getClasses(children.map((c) => ({ schoolId: c.schoolId, classId: c.classId })));
  const classOf = (c: { schoolId: string; classId: string }) => classes.find((k) => k.schoolId === c.schoolId && k.classId === c.classId);
  return {
    userId: p.userId,
    login: acc.login,
    displayName: p.displayName,
    departmentId: p.departmentId,
    grants: p.grants,
    csrfToken,
    children: children.map((c) => {
      const k = classOf(c);
      return {
        studentId: c.studentId,
        schoolId: c.schoolId,
        classId: c.classId,
        displayName: `${c.lastName} ${c.firstName}`,
        className: k ? className(k) : '',
      };
    }),
    schools: schools.map((s) => ({ schoolId: s.schoolId, name: s.name })),
  };
}

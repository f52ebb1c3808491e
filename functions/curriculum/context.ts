/**
 * What the curriculum and timetable handlers share: the school named in the path with the check of
 * an action on it, the class named in the path, and the version of a DELETE from the query string.
 */
import { may, type Action, type ObjectOf } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/roles';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../shared/errors';
import { getSchool, type School } from '../../shared/repos/school';
import { sessionOf, type Req } from '../http/area';

type SchoolAction = { [A in Action]: ObjectOf<A> extends { departmentId: string; schoolId: string } ? A : never }[Action];

/** The school of the path, checked for an action on `object(school)`; another department's school is not found. */
export async function schoolFor<A extends SchoolAction>(
  req: Req<unknown>,
  action: A,
  refusal: string,
  object: (school: School) => ObjectOf<A> = (s) => ({ departmentId: s.departmentId, schoolId: s.schoolId }) as ObjectOf<A>,
): Promise<{ p: Principal; school: School }> {
  const p = sessionOf(req).principal;
  const school = await getSchool(p.departmentId, req.params.schoolId!);
  if (!school) throw new NotFoundError('Школа не найдена.');
  if (!may(p, action, object(school))) throw new ForbiddenError(refusal);
  return { p, school };
}

export function yearIdOf(req: Req<unknown>): string {
  const yearId = req.params.yearId!;
  if (!/^\d{4}$/.test(yearId)) throw new BadRequestError('Учебный год обозначается годом его начала, например 2026.');
  return yearId;
}

/** The version a DELETE names in `?version=`: deletes are conditional like updates. */
export function versionOf(req: Req<unknown>): number {
  const v = Number(req.query.version);
  if (!req.query.version || !Number.isInteger(v) || v < 1) throw new BadRequestError('Укажите версию удаляемой записи (?version=…): обновите страницу.');
  return v;
}

export function classObject(classId: string) {
  return (s: School) => ({ departmentId: s.departmentId, schoolId: s.schoolId, classId });
}

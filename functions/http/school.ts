/**
 * The preamble of most handlers, once: the school named in the path (another department's school
 * is simply not found), then the route's permission on it or on an object made from it.
 */
import type { ObjectOf, SchoolObject } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/roles';
import { schoolStaff } from '../../shared/auth/rules/common';
import { YEAR_ID_RE } from '../../shared/domain/year-rules';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../shared/errors';
import { getSchool, type School } from '../../shared/repos/school';
import type { RouteSpec } from '../route-spec';
import type { ActionOf, Req } from './area';

/** The school of the path; 404 when it is not one of the caller's department. */
export async function schoolOf(req: Pick<Req, 'principal' | 'params'>): Promise<School> {
  const school = await getSchool(req.principal.departmentId, req.params.schoolId!);
  if (!school) throw new NotFoundError('Школа не найдена.');
  return school;
}

type ObjectFrom<R> = (school: School) => ObjectOf<ActionOf<R>>;

/**
 * The school of the path, authorised: the school itself is the object unless the route's action
 * needs more (a class, a teacher), which `object` then adds.
 */
export async function authorizedSchool<R extends RouteSpec>(
  req: Req<R>,
  refusal: string,
  ...[object]: School extends ObjectOf<ActionOf<R>> ? [ObjectFrom<R>?] : [ObjectFrom<R>]
): Promise<School> {
  const school = await schoolOf(req);
  req.authorize(object ? object(school) : (school as unknown as ObjectOf<ActionOf<R>>), refusal);
  return school;
}

/**
 * The school of the path, with the route's action on the school itself; whoever has no standing
 * there (a parent, another school's staff) learns nothing: 404, as for a school of another
 * department. Those with standing (the school's staff, and whoever `standing` adds) hear why (403).
 */
export async function schoolOrHidden(
  req: Pick<Req, 'principal' | 'params'> & { readonly allowed: (object: SchoolObject) => boolean },
  refusal: string,
  standing: (p: Principal, o: SchoolObject) => boolean = () => false,
): Promise<School> {
  const school = await schoolOf(req);
  const object = { departmentId: school.departmentId, schoolId: school.schoolId };
  if (req.allowed(object)) return school;
  throw schoolStaff(req.principal, object) || standing(req.principal, object) ? new ForbiddenError(refusal) : new NotFoundError('Школа не найдена.');
}

/** An object for a class of the path's school. */
export function classOfSchool(classId: string) {
  return (s: School) => ({ departmentId: s.departmentId, schoolId: s.schoolId, classId });
}

/** The year of the path, named by the year it starts in. */
export function yearIdOf(req: Pick<Req, 'params'>): string {
  const yearId = req.params.yearId!;
  if (!YEAR_ID_RE.test(yearId)) throw new BadRequestError('Учебный год обозначается годом его начала, например 2026.');
  return yearId;
}

/**
 * The preamble of every check route, on screen and as the справка's PDF (functions/report-files):
 * the school of the path, then the route's action on it. Somebody who is not of the school's staff
 * learns nothing (404, as for a school of another department); the school's other staff are told why (403).
 */
import type { SchoolObject } from '../../shared/auth/policy';
import { CHECK_REFUSAL } from '../../shared/auth/rules/reports';
import { schoolStaff } from '../../shared/auth/rules/common';
import { ForbiddenError, NotFoundError } from '../../shared/errors';
import type { School } from '../../shared/repos/school';
import type { Req } from '../http/area';
import { schoolOf } from '../http/school';

type Checking = Pick<Req, 'principal' | 'params'> & { readonly allowed: (object: SchoolObject) => boolean };

export async function checkSchool(req: Checking): Promise<School> {
  const school = await schoolOf(req);
  const object = { departmentId: school.departmentId, schoolId: school.schoolId };
  if (!req.allowed(object)) throw schoolStaff(req.principal, object) ? new ForbiddenError(CHECK_REFUSAL) : new NotFoundError('Школа не найдена.');
  return school;
}

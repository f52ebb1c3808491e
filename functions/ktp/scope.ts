/**
 * The KTP named in the path, authorised for the route's action: shared by the ktp area and the
 * ktp-import function.
 */
import type { ObjectOf } from '../../shared/auth/policy';
import { ktpScope } from '../../shared/services/ktp-plan';
import type { Authorizing } from '../http/area';
import { schoolOf } from '../http/school';

export const WRITE_KTP = 'КТП составляет учитель, который ведёт этот предмет в классе, или заместитель директора.';

export async function ktpOf(req: Authorizing<ObjectOf<'ktp.read'>>, refusal: string) {
  const school = await schoolOf(req);
  const scope = await ktpScope(school, {
    yearId: req.params.yearId!,
    classId: req.params.classId!,
    subjectId: req.params.subjectId!,
    groupId: req.params.groupId!,
  });
  req.authorize(scope.object, refusal);
  return scope;
}

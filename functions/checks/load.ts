/**
 * The preamble of every check route, on screen and as the справка's PDF (functions/report-files):
 * the school of the path, then the route's action on it. Somebody who is not of the school's staff
 * learns nothing (404, as for a school of another department); the school's other staff are told why (403).
 */
import { CHECK_REFUSAL } from '../../shared/auth/rules/reports';
import type { School } from '../../shared/repos/school';
import { schoolOrHidden } from '../http/school';

export function checkSchool(req: Parameters<typeof schoolOrHidden>[0]): Promise<School> {
  return schoolOrHidden(req, CHECK_REFUSAL);
}

/** What each checks screen's load does: the person, the school of the address they may check, then the screen's data. */
import { error } from '@sveltejs/kit';
import { orFail, requireMe } from '../session';
import { CHECKS_TEXT, checksSchool } from './checks';

export async function loadChecks<T>(url: URL, read: (schoolId: string) => Promise<T>) {
  const me = await requireMe(url);
  const schoolId = checksSchool(me, url.searchParams.get('school'));
  if (!schoolId) error(403, CHECKS_TEXT.denied);
  return { me, schoolId, ...(await orFail(url, () => read(schoolId))) };
}

/**
 * What each report screen's load does: the signed-in person, the school of the address, then the
 * report of the class and period in the path (its error page says why when it is refused), and the
 * addresses of its files.
 */
import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { orFail, requireMe } from '$lib/session';
import { reportFiles, REPORTS_TEXT } from './reports';

export async function loadReport<T>(url: URL, params: { classId: string; periodId: string }, read: (schoolId: string, classId: string, periodId: string) => Promise<T>) {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId) error(403, REPORTS_TEXT.denied);
  const report = await orFail(url, () => read(schoolId, params.classId, params.periodId));
  return { me, schoolId, classId: params.classId, periodId: params.periodId, report, files: reportFiles(schoolId, params.classId, params.periodId) };
}

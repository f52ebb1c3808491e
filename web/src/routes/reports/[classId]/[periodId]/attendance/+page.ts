import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { reportsApi, REPORTS_TEXT } from '$lib/reports/reports';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId) error(403, REPORTS_TEXT.denied);
  const report = await orFail(url, () => reportsApi.attendance(schoolId, params.classId, params.periodId));
  return { me, schoolId, classId: params.classId, periodId: params.periodId, report };
};

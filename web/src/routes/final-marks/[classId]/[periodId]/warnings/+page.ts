import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { finalMarksApi } from '$lib/period-marks/marks';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId) error(403, 'Предупреждения по классу доступны только учителям и администрации школы.');
  const warnings = await orFail(url, () => finalMarksApi.classWarnings(schoolId, params.classId, params.periodId));
  return { me, schoolId, classId: params.classId, periodId: params.periodId, warnings };
};

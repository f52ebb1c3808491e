import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { finalMarksApi } from '$lib/period-marks/marks';
import { mayMe, schoolObject } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId || !mayMe(me, 'finalMark.readSchoolWarnings', schoolObject(me, schoolId))) {
    error(403, 'Предупреждения по всей школе доступны директору и заместителю директора.');
  }
  const period = url.searchParams.get('period') ?? undefined;
  const warnings = await orFail(url, () => finalMarksApi.schoolWarnings(schoolId, period));
  return { me, schoolId, warnings };
};

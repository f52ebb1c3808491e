import { finalMarksApi } from '$lib/period-marks/marks';
import { mayMe, schoolObject } from '$lib/policy';
import { journalPerson } from '$lib/journal/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId } = await journalPerson(url, 'Предупреждения по всей школе доступны директору и заместителю директора.', (who, id) => mayMe(who, 'finalMark.readSchoolWarnings', schoolObject(who, id)));
  const period = url.searchParams.get('period') ?? undefined;
  const warnings = await orFail(url, () => finalMarksApi.schoolWarnings(schoolId, period));
  return { me, schoolId, warnings };
};

import { surveysApi } from '$lib/surveys/api';
import { surveyScreen } from '$lib/surveys/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId, found: list } = await surveyScreen(url, (sch) => surveysApi.list(sch));
  const leads = me.grants.some((g) => g.role === 'classTeacher' && g.schoolId === schoolId);
  return { me, schoolId, list, leads };
};

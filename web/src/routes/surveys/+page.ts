import { error } from '@sveltejs/kit';
import { schoolOfScreen } from '$lib/messages/school';
import { orFail, requireMe } from '$lib/session';
import { surveysApi, SURVEYS_TEXT } from '$lib/surveys/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfScreen(me, url);
  if (!schoolId) error(403, SURVEYS_TEXT.nobody);
  const list = await orFail(url, () => surveysApi.list(schoolId));
  const leads = me.grants.some((g) => g.role === 'classTeacher' && g.schoolId === schoolId);
  return { me, schoolId, list, leads };
};

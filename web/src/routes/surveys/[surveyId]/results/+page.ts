import { error } from '@sveltejs/kit';
import { schoolOfScreen } from '$lib/messages/school';
import { orFail, requireMe } from '$lib/session';
import { surveysApi, surveysPaths, SURVEYS_TEXT } from '$lib/surveys/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfScreen(me, url);
  if (!schoolId) error(403, SURVEYS_TEXT.nobody);
  const results = await orFail(url, () => surveysApi.results(schoolId, params.surveyId));
  return { me, schoolId, results, trail: [{ title: SURVEYS_TEXT.title, href: surveysPaths.list(schoolId) }] };
};

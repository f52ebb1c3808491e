import { surveysApi, surveysPaths, SURVEYS_TEXT } from '$lib/surveys/api';
import { surveyScreen } from '$lib/surveys/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const { me, schoolId, found: results } = await surveyScreen(url, (sch) => surveysApi.results(sch, params.surveyId));
  return { me, schoolId, results, trail: [{ title: SURVEYS_TEXT.title, href: surveysPaths.list(schoolId) }] };
};

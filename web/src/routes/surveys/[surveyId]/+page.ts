import { surveysApi, surveysPaths, SURVEYS_TEXT } from '$lib/surveys/api';
import { surveyScreen } from '$lib/surveys/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const { me, schoolId, found: view } = await surveyScreen(url, (sch) => surveysApi.get(sch, params.surveyId));
  return { me, schoolId, view, trail: [{ title: SURVEYS_TEXT.title, href: surveysPaths.list(schoolId) }] };
};

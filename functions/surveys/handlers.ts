/**
 * Parent surveys (issue 12, item 3): the list, creating one for a class, answering and the results.
 * A survey that is not the caller's is a 404, the same as one that does not exist.
 */
import type { SurveyObject } from '../../shared/auth/rules/messages';
import { hasSchoolRole } from '../../shared/auth/roles';
import { NotFoundError } from '../../shared/errors';
import { getClass } from '../../shared/repos/school';
import * as surveys from '../../shared/services/surveys';
import { handlersOf, type Req } from '../http/area';
import { authorizedSchool, classOfSchool, schoolOf } from '../http/school';
import { surveyRoutes } from './routes';

const handler = handlersOf(surveyRoutes);

export const listSurveys = handler('listSurveys', async (req) => {
  const school = await authorizedSchool(req, 'Опросы проводят классные руководители среди родителей своего класса.');
  return { body: await surveys.listSurveys(req.principal, school, req.now) };
});

export const createSurvey = handler('createSurvey', async (req) => {
  const school = await authorizedSchool(req, 'Опрос родителей класса проводит его классный руководитель.', classOfSchool(req.params.classId!));
  const cls = await getClass(school.schoolId, req.params.classId!);
  if (!cls) throw new NotFoundError('Класс не найден.');
  return { status: 201, body: { survey: await surveys.createSurvey(req.principal, school, cls, req.body, req.now) } };
});

/** The survey of the path, if the route's action allows it on it; 404 otherwise. */
async function loaded(req: Pick<Req, 'principal' | 'params'> & { readonly allowed: (o: SurveyObject) => boolean }) {
  const school = await schoolOf(req);
  const { survey, access } = await surveys.loadSurvey(req.principal, school, req.params.surveyId!);
  if (!survey || !req.allowed(access)) throw new NotFoundError(surveys.NO_SURVEY);
  return { school, survey, access };
}

export const getSurvey = handler('getSurvey', async (req) => {
  const { school, survey, access } = await loaded(req);
  const asParent = hasSchoolRole(req.principal, school.schoolId, 'parent') && access.askerChildClassIds.includes(survey.classId);
  return { body: await surveys.surveyView(req.principal, survey, asParent, req.now) };
});

export const answerSurvey = handler('answerSurvey', async (req) => {
  const { school, survey } = await loaded(req);
  return { body: await surveys.answerSurvey(req.principal, school, survey, req.body, req.now) };
});

export const getResults = handler('getResults', async (req) => {
  const { survey } = await loaded(req);
  return { body: await surveys.surveyResults(survey, req.now) };
});

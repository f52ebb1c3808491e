import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

const SCHOOL = '/api/schools/{schoolId}';
const SURVEY = `${SCHOOL}/surveys/{surveyId}`;

export const surveyRoutes = [
  { method: 'GET', path: `${SCHOOL}/surveys`, area: 'surveys', handler: 'listSurveys', permission: 'survey.list', summary: 'Опросы: которые проводит классный руководитель и на которые приглашён родитель', response: schemas.listResponse },
  { method: 'POST', path: `${SCHOOL}/classes/{classId}/surveys`, area: 'surveys', handler: 'createSurvey', permission: 'survey.create', summary: 'Опрос родителей класса (п. 5): вопросы с одним, несколькими вариантами или свободным ответом; анонимный или нет; закрывается в указанное время', body: schemas.createBody, response: schemas.createResponse, successStatus: 201 },
  { method: 'GET', path: SURVEY, area: 'surveys', handler: 'getSurvey', permission: 'survey.read', summary: 'Опрос с вопросами и собственным ответом родителя', response: schemas.surveyResponse },
  { method: 'PUT', path: `${SURVEY}/answer`, area: 'surveys', handler: 'answerSurvey', permission: 'survey.answer', summary: 'Ответить на опрос или изменить ответ (с версией) до его закрытия', body: schemas.answerBody, response: schemas.surveyResponse },
  { method: 'GET', path: `${SURVEY}/results`, area: 'surveys', handler: 'getResults', permission: 'survey.results', summary: 'Итоги опроса: по вариантам и таблица ответов (у анонимного — без имён)', response: schemas.resultsResponse },
] as const satisfies readonly RouteSpec[];

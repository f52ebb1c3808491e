import type { RouteSpec } from '../route-spec';
import { versionQuery } from '../schemas';
import * as schemas from './schemas';

const SCHOOL = '/api/schools/{schoolId}';
const STUDENT = `${SCHOOL}/students/{studentId}/diary`;

export const diaryRoutes = [
  { method: 'GET', path: `${STUDENT}/week`, area: 'diary', handler: 'getDiaryWeek', permission: 'diary.readOwn', summary: 'Дневник: неделя ученика (?from= — любой день недели) — уроки с изменениями расписания, темы, домашние задания, отметки с видами работ и весами, посещаемость, каникулы и мероприятия', query: schemas.weekQuery, response: schemas.weekResponse },
  { method: 'GET', path: `${STUDENT}/subjects/{subjectId}`, area: 'diary', handler: 'getDiarySubject', permission: 'diary.readOwn', summary: 'Дневник: предмет за период (?period=, ?class= — класс прошлого года) — все отметки, средний балл с объяснением, расчётная отметка, отметки за период и год с причинами, предупреждения, уроки с темами и заданиями', query: schemas.subjectQuery, response: schemas.subjectResponse },
  { method: 'GET', path: `${STUDENT}/years`, area: 'diary', handler: 'getStudentYears', permission: 'diary.readOwn', summary: 'Учебные годы ученика (классы по приказам о движении) с их периодами: история дневника и отметок за все годы', response: schemas.yearsResponse },
  { method: 'GET', path: `${STUDENT}/events`, area: 'diary', handler: 'getStudentEvents', permission: 'diary.readOwn', summary: 'Мероприятия для ученика: всей школы, его параллели и класса, и каникулы в эти дни (?from=&to=)', query: schemas.eventsQuery, response: schemas.studentEventsResponse },
  { method: 'GET', path: `${SCHOOL}/events`, area: 'diary', handler: 'listSchoolEvents', permission: 'event.list', summary: 'Мероприятия школы за период (?from=&to=): для работников школы', query: schemas.eventsQuery, response: schemas.eventsResponse },
  { method: 'POST', path: `${SCHOOL}/events`, area: 'diary', handler: 'createEvent', permission: 'event.write', summary: 'Опубликовать мероприятие: дата, время, место, для кого (вся школа, параллель, класс)', body: schemas.eventBody, response: schemas.eventResponse, successStatus: 201 },
  { method: 'PUT', path: `${SCHOOL}/events/{eventId}`, area: 'diary', handler: 'updateEvent', permission: 'event.write', summary: 'Изменить мероприятие (с версией, с которой начато изменение)', body: schemas.eventUpdateBody, response: schemas.eventResponse },
  { method: 'DELETE', path: `${SCHOOL}/events/{eventId}`, area: 'diary', handler: 'deleteEvent', permission: 'event.write', summary: 'Удалить мероприятие (?version=)', query: versionQuery(), successStatus: 204 },
] as const satisfies readonly RouteSpec[];

import type { RouteSpec } from '../route-spec';
import { versionQuery } from '../schemas';
import * as schemas from './schemas';

const year = '/api/schools/{schoolId}/years/{yearId}';
const ktp = `${year}/ktp/{classId}/{subjectId}/{groupId}`;
const assessment = `${year}/assessments/{classId}/{date}/{subjectId}`;

export const ktpRoutes = [
  { method: 'GET', path: `${year}/ktp`, area: 'ktp', handler: 'listMyKtps', permission: 'ktp.listOwn', summary: 'Мои КТП на учебный год с проверкой часов', response: schemas.ktpListResponse },
  { method: 'GET', path: `${year}/classes/{classId}/ktp`, area: 'ktp', handler: 'listClassKtpsOfYear', permission: 'ktp.listClass', summary: 'КТП всех предметов класса с проверкой часов', response: schemas.ktpListResponse },
  { method: 'GET', path: ktp, area: 'ktp', handler: 'getKtp', permission: 'ktp.read', summary: 'КТП класса по предмету (подгруппе)', response: schemas.ktpResponse },
  { method: 'PUT', path: ktp, area: 'ktp', handler: 'putKtp', permission: 'ktp.write', summary: 'Сохранить темы КТП', body: schemas.saveKtpBody, response: schemas.ktpResponse },
  { method: 'POST', path: `${ktp}/approve`, area: 'ktp', handler: 'approveKtpPlan', permission: 'ktp.approve', summary: 'Утвердить КТП', body: schemas.approveKtpBody, response: schemas.ktpResponse },
  { method: 'POST', path: `${ktp}/reopen`, area: 'ktp', handler: 'reopenKtpPlan', permission: 'ktp.approve', summary: 'Вернуть КТП на доработку', body: schemas.reopenKtpBody, response: schemas.ktpResponse },
  { method: 'GET', path: `${year}/assessments`, area: 'ktp', handler: 'getAssessmentSchedule', permission: 'assessment.read', summary: 'График оценочных процедур на полугодие (класс или вся школа)', query: schemas.scheduleQuery, response: schemas.assessmentScheduleResponse },
  { method: 'POST', path: `${year}/assessments`, area: 'ktp', handler: 'postAssessment', permission: 'assessment.write', summary: 'Добавить оценочную процедуру в график', body: schemas.createAssessmentBody, response: schemas.assessmentSavedResponse, successStatus: 201 },
  { method: 'PUT', path: assessment, area: 'ktp', handler: 'putAssessment', permission: 'assessment.write', summary: 'Изменить или перенести оценочную процедуру', body: schemas.updateAssessmentBody, response: schemas.assessmentSavedResponse },
  { method: 'DELETE', path: assessment, area: 'ktp', handler: 'deleteAssessmentEntry', permission: 'assessment.write', summary: 'Удалить оценочную процедуру из графика', query: versionQuery(), successStatus: 204 },
] as const satisfies readonly RouteSpec[];

import type { RouteSpec } from '../route-spec';
import { waitingResponse } from './count-schemas';
import * as schemas from './schemas';

const SCHOOL = '/api/schools/{schoolId}';
const REGISTER = `${SCHOOL}/years/{yearId}/corrections`;

export const correctionRoutes = [
  { method: 'POST', path: `${SCHOOL}/classes/{classId}/corrections`, area: 'corrections', handler: 'fileCorrection', permission: 'correction.file', summary: 'Подать заявку на корректировку журнала после блокировки (п. 7.1, 7.2): основание, документ, ячейки', body: schemas.fileBody, response: schemas.correctionResponse, successStatus: 201 },
  { method: 'GET', path: REGISTER, area: 'corrections', handler: 'listCorrections', permission: 'correction.list', summary: 'Журнал регистрации заявок на корректировку за учебный год (?state=, ?classId=)', query: schemas.registerQuery, response: schemas.registerResponse },
  { method: 'GET', path: `${REGISTER}/{number}`, area: 'corrections', handler: 'getCorrection', permission: 'correction.read', summary: 'Заявка на корректировку по номеру', response: schemas.correctionResponse },
  { method: 'POST', path: `${REGISTER}/{number}/decision`, area: 'corrections', handler: 'decideCorrection', permission: 'correction.decide', summary: 'Решение директора: разрешить, отклонить или направить в управление образования (п. 7.2, 7.5)', body: schemas.decisionBody, response: schemas.correctionResponse },
  { method: 'POST', path: `${REGISTER}/{number}/department-decision`, area: 'corrections', handler: 'recordDepartmentDecision', permission: 'correction.recordDepartment', summary: 'Решение управления образования по спорной заявке с документом (п. 7.5)', body: schemas.departmentDecisionBody, response: schemas.correctionResponse },
  { method: 'POST', path: `${REGISTER}/{number}/entry`, area: 'corrections', handler: 'enterCorrection', permission: 'correction.enter', summary: 'Внести разрешённую заявку в журнал (п. 7.4, 3.11): ячейки и значения ровно как в заявке, в пределах срока; ответственный заместитель директора', body: schemas.entryBody, response: schemas.correctionResponse },
  { method: 'POST', path: `${SCHOOL}/classes/{classId}/absence-documents`, area: 'corrections', handler: 'enterAbsenceDocument', permission: 'absenceDocument.enter', summary: 'Классный руководитель: документ о причине пропусков (п. 3.7) — причина всех пропусков обучающегося за период по всем предметам, в течение 2 рабочих дней от даты документа', body: schemas.absenceDocumentBody, response: schemas.absenceDocumentResponse, successStatus: 201 },
  { method: 'GET', path: `${SCHOOL}/classes/{classId}/absence-documents`, area: 'corrections', handler: 'listAbsenceDocuments', permission: 'absenceDocument.list', summary: 'Документы о причинах пропусков класса за учебный год (?studentId=)', query: schemas.absenceDocumentsQuery, response: schemas.absenceDocumentsResponse },
  { method: 'GET', path: `${SCHOOL}/corrections/waiting`, area: 'corrections', handler: 'correctionsWaiting', permission: 'correction.list', summary: 'Сколько заявок на корректировку ждут вызывающего: решения директора, управления образования, внесения; решения по его заявкам за 7 дней (уведомления)', response: waitingResponse },
] as const satisfies readonly RouteSpec[];

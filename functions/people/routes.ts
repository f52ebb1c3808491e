import type { RouteSpec } from '../route-spec';
import { dateRangeQuery, versionQuery } from '../schemas';
import * as s from './schemas';

const S = '/api/schools/{schoolId}';

export const peopleRoutes = [
  // Classes
  { method: 'POST', path: `${S}/classes`, area: 'people', handler: 'createClass', permission: 'class.write', summary: 'Создать класс', body: s.createClassBody, response: s.classResponse, successStatus: 201 },
  { method: 'GET', path: `${S}/classes/{classId}`, area: 'people', handler: 'getClassPage', permission: 'class.read', summary: 'Класс: классный руководитель и список с согласиями и доступом', response: s.classPageResponse },
  { method: 'PATCH', path: `${S}/classes/{classId}`, area: 'people', handler: 'updateClass', permission: 'class.write', summary: 'Назначить или снять классного руководителя', body: s.updateClassBody, response: s.classResponse },
  // Students, parents, consent
  { method: 'POST', path: `${S}/students`, area: 'people', handler: 'createStudent', permission: 'student.create', summary: 'Новый обучающийся (личная карточка, учётная запись, зачисление)', body: s.createStudentBody, response: s.cardResponse, successStatus: 201 },
  { method: 'GET', path: `${S}/students/{studentId}/card`, area: 'people', handler: 'getStudentFull', permission: 'student.readFull', summary: 'Личная карточка полностью: согласие, родители, движение', response: s.studentFullResponse },
  { method: 'PATCH', path: `${S}/students/{studentId}`, area: 'people', handler: 'updateStudent', permission: 'student.update', summary: 'Изменить личную карточку', body: s.updateStudentBody, response: s.cardResponse },
  { method: 'POST', path: `${S}/students/{studentId}/consent`, area: 'people', handler: 'recordConsent', permission: 'student.recordConsent', summary: 'Записать письменное согласие на обработку персональных данных', body: s.consentBody, response: s.cardResponse },
  { method: 'POST', path: `${S}/students/{studentId}/parents`, area: 'people', handler: 'linkParent', permission: 'student.update', summary: 'Привязать родителя (законного представителя)', body: s.linkParentBody, response: s.linkParentResponse, successStatus: 201 },
  { method: 'DELETE', path: `${S}/students/{studentId}/parents/{userId}`, area: 'people', handler: 'unlinkParent', permission: 'student.update', summary: 'Отвязать родителя (версия карточки в ?version=)', query: versionQuery(0), response: s.cardResponse },
  { method: 'GET', path: `${S}/parents`, area: 'people', handler: 'searchParents', permission: 'parent.search', summary: 'Поиск родителей школы по началу фамилии', query: s.parentSearchQuery, response: s.parentSearchResponse },
  // Movement
  { method: 'POST', path: `${S}/students/{studentId}/movements`, area: 'people', handler: 'recordMovement', permission: 'student.move', summary: 'Записать движение: зачисление, перевод, выбытие, окончание', body: s.movementBody, response: s.movementResponse, successStatus: 201 },
  { method: 'GET', path: `${S}/movements`, area: 'people', handler: 'listMovements', permission: 'movement.read', summary: 'Движение обучающихся школы за период', query: dateRangeQuery, response: s.movementListResponse },
  // Staff and temporary access
  { method: 'GET', path: `${S}/staff`, area: 'people', handler: 'listStaff', permission: 'staff.read', summary: 'Сотрудники школы', response: s.staffListResponse },
  { method: 'POST', path: `${S}/staff`, area: 'people', handler: 'createStaff', permission: 'staff.write', summary: 'Новый сотрудник', body: s.createStaffBody, response: s.staffResponse, successStatus: 201 },
  { method: 'PATCH', path: `${S}/staff/{userId}`, area: 'people', handler: 'updateStaff', permission: 'staff.write', summary: 'Изменить сотрудника: должность, даты работы, роли', body: s.updateStaffBody, response: s.staffResponse },
  { method: 'POST', path: `${S}/temporary-access`, area: 'people', handler: 'grantTemporaryAccess', permission: 'access.grantTemporary', summary: 'Временный доступ по письменному заявлению', body: s.temporaryAccessBody, response: s.staffResponse, successStatus: 201 },
] as const satisfies readonly RouteSpec[];

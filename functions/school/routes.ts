import type { RouteSpec } from '../route-spec';
import * as dep from './department-schemas';
import * as schemas from './schemas';

export const schoolRoutes = [
  { method: 'GET', path: '/api/schools/{schoolId}', area: 'school', handler: 'getSchoolInfo', permission: 'school.read', summary: 'Школа', response: schemas.schoolResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/classes', area: 'school', handler: 'listClasses', permission: 'class.list', summary: 'Классы школы', response: schemas.classListResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/students', area: 'school', handler: 'listStudents', permission: 'class.readRoster', summary: 'Список класса', response: schemas.studentListResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/students/{studentId}', area: 'school', handler: 'getStudentCardInfo', permission: 'student.readCard', summary: 'Личная карточка обучающегося', response: schemas.studentCardResponse },
  { method: 'GET', path: '/api/departments/{departmentId}/settings', area: 'school', handler: 'getDepartmentSettings', permission: 'department.readSettings', summary: 'Настройки управления образования', response: schemas.departmentSettingsResponse },
  // Bringing schools into service (issue 9): the department specialist opens a school and appoints its first administrator.
  { method: 'GET', path: '/api/departments/{departmentId}/schools', area: 'school', handler: 'listDepartmentSchools', permission: 'school.listOfDepartment', summary: 'Школы управления образования', response: dep.departmentSchoolsResponse },
  { method: 'POST', path: '/api/departments/{departmentId}/schools', area: 'school', handler: 'createSchool', permission: 'school.create', summary: 'Новая школа', body: dep.newSchoolBody, response: dep.newSchoolResponse, successStatus: 201 },
  { method: 'POST', path: '/api/departments/{departmentId}/schools/{schoolId}/administrators', area: 'school', handler: 'appointAdministrator', permission: 'school.appointAdministrator', summary: 'Первый администратор школы и его код активации', body: dep.appointAdministratorBody, response: dep.appointedResponse, successStatus: 201 },
  { method: 'POST', path: '/api/departments/{departmentId}/inspectors', area: 'school', handler: 'grantInspectorAccess', permission: 'department.grantInspector', summary: 'Инспектор управления: просмотр школ по заявлению и код активации', body: dep.inspectorBody, response: dep.appointedResponse, successStatus: 201 },
] as const satisfies readonly RouteSpec[];

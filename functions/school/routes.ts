import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

export const schoolRoutes = [
  { method: 'GET', path: '/api/schools/{schoolId}', area: 'school', handler: 'getSchoolInfo', permission: 'school.read', summary: 'Школа', response: schemas.schoolResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/classes', area: 'school', handler: 'listClasses', permission: 'class.list', summary: 'Классы школы', response: schemas.classListResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/students', area: 'school', handler: 'listStudents', permission: 'class.readRoster', summary: 'Список класса', response: schemas.studentListResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/students/{studentId}', area: 'school', handler: 'getStudentCardInfo', permission: 'student.readCard', summary: 'Личная карточка обучающегося', response: schemas.studentCardResponse },
  { method: 'GET', path: '/api/departments/{departmentId}/settings', area: 'school', handler: 'getDepartmentSettings', permission: 'department.readSettings', summary: 'Настройки управления образования', response: schemas.departmentSettingsResponse },
] as const satisfies readonly RouteSpec[];

import type { RouteSpec } from '../route-spec';
import { versionQuery } from '../schemas';
import * as schemas from './schemas';

const year = '/api/schools/{schoolId}/years/{yearId}';
const classPeriod = '/api/schools/{schoolId}/classes/{classId}/periods/{periodId}';

export const curriculumRoutes = [
  { method: 'GET', path: '/api/schools/{schoolId}/subjects', area: 'curriculum', handler: 'listSubjectsOfSchool', permission: 'curriculum.read', summary: 'Предметы школы', response: schemas.subjectListResponse },
  { method: 'POST', path: '/api/schools/{schoolId}/subjects', area: 'curriculum', handler: 'createSubject', permission: 'curriculum.manage', summary: 'Добавить предмет', body: schemas.subjectBody, response: schemas.subjectResponse, successStatus: 201 },
  { method: 'PUT', path: '/api/schools/{schoolId}/subjects/{subjectId}', area: 'curriculum', handler: 'updateSubject', permission: 'curriculum.manage', summary: 'Изменить предмет', body: schemas.subjectUpdateBody, response: schemas.subjectResponse },
  { method: 'GET', path: `${year}/curriculum`, area: 'curriculum', handler: 'getCurriculum', permission: 'curriculum.read', summary: 'Учебный план года: классы, предметы, часы, учителя', response: schemas.curriculumResponse },
  { method: 'PUT', path: `${year}/curriculum/{classId}/{subjectId}`, area: 'curriculum', handler: 'setCurriculumLine', permission: 'curriculum.manage', summary: 'Задать часы и учителя (или учителей подгрупп) предмета в классе', body: schemas.loadLineBody, response: schemas.loadLineResponse },
  { method: 'DELETE', path: `${year}/curriculum/{classId}/{subjectId}`, area: 'curriculum', handler: 'deleteCurriculumLine', permission: 'curriculum.manage', summary: 'Убрать предмет из учебного плана класса', query: versionQuery() },
  { method: 'GET', path: `${year}/teachers/{teacherId}/load`, area: 'curriculum', handler: 'getTeacherLoad', permission: 'load.readOfTeacher', summary: 'Нагрузка учителя: его классы, предметы и подгруппы', response: schemas.teacherLoadResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/periods', area: 'curriculum', handler: 'listPeriodsOfClass', permission: 'curriculum.read', summary: 'Учебные периоды класса (его параллели)', response: schemas.classPeriodsResponse },
  { method: 'GET', path: `${classPeriod}/subgroups`, area: 'curriculum', handler: 'getSubgroups', permission: 'subgroups.read', summary: 'Подгруппы класса в учебном периоде', response: schemas.subgroupsResponse },
  { method: 'PUT', path: `${classPeriod}/subgroups/{subjectId}`, area: 'curriculum', handler: 'saveSubgroups', permission: 'subgroups.manage', summary: 'Состав подгрупп класса по предмету на период', body: schemas.subgroupsBody, response: schemas.subgroupsSaveResponse },
  { method: 'GET', path: `${classPeriod}/substitutes`, area: 'curriculum', handler: 'listSubstitutes', permission: 'substitute.read', summary: 'Замены учителей в классе за период', response: schemas.substitutesResponse },
  { method: 'POST', path: `${classPeriod}/substitutes`, area: 'curriculum', handler: 'createSubstitute', permission: 'substitute.manage', summary: 'Назначить замену на даты', body: schemas.substituteBody, response: schemas.substituteResponse, successStatus: 201 },
  { method: 'DELETE', path: `${classPeriod}/substitutes/{substituteId}`, area: 'curriculum', handler: 'deleteSubstitute', permission: 'substitute.manage', summary: 'Отменить замену', query: versionQuery() },
] as const satisfies readonly RouteSpec[];

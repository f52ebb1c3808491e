import * as z from 'zod';
import type { RouteSpec } from '../route-spec';
import { dateRangeQueryWith, idParam, versionQuery } from '../schemas';
import * as schemas from './schemas';

const tt = '/api/schools/{schoolId}/years/{yearId}/timetable';

export const timetableRoutes = [
  { method: 'GET', path: `${tt}/classes/{classId}`, area: 'timetable', handler: 'getClassTimetable', permission: 'timetable.read', summary: 'Расписание класса на неделю', response: schemas.classTimetableResponse },
  { method: 'GET', path: `${tt}/teachers/{teacherId}`, area: 'timetable', handler: 'getTeacherTimetable', permission: 'timetable.read', summary: 'Расписание учителя на неделю', response: schemas.teacherTimetableResponse },
  { method: 'POST', path: `${tt}/slots`, area: 'timetable', handler: 'createSlot', permission: 'timetable.manage', summary: 'Поставить урок в расписание', body: schemas.slotBody, response: schemas.slotResponse, successStatus: 201 },
  { method: 'PUT', path: `${tt}/slots/{slotId}`, area: 'timetable', handler: 'updateSlot', permission: 'timetable.manage', summary: 'Изменить или передвинуть урок расписания', body: schemas.slotUpdateBody, response: schemas.slotResponse },
  { method: 'DELETE', path: `${tt}/slots/{slotId}`, area: 'timetable', handler: 'deleteSlot', permission: 'timetable.manage', summary: 'Убрать урок из расписания', query: versionQuery() },
  { method: 'GET', path: `${tt}/changes`, area: 'timetable', handler: 'listTimetableChanges', permission: 'timetable.read', summary: 'Изменения расписания за даты (по умолчанию неделя назад и месяц вперёд), всей школы или класса', query: dateRangeQueryWith({ classId: idParam('Класс').optional() }), response: schemas.changesResponse },
  { method: 'POST', path: `${tt}/changes`, area: 'timetable', handler: 'createTimetableChange', permission: 'timetable.manage', summary: 'Отменить, перенести урок или заменить учителя на дату', body: schemas.changeBody, response: schemas.changeCreatedResponse, successStatus: 201 },
  { method: 'DELETE', path: `${tt}/changes/{changeId}`, area: 'timetable', handler: 'deleteTimetableChange', permission: 'timetable.manage', summary: 'Удалить изменение расписания', query: versionQuery(), response: schemas.changeDeletedResponse },
  { method: 'POST', path: '/api/schools/{schoolId}/years/{yearId}/lessons/generate', area: 'timetable', handler: 'generateLessons', permission: 'lesson.generate', summary: 'Сформировать уроки журнала из расписания на период', body: schemas.generateBody, response: schemas.generateResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/periods/{periodId}/lessons', area: 'timetable', handler: 'listLessonsOfClass', permission: 'lesson.readOfClass', summary: 'Уроки класса за период (всех предметов или одного)', query: z.object({ subjectId: idParam('Предмет').optional() }), response: schemas.lessonsResponse },
] as const satisfies readonly RouteSpec[];

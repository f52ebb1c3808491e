import * as z from 'zod';
import type { RouteSpec } from '../route-spec';
import { dateRangeQuery, idParam, versionQuery } from '../schemas';
import * as schemas from './schemas';

const PERIOD = '/api/schools/{schoolId}/classes/{classId}/periods/{periodId}';
const SUBJECT = `${PERIOD}/subjects/{subjectId}`;

export const journalRoutes = [
  { method: 'GET', path: '/api/schools/{schoolId}/journal', area: 'journal', handler: 'listMyJournals', permission: 'journal.listMine', summary: 'Мои классы и предметы в журнале', response: schemas.myJournalsResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/journal/today', area: 'journal', handler: 'getMyDay', permission: 'journal.listMine', summary: 'Мои уроки сегодня: расписание с изменениями и заменами, заполнение каждого урока', response: schemas.teacherDayResponse },
  { method: 'GET', path: `${SUBJECT}/journal`, area: 'journal', handler: 'getJournalPage', permission: 'journal.read', summary: 'Страница журнала: класс, предмет (или его подгруппа), период', query: z.object({ group: idParam('Подгруппа').optional() }), response: schemas.journalPageResponse },
  { method: 'GET', path: `${SUBJECT}/ktp-topics`, area: 'journal', handler: 'getKtpTopics', permission: 'journal.read', summary: 'Темы уроков страницы журнала из утверждённого КТП', query: z.object({ group: idParam('Подгруппа').optional() }), response: schemas.ktpTopicsResponse },
  { method: 'PUT', path: `${SUBJECT}/marks`, area: 'journal', handler: 'putMark', permission: 'journal.write', summary: 'Поставить, изменить или удалить отметку', body: schemas.markBody, response: schemas.markResponse, callerAccount: 'inBatch' },
  { method: 'PUT', path: `${SUBJECT}/attendance`, area: 'journal', handler: 'putAttendance', permission: 'journal.write', summary: 'Отметить пропуск или опоздание', body: schemas.attendanceBody, response: schemas.attendanceResponse, callerAccount: 'inBatch' },
  { method: 'PUT', path: `${SUBJECT}/lessons/{lessonId}`, area: 'journal', handler: 'putLesson', permission: 'journal.write', summary: 'Тема урока, изученное, виды работ, домашнее задание', body: schemas.lessonBody, response: schemas.lessonResponse, callerAccount: 'inBatch' },
  { method: 'PUT', path: `${SUBJECT}/absence-reasons`, area: 'journal', handler: 'putAbsenceReason', permission: 'journal.correctReason', summary: 'Исправить причину пропуска по документу (классный руководитель)', body: schemas.reasonBody, response: schemas.attendanceResponse, callerAccount: 'inBatch' },
  { method: 'GET', path: `${PERIOD}/change-log`, area: 'journal', handler: 'getChangeLog', permission: 'journal.readChangeLog', summary: 'Журнал изменений класса за период (всех предметов или одного) с проверкой целостности', query: schemas.changeLogQuery, response: schemas.changeLogResponse },
  { method: 'POST', path: `${PERIOD}/rosters`, area: 'journal', handler: 'buildRosters', permission: 'journal.buildRosters', summary: 'Сформировать списки класса по предметам на период', response: schemas.rostersResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/lessons-check', area: 'journal', handler: 'getClassDay', permission: 'journal.classDay', summary: 'Заполнение журнала класса за день или несколько дней', query: dateRangeQuery, response: schemas.classDayResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/external-assessments', area: 'journal', handler: 'listExternalAssessments', permission: 'externalAssessment.read', summary: 'Результаты ОГЭ, ЕГЭ, ГВЭ класса', response: schemas.examListResponse },
  { method: 'PUT', path: '/api/schools/{schoolId}/classes/{classId}/external-assessments', area: 'journal', handler: 'putExternalAssessment', permission: 'externalAssessment.write', summary: 'Внести результат ОГЭ, ЕГЭ или ГВЭ', body: schemas.examBody, response: schemas.examResponse },
  { method: 'DELETE', path: '/api/schools/{schoolId}/classes/{classId}/external-assessments/{studentId}/{examId}', area: 'journal', handler: 'deleteExternalAssessment', permission: 'externalAssessment.write', summary: 'Удалить ошибочно внесённый результат', query: versionQuery() },
] as const satisfies readonly RouteSpec[];

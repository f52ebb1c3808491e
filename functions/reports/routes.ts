import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';
import { schoolReportRoutes } from './school-routes';
import { departmentReportRoutes } from './department-routes';

/** The class teacher's reports for a class and period (issue 13, item 1); the same for the deputy and director. */
export const CLASS_PERIOD_REPORTS = '/api/schools/{schoolId}/classes/{classId}/periods/{periodId}/reports';

/** The school's monitoring of how the journal is kept for a period (issue 13, item 3; R-62). */
export const MONITORING = '/api/schools/{schoolId}/years/{yearId}/periods/{periodId}/monitoring';

/** The reports as data for the screens. Their PDF and XLSX come from the report-files function (pdfmake and exceljs load only there). */
export const reportRoutes = [
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/summary`, area: 'reports', handler: 'getSummary', permission: 'report.readClass', summary: 'Сводная ведомость учёта успеваемости класса за период (и годовые отметки в последнем периоде) с итогами успеваемости по предметам', response: schemas.summaryResponse },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/preliminary`, area: 'reports', handler: 'getPreliminary', permission: 'report.readClass', summary: 'Предварительный отчёт за период: текущие средние и выходящие отметки по предметам, кому грозит «2» или «н/а» (до конца периода)', response: schemas.preliminaryResponse },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/attendance`, area: 'reports', handler: 'getAttendance', permission: 'report.readClass', summary: 'Посещаемость класса по месяцам и сводная ведомость посещаемости (пропущено уроков по причинам) с начала учебного года до конца периода', response: schemas.attendanceResponse },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/movement`, area: 'reports', handler: 'getMovement', permission: 'report.readClass', summary: 'Сводная ведомость движения учащихся класса за период: состояло на начало, прибыли и выбыли (дата, откуда или куда, номер приказа), состоит на конец', response: schemas.movementResponse },
  { method: 'GET', path: MONITORING, area: 'reports', handler: 'getMonitoring', permission: 'report.monitoring', summary: 'Мониторинг ведения электронного журнала за период (п. 3.11, 8.2, 8.3): по учителям, классам и предметам наполняемость отметками, доли без отметок и с одной отметкой, домашние задания и темы, выполнение КТП, заполнение с опозданием, график оценочных процедур; активность родителей и обучающихся в дневнике; проблемы по порогам школы (?classId=, ?teacherId=; период current — текущий)', query: schemas.monitoringQuery, response: schemas.monitoringResponse },
  ...schoolReportRoutes,
  ...departmentReportRoutes,
] as const satisfies readonly RouteSpec[];

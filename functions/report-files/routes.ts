import type { RouteSpec } from '../route-spec';
import { CLASS_PERIOD_REPORTS, MONITORING } from '../reports/routes';
import { monitoringQuery } from '../reports/schemas';
import { schoolReportFileRoutes } from '../reports/school-routes';
import { SCHOOL_CHECKS } from '../checks/routes';
import { departmentReportFileRoutes } from '../reports/department-routes';

/** The class teacher's reports as PDF (issue 13, item 6: A4 landscape), each a plain link; their XLSX is functions/report-xlsx (pdfmake with the fonts and exceljs together would pass the 2 MB of a function). */
export const reportFileRoutes = [
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/summary/pdf`, area: 'report-files', handler: 'getSummaryPdf', permission: 'report.readClass', summary: 'Сводная ведомость учёта успеваемости класса за период, PDF', produces: 'application/pdf' },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/results/pdf`, area: 'report-files', handler: 'getResultsPdf', permission: 'report.readClass', summary: 'Итоги успеваемости класса за период (по предметам и по классу), PDF', produces: 'application/pdf' },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/preliminary/pdf`, area: 'report-files', handler: 'getPreliminaryPdf', permission: 'report.readClass', summary: 'Предварительный отчёт за период, PDF', produces: 'application/pdf' },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/attendance/pdf`, area: 'report-files', handler: 'getAttendancePdf', permission: 'report.readClass', summary: 'Сводная ведомость посещаемости и посещаемость класса по месяцам, PDF', produces: 'application/pdf' },
  { method: 'GET', path: `${MONITORING}/pdf`, area: 'report-files', handler: 'getMonitoringPdf', permission: 'report.monitoring', summary: 'Мониторинг ведения электронного журнала за период (п. 3.11, 8.2, 8.3), PDF (A4, альбомная); фильтры как у экрана', query: monitoringQuery, produces: 'application/pdf' },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/movement/pdf`, area: 'report-files', handler: 'getMovementPdf', permission: 'report.readClass', summary: 'Сводная ведомость движения учащихся класса за период, PDF', produces: 'application/pdf' },
  { method: 'GET', path: `${SCHOOL_CHECKS}/{checkId}/pdf`, area: 'report-files', handler: 'getJournalCheckPdf', permission: 'journalCheck.read', summary: 'Справка по итогам проверки электронного журнала, PDF (A4; у черновика — пометка «не подписана»)', produces: 'application/pdf' },
  ...schoolReportFileRoutes,
  ...departmentReportFileRoutes,
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/yearly-journal/pdf', area: 'report-files', handler: 'getYearlyJournalPdf', permission: 'report.yearlyJournal', summary: 'Журнал класса за учебный год (все предметы: уроки, темы, домашние задания, отметки и посещаемость, отметки за периоды и год, сводные ведомости, подпись директора и печать), PDF', produces: 'application/pdf' },
] as const satisfies readonly RouteSpec[];

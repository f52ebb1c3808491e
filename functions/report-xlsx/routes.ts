import { XLSX_TYPE, type RouteSpec } from '../route-spec';
import { CLASS_PERIOD_REPORTS, MONITORING } from '../reports/routes';
import { monitoringQuery } from '../reports/schemas';
import { schoolReportXlsxRoutes } from '../reports/school-routes';
import { departmentReportXlsxRoutes } from '../reports/department-routes';

/** The class teacher's reports as XLSX (issue 13, item 6), each a plain link: exceljs loads only in this function. */
export const reportXlsxRoutes = [
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/summary/xlsx`, area: 'report-xlsx', handler: 'getSummaryXlsx', permission: 'report.readClass', summary: 'Сводная ведомость и итоги успеваемости класса за период, XLSX (два листа)', produces: XLSX_TYPE },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/preliminary/xlsx`, area: 'report-xlsx', handler: 'getPreliminaryXlsx', permission: 'report.readClass', summary: 'Предварительный отчёт за период, XLSX', produces: XLSX_TYPE },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/attendance/xlsx`, area: 'report-xlsx', handler: 'getAttendanceXlsx', permission: 'report.readClass', summary: 'Сводная ведомость посещаемости и посещаемость класса по месяцам, XLSX', produces: XLSX_TYPE },
  { method: 'GET', path: `${MONITORING}/xlsx`, area: 'report-xlsx', handler: 'getMonitoringXlsx', permission: 'report.monitoring', summary: 'Мониторинг ведения электронного журнала за период, XLSX; фильтры как у экрана', query: monitoringQuery, produces: XLSX_TYPE },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/movement/xlsx`, area: 'report-xlsx', handler: 'getMovementXlsx', permission: 'report.readClass', summary: 'Сводная ведомость движения учащихся класса за период, XLSX', produces: XLSX_TYPE },
  ...schoolReportXlsxRoutes,
  ...departmentReportXlsxRoutes,
] as const satisfies readonly RouteSpec[];

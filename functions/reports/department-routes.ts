import { XLSX_TYPE, type RouteSpec } from '../route-spec';
import * as schemas from './department-schemas';

/** «Отчёты по школам»: every school of the department for one period (issue 13 item 5). */
export const DEPARTMENT_REPORTS = '/api/departments/{departmentId}/reports/schools';

export const departmentReportRoutes = [
  { method: 'GET', path: DEPARTMENT_REPORTS, area: 'reports', handler: 'getDepartmentReport', permission: 'report.readDepartment', summary: 'Отчёты по школам: итоги успеваемости и мониторинг ведения журнала каждой школы управления за период, рядом (только сводные показатели, п. 1.7); ?periodId=', query: schemas.departmentQuery, response: schemas.departmentResponse },
] as const satisfies readonly RouteSpec[];

/** The same as PDF (A4 landscape) and XLSX: plain links, each served by its own function (pdfmake, exceljs). */
export const departmentReportFileRoutes = [
  { method: 'GET', path: `${DEPARTMENT_REPORTS}/pdf`, area: 'report-files', handler: 'getDepartmentReportPdf', permission: 'report.readDepartment', summary: 'Отчёты по школам за период, PDF (A4, альбомная)', query: schemas.departmentQuery, produces: 'application/pdf' },
] as const satisfies readonly RouteSpec[];

export const departmentReportXlsxRoutes = [
  { method: 'GET', path: `${DEPARTMENT_REPORTS}/xlsx`, area: 'report-xlsx', handler: 'getDepartmentReportXlsx', permission: 'report.readDepartment', summary: 'Отчёты по школам за период, XLSX', query: schemas.departmentQuery, produces: XLSX_TYPE },
] as const satisfies readonly RouteSpec[];

import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

/** The class teacher's reports for a class and period (issue 13, item 1); the same for the deputy and director. */
export const CLASS_PERIOD_REPORTS = '/api/schools/{schoolId}/classes/{classId}/periods/{periodId}/reports';

/** The reports as data for the screens. Their PDF and XLSX come from the report-files function (pdfmake and exceljs load only there). */
export const reportRoutes = [
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/summary`, area: 'reports', handler: 'getSummary', permission: 'report.readClass', summary: 'Сводная ведомость учёта успеваемости класса за период (и годовые отметки в последнем периоде) с итогами успеваемости по предметам', response: schemas.summaryResponse },
] as const satisfies readonly RouteSpec[];

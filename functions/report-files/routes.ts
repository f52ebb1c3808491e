import { XLSX_TYPE, type RouteSpec } from '../route-spec';
import { CLASS_PERIOD_REPORTS } from '../reports/routes';

/** The class teacher's reports as files (issue 13, item 6): PDF (A4 landscape) and XLSX, each a plain link. */
export const reportFileRoutes = [
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/summary/pdf`, area: 'report-files', handler: 'getSummaryPdf', permission: 'report.readClass', summary: 'Сводная ведомость учёта успеваемости класса за период, PDF', produces: 'application/pdf' },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/results/pdf`, area: 'report-files', handler: 'getResultsPdf', permission: 'report.readClass', summary: 'Итоги успеваемости класса за период (по предметам и по классу), PDF', produces: 'application/pdf' },
  { method: 'GET', path: `${CLASS_PERIOD_REPORTS}/summary/xlsx`, area: 'report-files', handler: 'getSummaryXlsx', permission: 'report.readClass', summary: 'Сводная ведомость и итоги успеваемости класса за период, XLSX (два листа)', produces: XLSX_TYPE },
] as const satisfies readonly RouteSpec[];

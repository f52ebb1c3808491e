/**
 * The class teacher's reports as XLSX (issue 13, item 6): a function of its own, so that exceljs
 * loads only here (with pdfmake and the fonts one function would pass its 2 MB).
 */
import { renderSummaryXlsx } from '../../shared/reports/summary-xlsx';
import { handlersOf } from '../http/area';
import { attendanceTable, preliminaryTable } from '../../shared/reports/class-report-tables';
import { renderTableXlsx } from '../../shared/reports/report-table-xlsx';
import { movementTable } from '../../shared/reports/movement-table';
import { classAttendance, classFile, classMovement, classPreliminary, classSummary, file, monitoringOfPath } from '../reports/load';
import { monitoringTable } from '../../shared/reports/monitoring-table';
import { XLSX_TYPE } from '../route-spec';
import { reportXlsxRoutes } from './routes';

const handler = handlersOf(reportXlsxRoutes);

export const getSummaryXlsx = handler('getSummaryXlsx', classFile(classSummary, renderSummaryXlsx, 'svodnaya', 'xlsx'));

export const getPreliminaryXlsx = handler('getPreliminaryXlsx', classFile(classPreliminary, (r) => renderTableXlsx(preliminaryTable(r)), 'predvaritelny', 'xlsx'));

export const getAttendanceXlsx = handler('getAttendanceXlsx', classFile(classAttendance, (r) => renderTableXlsx(attendanceTable(r)), 'poseshchaemost', 'xlsx'));

export const getMonitoringXlsx = handler('getMonitoringXlsx', async (req) => {
  const r = await monitoringOfPath(req);
  return file(await renderTableXlsx(monitoringTable(r)), XLSX_TYPE, `monitoring-${r.schoolId}-${r.period.periodId}.xlsx`);
});

export const getMovementXlsx = handler('getMovementXlsx', classFile(classMovement, (r) => renderTableXlsx(movementTable(r)), 'dvizhenie', 'xlsx'));

export * from './school-handlers';
export { getDepartmentReportXlsx } from './department-handlers';

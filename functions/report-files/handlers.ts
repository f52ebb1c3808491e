/**
 * The class teacher's reports as PDF (issue 13, item 6). A function of its own, so that pdfmake and
 * the fonts load only here. The answer is the file itself, for a plain link; its name
 * is ASCII (ids only), the title inside is Russian.
 */
import { renderResultsPdf, renderSummaryPdf } from '../../shared/reports/summary-pdf';
import { handlersOf } from '../http/area';
import { attendanceTable, preliminaryTable } from '../../shared/reports/class-report-tables';
import { renderTablePdf } from '../../shared/reports/report-table-pdf';
import { movementSheetPdf } from '../../shared/reports/movement-pdf';
import { classAttendance, classFile, classMovement, classPreliminary, classSummary, file, monitoringOfPath } from '../reports/load';
import { monitoringTable } from '../../shared/reports/monitoring-table';
import { reportFileRoutes } from './routes';
import { renderCertificatePdf } from '../../shared/reports/check-certificate';
import { readCheck } from '../../shared/services/reports/journal-checks';
import { checkSchool } from '../checks/load';

const handler = handlersOf(reportFileRoutes);

export { getDepartmentReportPdf } from './department-handlers';

export { getYearlyJournalPdf } from './yearly-journal';


export const getSummaryPdf = handler('getSummaryPdf', classFile(classSummary, renderSummaryPdf, 'svodnaya', 'pdf'));

export const getResultsPdf = handler('getResultsPdf', classFile(classSummary, renderResultsPdf, 'itogi', 'pdf'));

export const getPreliminaryPdf = handler('getPreliminaryPdf', classFile(classPreliminary, (r) => renderTablePdf(preliminaryTable(r)), 'predvaritelny', 'pdf'));

export const getAttendancePdf = handler('getAttendancePdf', classFile(classAttendance, (r) => renderTablePdf(attendanceTable(r)), 'poseshchaemost', 'pdf'));

export const getMonitoringPdf = handler('getMonitoringPdf', async (req) => {
  const r = await monitoringOfPath(req);
  return file(await renderTablePdf(monitoringTable(r)), 'application/pdf', `monitoring-${r.schoolId}-${r.period.periodId}.pdf`);
});

export const getMovementPdf = handler('getMovementPdf', classFile(classMovement, movementSheetPdf, 'dvizhenie', 'pdf'));

export const getJournalCheckPdf = handler('getJournalCheckPdf', async (req) => {
  const school = await checkSchool(req);
  const check = await readCheck(school.schoolId, req.params.checkId!);
  return file(await renderCertificatePdf(check, school), 'application/pdf', `spravka-${check.checkId}.pdf`);
});

export * from './school-handlers';

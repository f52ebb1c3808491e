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
import { classAttendance, classMovement, classPreliminary, classSummary, file, monitoringOfPath, nameOf } from '../reports/load';
import { monitoringTable } from '../../shared/reports/monitoring-table';
import { reportFileRoutes } from './routes';
import { renderCertificatePdf } from '../../shared/reports/check-certificate';
import { readCheck } from '../../shared/services/reports/journal-checks';
import { checkSchool } from '../checks/load';

const handler = handlersOf(reportFileRoutes);

export { getDepartmentReportPdf } from './department-handlers';

export { getYearlyJournalPdf } from './yearly-journal';


export const getSummaryPdf = handler('getSummaryPdf', async (req) => {
  const r = await classSummary(req);
  return file(await renderSummaryPdf(r), 'application/pdf', nameOf(r, 'svodnaya', 'pdf'));
});

export const getResultsPdf = handler('getResultsPdf', async (req) => {
  const r = await classSummary(req);
  return file(await renderResultsPdf(r), 'application/pdf', nameOf(r, 'itogi', 'pdf'));
});

export const getPreliminaryPdf = handler('getPreliminaryPdf', async (req) => {
  const r = await classPreliminary(req);
  return file(await renderTablePdf(preliminaryTable(r)), 'application/pdf', `predvaritelny-${r.classId}-${r.period.periodId}.pdf`);
});

export const getAttendancePdf = handler('getAttendancePdf', async (req) => {
  const r = await classAttendance(req);
  return file(await renderTablePdf(attendanceTable(r)), 'application/pdf', `poseshchaemost-${r.classId}-${r.period.periodId}.pdf`);
});

export const getMonitoringPdf = handler('getMonitoringPdf', async (req) => {
  const r = await monitoringOfPath(req);
  return file(await renderTablePdf(monitoringTable(r)), 'application/pdf', `monitoring-${r.schoolId}-${r.period.periodId}.pdf`);
});

export const getMovementPdf = handler('getMovementPdf', async (req) => {
  const r = await classMovement(req);
  return file(await movementSheetPdf(r), 'application/pdf', `dvizhenie-${r.classId}-${r.period.periodId}.pdf`);
});

export const getJournalCheckPdf = handler('getJournalCheckPdf', async (req) => {
  const school = await checkSchool(req);
  const check = await readCheck(school.schoolId, req.params.checkId!);
  return file(await renderCertificatePdf(check, school), 'application/pdf', `spravka-${check.checkId}.pdf`);
});

export * from './school-handlers';

/** The deputy's school reports as PDF (issue 13, items 2 and 6): A4 landscape through the lean pdfmake path. */
import { classSizesTable, finalDataTable, schoolMovementTable, schoolResultsTable } from '../../shared/reports/school-report-tables';
import { renderTablePdf } from '../../shared/reports/report-table-pdf';
import { handlersOf } from '../http/area';
import { file } from '../reports/load';
import { classSizes, finalDataOf, schoolFileName, schoolMovement, schoolResults } from '../reports/school-load';
import { schoolReportFileRoutes } from '../reports/school-routes';

const handler = handlersOf(schoolReportFileRoutes);
const PDF = 'application/pdf';

export const getSchoolMovementPdf = handler('getSchoolMovementPdf', async (req) => {
  const r = await schoolMovement(req);
  return file(await renderTablePdf(schoolMovementTable(r)), PDF, schoolFileName('dvizhenie-shkoly', r, 'pdf'));
});

export const getClassSizesPdf = handler('getClassSizesPdf', async (req) => {
  const r = await classSizes(req);
  return file(await renderTablePdf(classSizesTable(r)), PDF, schoolFileName('chislennost', r, 'pdf'));
});

export const getSchoolResultsPdf = handler('getSchoolResultsPdf', async (req) => {
  const r = await schoolResults(req, () => req.query.period);
  return file(await renderTablePdf(schoolResultsTable(r)), PDF, schoolFileName('itogi-shkoly', r, 'pdf'));
});

export const getFinalDataPdf = handler('getFinalDataPdf', async (req) => {
  const r = await finalDataOf(req);
  return file(await renderTablePdf(finalDataTable(r)), PDF, schoolFileName('itogovye-dannye', r, 'pdf'));
});

/** The deputy's school reports as XLSX (issue 13, items 2 and 6): exceljs loads only in this function. */
import { classSizesTable, finalDataTable, schoolMovementTable, schoolResultsTable } from '../../shared/reports/school-report-tables';
import { renderTableXlsx } from '../../shared/reports/report-table-xlsx';
import { handlersOf } from '../http/area';
import { file } from '../reports/load';
import { classSizes, finalDataOf, schoolFileName, schoolMovement, schoolResults } from '../reports/school-load';
import { schoolReportXlsxRoutes } from '../reports/school-routes';
import { XLSX_TYPE } from '../route-spec';

const handler = handlersOf(schoolReportXlsxRoutes);

export const getSchoolMovementXlsx = handler('getSchoolMovementXlsx', async (req) => {
  const r = await schoolMovement(req);
  return file(await renderTableXlsx(schoolMovementTable(r)), XLSX_TYPE, schoolFileName('dvizhenie-shkoly', r, 'xlsx'));
});

export const getClassSizesXlsx = handler('getClassSizesXlsx', async (req) => {
  const r = await classSizes(req);
  return file(await renderTableXlsx(classSizesTable(r)), XLSX_TYPE, schoolFileName('chislennost', r, 'xlsx'));
});

export const getSchoolResultsXlsx = handler('getSchoolResultsXlsx', async (req) => {
  const r = await schoolResults(req, () => req.query.period);
  return file(await renderTableXlsx(schoolResultsTable(r)), XLSX_TYPE, schoolFileName('itogi-shkoly', r, 'xlsx'));
});

export const getFinalDataXlsx = handler('getFinalDataXlsx', async (req) => {
  const r = await finalDataOf(req);
  return file(await renderTableXlsx(finalDataTable(r)), XLSX_TYPE, schoolFileName('itogovye-dannye', r, 'xlsx'));
});

/** The deputy's school reports as XLSX (issue 13, items 2 and 6): exceljs loads only in this function. */
import { renderTableXlsx } from '../../shared/reports/report-table-xlsx';
import { handlersOf } from '../http/area';
import { schoolFiles } from '../reports/school-files';
import { schoolReportXlsxRoutes } from '../reports/school-routes';
import { XLSX_TYPE } from '../route-spec';

const handler = handlersOf(schoolReportXlsxRoutes);
const xlsx = schoolFiles(renderTableXlsx, XLSX_TYPE, 'xlsx');

export const getSchoolMovementXlsx = handler('getSchoolMovementXlsx', (req) => xlsx.movement(req));
export const getClassSizesXlsx = handler('getClassSizesXlsx', (req) => xlsx.sizes(req));
export const getSchoolResultsXlsx = handler('getSchoolResultsXlsx', (req) => xlsx.results(req, () => req.query.period));
export const getFinalDataXlsx = handler('getFinalDataXlsx', (req) => xlsx.finalData(req));

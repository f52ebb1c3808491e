/** The deputy's school reports as PDF (issue 13, items 2 and 6): A4 landscape through the lean pdfmake path. */
import { renderTablePdf } from '../../shared/reports/report-table-pdf';
import { handlersOf } from '../http/area';
import { schoolFiles } from '../reports/school-files';
import { schoolReportFileRoutes } from '../reports/school-routes';

const handler = handlersOf(schoolReportFileRoutes);
const pdf = schoolFiles(renderTablePdf, 'application/pdf', 'pdf');

export const getSchoolMovementPdf = handler('getSchoolMovementPdf', (req) => pdf.movement(req));
export const getClassSizesPdf = handler('getClassSizesPdf', (req) => pdf.sizes(req));
export const getSchoolResultsPdf = handler('getSchoolResultsPdf', (req) => pdf.results(req, () => req.query.period));
export const getFinalDataPdf = handler('getFinalDataPdf', (req) => pdf.finalData(req));

/**
 * The class teacher's reports as files (issue 13, item 6). A function of its own, so that pdfmake,
 * exceljs and the fonts load only here. The answer is the file itself, for a plain link; its name
 * is ASCII (ids only), the title inside is Russian.
 */
import { renderResultsPdf, renderSummaryPdf } from '../../shared/reports/summary-pdf';
import { renderSummaryXlsx } from '../../shared/reports/summary-xlsx';
import type { SummaryReport } from '../../shared/services/reports/summary';
import { handlersOf } from '../http/area';
import type { Reply } from '../http/respond';
import { classSummary } from '../reports/load';
import { XLSX_TYPE } from '../route-spec';
import { reportFileRoutes } from './routes';

const handler = handlersOf(reportFileRoutes);

function file(bytes: Buffer, type: string, name: string): Reply {
  return { body: bytes, headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"` } };
}

const nameOf = (r: SummaryReport, what: string, ext: string) => `${what}-${r.classId}-${r.period.periodId}.${ext}`;

export const getSummaryPdf = handler('getSummaryPdf', async (req) => {
  const r = await classSummary(req);
  return file(await renderSummaryPdf(r), 'application/pdf', nameOf(r, 'svodnaya', 'pdf'));
});

export const getResultsPdf = handler('getResultsPdf', async (req) => {
  const r = await classSummary(req);
  return file(await renderResultsPdf(r), 'application/pdf', nameOf(r, 'itogi', 'pdf'));
});

export const getSummaryXlsx = handler('getSummaryXlsx', async (req) => {
  const r = await classSummary(req);
  return file(await renderSummaryXlsx(r), XLSX_TYPE, nameOf(r, 'svodnaya', 'xlsx'));
});

/**
 * The class teacher's reports as PDF (issue 13, item 6). A function of its own, so that pdfmake and
 * the fonts load only here. The answer is the file itself, for a plain link; its name
 * is ASCII (ids only), the title inside is Russian.
 */
import { renderResultsPdf, renderSummaryPdf } from '../../shared/reports/summary-pdf';
import { handlersOf } from '../http/area';
import { classSummary, file, nameOf } from '../reports/load';
import { reportFileRoutes } from './routes';

const handler = handlersOf(reportFileRoutes);


export const getSummaryPdf = handler('getSummaryPdf', async (req) => {
  const r = await classSummary(req);
  return file(await renderSummaryPdf(r), 'application/pdf', nameOf(r, 'svodnaya', 'pdf'));
});

export const getResultsPdf = handler('getResultsPdf', async (req) => {
  const r = await classSummary(req);
  return file(await renderResultsPdf(r), 'application/pdf', nameOf(r, 'itogi', 'pdf'));
});

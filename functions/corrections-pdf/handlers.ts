/**
 * The documents of corrections after a lock as PDF (issue 11, item 5; clauses 7.3, 7.5): the
 * register of requests and the table of changes made under them. A function of its own, so that
 * pdfmake and the fonts load only here. The answer is the file itself, for a plain link.
 */
import { correctionChangeTable, correctionRegisterDocument } from '../../shared/services/correction-documents';
import { renderChangeTable } from '../../shared/reports/correction-changes';
import { renderRegister } from '../../shared/reports/correction-register';
import { CHANGES_REFUSAL } from '../corrections/change-table-handlers';
import { handlersOf } from '../http/area';
import type { Reply } from '../http/respond';
import { authorizedSchool, classOfSchool, yearIdOf } from '../http/school';
import { correctionPdfRoutes } from './routes';

const handler = handlersOf(correctionPdfRoutes);

/** The file with a name a browser saves it under (ASCII: ids only). */
function pdf(bytes: Buffer, name: string): Reply {
  return { body: bytes, headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}.pdf"` } };
}

export const getRegisterPdf = handler('getRegisterPdf', async (req) => {
  const school = await authorizedSchool(req, 'Журнал заявок на корректировку доступен работникам школы и управлению образования.');
  const yearId = yearIdOf(req);
  const doc = await correctionRegisterDocument(req.principal, school, yearId, req.query, req.now);
  return pdf(await renderRegister(doc, req.now), `zayavki-${yearId}`);
});

export const getChangeTablePdf = handler('getChangeTablePdf', async (req) => {
  const school = await authorizedSchool(req, CHANGES_REFUSAL, classOfSchool(req.params.classId!));
  const table = await correctionChangeTable(school, req.params.classId!, req.params.periodId!);
  return pdf(await renderChangeTable(table, req.now), `izmeneniya-${table.classId}-${table.periodId}`);
});

/**
 * The director's approval of an archived document (clause 1.8, R-65). A function of its own, so
 * that pdfmake and the fonts load only here.
 */
import { approveDocument as approve } from '../../shared/services/archive-approval';
import { documentView, readsArchive, slotOf } from '../archive/view';
import { handlersOf } from '../http/area';
import { schoolOrHidden } from '../http/school';
import { archivePdfRoutes } from './routes';

const handler = handlersOf(archivePdfRoutes);

export const approveDocument = handler('approveDocument', async (req) => {
  const school = await schoolOrHidden(req, 'Утверждает документы директор школы.', readsArchive);
  const p = req.principal;
  return { body: { document: documentView(await approve({ userId: p.userId, displayName: p.displayName }, school, slotOf(req, school), req.now)) } };
});

/**
 * The archive (issue 14; ): the year's list, the checksum check, a download, the legal
 * hold. Each handler authorises the path's school, calls one service function and shapes the
 * answer (without the store's keys).
 */
import { may } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/roles';
import { archiveOverview, readArchivedDocument, setLegalHold as hold, verifyArchive } from '../../shared/services/archive';
import { handlersOf } from '../http/area';
import { schoolOrHidden, yearIdOf } from '../http/school';
import { archiveRoutes } from './routes';
import { documentView, READ_REFUSAL, readsArchive, slotOf } from './view';

const handler = handlersOf(archiveRoutes);

const actorOf = (p: Principal) => ({ userId: p.userId, displayName: p.displayName });

export const listArchive = handler('listArchive', async (req) => {
  const school = await schoolOrHidden(req, READ_REFUSAL, readsArchive);
  const yearId = yearIdOf(req);
  const { documents, periods, classes, kinds } = await archiveOverview(school.schoolId, yearId, req.query);
  const p = req.principal;
  return {
    body: {
      yearId,
      documents: documents.map(documentView),
      periods,
      classes,
      kinds,
      may: { approve: may(p, 'archive.approve', school), setLegalHold: may(p, 'archive.setLegalHold', school), liftLegalHold: may(p, 'archive.liftLegalHold', school) },
    },
  };
});

export const verifyChecksums = handler('verifyChecksums', async (req) => {
  const school = await schoolOrHidden(req, READ_REFUSAL, readsArchive);
  return { body: { checkedAt: req.now.toISOString(), checks: await verifyArchive(school.schoolId, yearIdOf(req), req.query) } };
});

export const getArchivedFile = handler('getArchivedFile', async (req) => {
  const school = await schoolOrHidden(req, READ_REFUSAL, readsArchive);
  const file = await readArchivedDocument(slotOf(req, school), req.query.copy ?? 'original');
  return { body: file.body, headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` } };
});

export const setLegalHold = handler('setLegalHold', async (req) => {
  const school = await schoolOrHidden(req, 'Удержать документ по спору может директор или заместитель директора.', readsArchive);
  return { body: { document: documentView(await hold(actorOf(req.principal), slotOf(req, school), true, req.body.reason, req.now)) } };
});

export const liftLegalHold = handler('liftLegalHold', async (req) => {
  const school = await schoolOrHidden(req, 'Снять удержание документа может только директор.', readsArchive);
  return { body: { document: documentView(await hold(actorOf(req.principal), slotOf(req, school), false, req.body.reason, req.now)) } };
});

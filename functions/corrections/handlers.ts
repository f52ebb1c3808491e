/**
 * Correction requests after a lock (issue 11; clauses 7.2, 7.3, 7.5): filing, the register, one
 * request, the director's decision and the education department's. Each handler loads the object,
 * authorises it, calls one service function and shapes the answer. The entry of an approved
 * change into the journal (clause 7.4) is not here yet.
 */
import type { Principal } from '../../shared/auth/roles';
import { BadRequestError } from '../../shared/errors';
import { correctionRegister, correctionView, decideCorrection as decide, fileCorrection as file, loadCorrection, loadFilingContext, type Actor } from '../../shared/services/corrections';
import { classAbsenceDocuments, enterAbsenceDocument as enterDocument, loadDocumentContext } from '../../shared/services/absence-documents';
import { enterCorrection as enter, entryRefusal, loadEntryContext } from '../../shared/services/corrections-entry';
import { handlersOf, type Req } from '../http/area';
import { authorizedSchool, schoolOf, yearIdOf } from '../http/school';
import { correctionRoutes } from './routes';

const handler = handlersOf(correctionRoutes);

const actorOf = (p: Principal): Actor => ({ userId: p.userId, displayName: p.displayName });

/** The register number of the path. */
function numberOf(req: Pick<Req, 'params'>): number {
  const raw = req.params.number!;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) throw new BadRequestError('Номер заявки — целое число от 1.');
  return Number(raw);
}

export const fileCorrection = handler('fileCorrection', async (req) => {
  const ctx = await loadFilingContext(await schoolOf(req), req.params.classId!);
  req.authorize(ctx.access, 'Заявку на корректировку подают учитель класса, классный руководитель или заместитель директора (п. 7.2 Положения).');
  return { status: 201, body: { correction: await file(req.principal, ctx, req.body, req.now) } };
});

export const listCorrections = handler('listCorrections', async (req) => {
  const school = await authorizedSchool(req, 'Журнал заявок на корректировку доступен работникам школы и управлению образования.');
  const yearId = yearIdOf(req);
  return { body: { yearId, corrections: await correctionRegister(req.principal, school, yearId, req.query, req.now) } };
});

export const getCorrection = handler('getCorrection', async (req) => {
  const school = await schoolOf(req);
  const { correction, access } = await loadCorrection(school, yearIdOf(req), numberOf(req));
  req.authorize(access, 'Заявку видят её автор, директор, заместители директора и управление образования.');
  return { body: { correction: correctionView(correction, req.now) } };
});

export const decideCorrection = handler('decideCorrection', async (req) => {
  const school = await authorizedSchool(req, 'Решение по заявке на корректировку принимает директор (п. 7.2 Положения).');
  const { correction } = await loadCorrection(school, yearIdOf(req), numberOf(req));
  const { decision, comment, version } = req.body;
  return { body: { correction: await decide(school, correction, { action: decision, comment, version }, 'director', actorOf(req.principal), req.now) } };
});

export const recordDepartmentDecision = handler('recordDepartmentDecision', async (req) => {
  const school = await authorizedSchool(req, 'Решение по спорной заявке записывает специалист управления образования (п. 7.5 Положения).');
  const { correction } = await loadCorrection(school, yearIdOf(req), numberOf(req));
  const { decision, document, comment, version } = req.body;
  const action = decision === 'approve' ? 'departmentApprove' : 'departmentReject';
  return { body: { correction: await decide(school, correction, { action, document, comment, version }, 'department', actorOf(req.principal), req.now) } };
});

export const enterCorrection = handler('enterCorrection', async (req) => {
  const ctx = await loadEntryContext(await schoolOf(req), yearIdOf(req), numberOf(req));
  req.authorize(ctx.access, entryRefusal(ctx));
  return { body: { correction: await enter(ctx, req.body, actorOf(req.principal), req.now) } };
});

export const enterAbsenceDocument = handler('enterAbsenceDocument', async (req) => {
  const ctx = await loadDocumentContext(await schoolOf(req), req.params.classId!);
  req.authorize(ctx.access, 'Документ о причине пропусков вносит классный руководитель класса (п. 3.7 Положения).');
  // The same document again answers as stored, `replayed` saying so (one success status per route).
  return { status: 201, body: await enterDocument(ctx, req.body, actorOf(req.principal), req.now) };
});

export const listAbsenceDocuments = handler('listAbsenceDocuments', async (req) => {
  const ctx = await loadDocumentContext(await schoolOf(req), req.params.classId!);
  req.authorize(ctx.access, 'Документы о причинах пропусков видят классный руководитель, директор и заместители директора.');
  const { studentId } = req.query;
  const documents = (await classAbsenceDocuments(ctx)).filter((d) => !studentId || d.studentId === studentId);
  return { body: { classId: ctx.cls.classId, yearId: ctx.cls.yearId, documents } };
});

export { correctionsWaiting } from './counts';

export { getCorrectionChanges } from './change-table-handlers';

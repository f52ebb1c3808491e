/**
 * Handlers of personal-data routes (functions/people/personal-data-routes.ts): the access log,
 * consent withdrawal, the monthly check.
 * Re-exported by ./handlers.ts, so the people function serves them.
 */
import { NotFoundError } from '../../shared/errors';
import { getStudentRecord } from '../../shared/repos/people';
import { withdrawConsent as withdraw } from '../../shared/services/consent-withdrawal';
import { accessLog } from '../../shared/services/personal-data';
import { checkView, recordCheck } from '../../shared/services/personal-data-check';
import { handlersOf } from '../http/area';
import { authorizedSchool, schoolOf } from '../http/school';
import { personalDataRoutes } from './personal-data-routes';

const handler = handlersOf(personalDataRoutes);

export const getAccessLog = handler('getAccessLog', async (req) => {
  const school = await authorizedSchool(req, 'Журнал доступа к персональным данным читают администратор ЭЖ и директор школы.');
  return { body: await accessLog(school, req.query) };
});

export const withdrawConsent = handler('withdrawConsent', async (req) => {
  const school = await schoolOf(req);
  const card = await getStudentRecord(school.schoolId, req.params.studentId!);
  if (!card) throw new NotFoundError('Обучающийся не найден.');
  req.authorize({ ...school, classId: card.classId, studentId: card.studentId }, 'Отзыв согласия записывает администратор ЭЖ школы.');
  const r = await withdraw({ by: req.principal, school, studentId: card.studentId, ...req.body, now: req.now });
  const w = r.card.consentWithdrawn!;
  return { body: { studentId: r.card.studentId, consentWithdrawn: { date: w.date, document: w.document, recordedByName: w.recordedByName }, closedAccounts: r.closedAccounts, version: r.card.version } };
});

const CHECKER = 'Проверку персональных данных проводит администратор ЭЖ школы.';

export const getPersonalDataCheck = handler('getPersonalDataCheck', async (req) => {
  const school = await authorizedSchool(req, CHECKER);
  return { body: await checkView(school, req.now) };
});

export const recordPersonalDataCheck = handler('recordPersonalDataCheck', async (req) => {
  const school = await authorizedSchool(req, CHECKER);
  return { body: await recordCheck({ by: req.principal, school, version: req.body.version, now: req.now }) };
});

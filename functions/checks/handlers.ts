/**
 * The checks of the electronic journal (issue 13 item 4): each handler authorises the school
 * (./load.ts), calls one service function of shared/services/reports/journal-checks.ts and answers.
 */
import { checkDueText } from '../../shared/domain/reports/journal-checks';
import { checkOptions, checksOfSchool, createCheck, readCheck, signOffCheck, updateCheck } from '../../shared/services/reports/journal-checks';
import { handlersOf } from '../http/area';
import { checkSchool } from './load';
import { checkRoutes } from './routes';

const handler = handlersOf(checkRoutes);

async function dueOf(school: Awaited<ReturnType<typeof checkSchool>>, now: Date) {
  const { today, due, checks } = await checksOfSchool(school, now);
  return { today, due: { ...due, text: checkDueText(due) }, checks };
}

export const listJournalChecks = handler('listJournalChecks', async (req) => {
  const school = await checkSchool(req);
  const [list, options] = await Promise.all([dueOf(school, req.now), checkOptions(school, req.now)]);
  return { body: { ...options, ...list } };
});

export const journalCheckDue = handler('journalCheckDue', async (req) => {
  const { today, due } = await dueOf(await checkSchool(req), req.now);
  return { body: { today, due } };
});

export const createJournalCheck = handler('createJournalCheck', async (req) => {
  const school = await checkSchool(req);
  return { status: 201, body: await createCheck(req.principal, school, req.body, req.now) };
});

export const getJournalCheck = handler('getJournalCheck', async (req) => {
  const school = await checkSchool(req);
  return { body: await readCheck(school.schoolId, req.params.checkId!) };
});

export const updateJournalCheck = handler('updateJournalCheck', async (req) => {
  const school = await checkSchool(req);
  return { body: await updateCheck(req.principal, school, req.params.checkId!, req.body, req.now) };
});

export const signOffJournalCheck = handler('signOffJournalCheck', async (req) => {
  const school = await checkSchool(req);
  return { body: await signOffCheck(req.principal, school, req.params.checkId!, req.body.version, req.now) };
});

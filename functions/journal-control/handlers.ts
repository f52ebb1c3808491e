/**
 * Journal control (clauses 3.11, 8.2): the journal checked against its change log (issue 11, item
 * 6), for the director, the deputy and the education department. The school is loaded first, so
 * that a department's specialist reaches only the schools of their department. An area of its own:
 * the journal area's bundle is at its size budget, and the check is the controllers', not the
 * teachers' everyday path.
 */
import { checkJournalIntegrity } from '../../shared/services/journal-integrity';
import { handlersOf } from '../http/area';
import { authorizedSchool, classOfSchool } from '../http/school';
import { journalControlRoutes } from './routes';

const handler = handlersOf(journalControlRoutes);

export const checkIntegrity = handler('checkIntegrity', async (req) => {
  const school = await authorizedSchool(req, 'Проверку журнала по журналу изменений проводят директор, заместитель директора и управление образования.', classOfSchool(req.params.classId!));
  return { body: await checkJournalIntegrity(school.schoolId, req.params.classId!, req.params.periodId!, req.now) };
});

export { getPeriodClose, getPeriodCloses } from './period-close-handlers';

/**
 * Handlers of personal-data routes (functions/people/personal-data-routes.ts): the access log.
 * Re-exported by ./handlers.ts, so the people function serves them.
 */
import { accessLog } from '../../shared/services/personal-data';
import { handlersOf } from '../http/area';
import { authorizedSchool } from '../http/school';
import { personalDataRoutes } from './personal-data-routes';

const handler = handlersOf(personalDataRoutes);

export const getAccessLog = handler('getAccessLog', async (req) => {
  const school = await authorizedSchool(req, 'Журнал доступа к персональным данным читают администратор ЭЖ и директор школы.');
  return { body: await accessLog(school, req.query) };
});

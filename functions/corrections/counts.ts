/**
 * The notifications of correction requests (issue 11 item 7): how many requests wait for the
 * caller, for the badge on the menu and the home screen. Kept apart from handlers.ts so that the
 * register's own handlers stay about the register.
 */
import { correctionCounts } from '../../shared/services/correction-counts';
import { handlersOf } from '../http/area';
import { authorizedSchool } from '../http/school';
import { correctionRoutes } from './routes';

const handler = handlersOf(correctionRoutes);

export const correctionsWaiting = handler('correctionsWaiting', async (req) => {
  const school = await authorizedSchool(req, 'Заявки на корректировку видят работники школы и управление образования.');
  return { body: await correctionCounts(req.principal, school, req.now) };
});

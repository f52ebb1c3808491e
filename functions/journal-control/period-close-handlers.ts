/** The period close for the deputy and the director: the school authorised, one service call. */
import { PERIOD_CLOSE_REFUSAL } from '../../shared/auth/rules/period-close';
import { closeDetail, closesOverview } from '../../shared/services/period-close-view';
import { handlersOf } from '../http/area';
import { schoolOrHidden } from '../http/school';
import { periodCloseRoutes } from './period-close-routes';

const handler = handlersOf(periodCloseRoutes);

export const getPeriodCloses = handler('getPeriodCloses', async (req) => {
  const school = await schoolOrHidden(req, PERIOD_CLOSE_REFUSAL);
  return { body: await closesOverview(school, req.now) };
});

export const getPeriodClose = handler('getPeriodClose', async (req) => {
  const school = await schoolOrHidden(req, PERIOD_CLOSE_REFUSAL);
  return { body: await closeDetail(school, req.params.periodId!, req.now) };
});

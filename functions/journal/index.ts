import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { journalRoutes } from './routes';

export const handler = areaHandler(journalRoutes, handlers);

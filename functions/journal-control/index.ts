import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { journalControlRoutes } from './routes';

export const handler = areaHandler(journalControlRoutes, handlers);

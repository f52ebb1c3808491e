import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { reportRoutes } from './routes';

export const handler = areaHandler(reportRoutes, handlers);

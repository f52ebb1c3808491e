import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { periodMarkRoutes } from './routes';

export const handler = areaHandler(periodMarkRoutes, handlers);

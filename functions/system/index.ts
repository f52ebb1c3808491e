import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { systemRoutes } from './routes';

export const handler = areaHandler(systemRoutes, handlers);

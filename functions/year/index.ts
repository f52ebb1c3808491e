import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { yearRoutes } from './routes';

export const handler = areaHandler(yearRoutes, handlers);

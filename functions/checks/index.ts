import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { checkRoutes } from './routes';

export const handler = areaHandler(checkRoutes, handlers);

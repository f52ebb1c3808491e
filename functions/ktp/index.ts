import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { ktpRoutes } from './routes';

export const handler = areaHandler(ktpRoutes, handlers);

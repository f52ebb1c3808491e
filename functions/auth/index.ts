import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { authRoutes } from './routes';

export const handler = areaHandler(authRoutes, handlers);

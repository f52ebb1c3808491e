import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { schoolRoutes } from './routes';

export const handler = areaHandler(schoolRoutes, handlers);

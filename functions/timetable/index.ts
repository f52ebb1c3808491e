import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { timetableRoutes } from './routes';

export const handler = areaHandler(timetableRoutes, handlers);

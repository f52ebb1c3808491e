import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { peopleRoutes } from './routes';

export const handler = areaHandler(peopleRoutes, handlers);

import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { peopleImportRoutes } from './routes';

export const handler = areaHandler(peopleImportRoutes, handlers);

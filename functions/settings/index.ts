import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { settingsRoutes } from './routes';

export const handler = areaHandler(settingsRoutes, handlers);

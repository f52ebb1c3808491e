import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { ktpImportRoutes } from './routes';

export const handler = areaHandler(ktpImportRoutes, handlers);

import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { reportXlsxRoutes } from './routes';

export const handler = areaHandler(reportXlsxRoutes, handlers);

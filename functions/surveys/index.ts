import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { surveyRoutes } from './routes';

export const handler = areaHandler(surveyRoutes, handlers);

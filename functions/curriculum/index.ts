import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { curriculumRoutes } from './routes';

export const handler = areaHandler(curriculumRoutes, handlers);

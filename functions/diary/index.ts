import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { diaryRoutes } from './routes';

export const handler = areaHandler(diaryRoutes, handlers);

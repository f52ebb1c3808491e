import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { messageRoutes } from './routes';

export const handler = areaHandler(messageRoutes, handlers);

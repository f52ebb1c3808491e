import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { correctionRoutes } from './routes';

export const handler = areaHandler(correctionRoutes, handlers);

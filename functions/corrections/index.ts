import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { changeTableRoutes } from './change-table-routes';
import { correctionRoutes } from './routes';

export const handler = areaHandler([...correctionRoutes, ...changeTableRoutes], handlers);

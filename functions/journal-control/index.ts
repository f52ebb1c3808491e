import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { periodCloseRoutes } from './period-close-routes';
import { journalControlRoutes } from './routes';

export const handler = areaHandler([...journalControlRoutes, ...periodCloseRoutes], handlers);

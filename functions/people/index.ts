import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { personalDataRoutes } from './personal-data-routes';
import { peopleRoutes } from './routes';

export const handler = areaHandler([...peopleRoutes, ...personalDataRoutes], handlers);

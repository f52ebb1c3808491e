import { areaHandler } from '../http/area';
import * as handlers from './handlers';

export const handler = areaHandler(handlers);

import { provideBundledFonts } from '../../shared/reports/pdf';
import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { peoplePdfRoutes } from './routes';

// In the Lambda bundle the fonts come embedded (./fonts); elsewhere the renderer reads the package.
provideBundledFonts(() => import('./fonts').then((m) => m.default));

export const handler = areaHandler(peoplePdfRoutes, handlers);

import { provideBundledFonts } from '../../shared/reports/pdf';
import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { peopleRoutes } from './routes';

// The activation-code sheets are PDFs: in the Lambda bundle the fonts come embedded (./fonts).
provideBundledFonts(() => import('./fonts').then((m) => m.default));

export const handler = areaHandler(peopleRoutes, handlers);

import { provideBundledFonts } from '../../shared/reports/pdf';
import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { archivePdfRoutes } from './routes';

// In the Lambda bundle the fonts come embedded (people-pdf's font module); elsewhere the renderer reads the package.
provideBundledFonts(() => import('../people-pdf/fonts').then((m) => m.default));

export const handler = areaHandler(archivePdfRoutes, handlers);

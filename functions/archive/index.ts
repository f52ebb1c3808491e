import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { archiveRoutes } from './routes';

// Stored documents only: listing, reading back, hashing, holding. The approval renders a PDF and
// lives in functions/archive-pdf, so this function carries no pdfmake or fonts.
export const handler = areaHandler(archiveRoutes, handlers);

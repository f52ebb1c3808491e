import { areaHandler } from '../http/area';
import * as handlers from './handlers';
import { paperReportRoutes } from './routes';

// Serving stored PDFs only: the job renders them, so this function carries no pdfmake or fonts.
export const handler = areaHandler(paperReportRoutes, handlers);

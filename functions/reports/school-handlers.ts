/** The deputy's school reports as data for the screens (issue 13, item 2); their PDF and XLSX are in report-files and report-xlsx. */
import { handlersOf } from '../http/area';
import { classSizes, finalDataOf, schoolMovement, schoolResults } from './school-load';
import { schoolReportRoutes } from './school-routes';

const handler = handlersOf(schoolReportRoutes);

export const getSchoolMovement = handler('getSchoolMovement', async (req) => ({ body: await schoolMovement(req) }));

export const getClassSizes = handler('getClassSizes', async (req) => ({ body: await classSizes(req) }));

// The query is read only once the caller is allowed (the adapter refuses reading it before).
export const getSchoolResults = handler('getSchoolResults', async (req) => ({ body: await schoolResults(req, () => req.query.period) }));

export const getFinalData = handler('getFinalData', async (req) => ({ body: await finalDataOf(req) }));

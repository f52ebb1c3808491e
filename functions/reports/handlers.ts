/**
 * The class teacher's reports as data (issue 13, item 1). Each handler loads the class and its
 * period, authorises the class and calls one service (./load.ts, shared with the PDF and XLSX
 * handlers of functions/report-files, so the three answers print one object).
 */
import { handlersOf } from '../http/area';
import { classAttendance, classMovement, classPreliminary, classSummary, monitoringOfPath } from './load';
import { reportRoutes } from './routes';

const handler = handlersOf(reportRoutes);

export const getSummary = handler('getSummary', async (req) => ({ body: await classSummary(req) }));

export const getPreliminary = handler('getPreliminary', async (req) => ({ body: await classPreliminary(req) }));

export const getAttendance = handler('getAttendance', async (req) => ({ body: await classAttendance(req) }));

export const getMovement = handler('getMovement', async (req) => ({ body: await classMovement(req) }));

export const getMonitoring = handler('getMonitoring', async (req) => ({ body: await monitoringOfPath(req) }));

export * from './school-handlers';
export { getDepartmentReport } from './department-handlers';

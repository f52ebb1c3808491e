import type { RouteSpec } from '../route-spec';
import * as s from '../people/schemas';

const S = '/api/schools/{schoolId}';

/** Activation codes in one go, with the printable sheet: PDF rendering has a function of its own. */
export const peoplePdfRoutes = [
  { method: 'POST', path: `${S}/classes/{classId}/activation-sheet`, area: 'people-pdf', handler: 'issueClassSheet', permission: 'activationSheet.issueClass', summary: 'Коды активации класса и лист для печати (PDF в base64)', body: s.classSheetBody, response: s.sheetResponse, successStatus: 201 },
  { method: 'POST', path: `${S}/staff/activation-sheet`, area: 'people-pdf', handler: 'issueStaffSheet', permission: 'activationSheet.issueStaff', summary: 'Коды активации сотрудников и лист для печати (PDF в base64)', body: s.staffSheetBody, response: s.sheetResponse, successStatus: 201 },
] as const satisfies readonly RouteSpec[];

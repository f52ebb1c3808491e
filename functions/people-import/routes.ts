import type { RouteSpec } from '../route-spec';
import * as s from '../people/schemas';

const S = '/api/schools/{schoolId}';

/** Class lists from a spreadsheet: reading XLSX has a function of its own. */
export const peopleImportRoutes = [
  { method: 'POST', path: `${S}/imports`, area: 'people-import', handler: 'previewImport', permission: 'import.run', summary: 'Загрузить список (XLSX/CSV) и проверить: предпросмотр', body: s.importBody, response: s.importPreviewResponse },
  { method: 'GET', path: `${S}/imports/{importId}`, area: 'people-import', handler: 'getImport', permission: 'import.run', summary: 'Загрузка списка: предпросмотр и итог', response: s.importRunResponse },
  { method: 'POST', path: `${S}/imports/{importId}/apply`, area: 'people-import', handler: 'applyImport', permission: 'import.run', summary: 'Записать проверенный список (всё или ничего)', body: s.applyImportBody, response: s.importApplyResponse },
] as const satisfies readonly RouteSpec[];

import * as schemas from '../ktp/schemas';
import type { RouteSpec } from '../route-spec';

const ktp = '/api/schools/{schoolId}/years/{yearId}/ktp/{classId}/{subjectId}/{groupId}';

/** A KTP from a spreadsheet: reading XLSX has a function of its own. */
export const ktpImportRoutes = [
  { method: 'POST', path: `${ktp}/import`, area: 'ktp-import', handler: 'importKtpFile', permission: 'ktp.write', summary: 'Импорт КТП из XLSX/CSV: предпросмотр или применение', body: schemas.importKtpBody, response: schemas.importPreviewResponse },
] as const satisfies readonly RouteSpec[];

/**
 * Handlers of the people-import function (functions/people-import/routes.ts): class lists from a
 * spreadsheet. A function of their own, so that exceljs loads only here.
 */
import { applyImport as applyImportService, getImport as readImport, previewImport as previewImportService } from '../../shared/services/people-import';
import { handlersOf } from '../http/area';
import { authorizedSchool } from '../http/school';
import { peopleImportRoutes } from './routes';

const handler = handlersOf(peopleImportRoutes);

const IMPORT_REFUSED = 'Списки классов загружает секретарь или администратор ЭЖ.';

export const previewImport = handler('previewImport', async (req) => {
  const school = await authorizedSchool(req, IMPORT_REFUSED);
  const content = new Uint8Array(Buffer.from(req.body.contentBase64, 'base64'));
  return { body: await previewImportService({ by: req.principal, school, fileName: req.body.fileName, content, defaultClassId: req.body.classId, now: req.now }) };
});

export const getImport = handler('getImport', async (req) => {
  const school = await authorizedSchool(req, IMPORT_REFUSED);
  return { body: await readImport(school, req.params.importId!) };
});

export const applyImport = handler('applyImport', async (req) => {
  const school = await authorizedSchool(req, IMPORT_REFUSED);
  return {
    body: await applyImportService({ by: req.principal, school, importId: req.params.importId!, version: req.body.version, skipRejected: req.body.skipRejected ?? false, now: req.now }),
  };
});

/**
 * Handlers of the ktp-import function (functions/ktp-import/routes.ts): a KTP from a spreadsheet.
 * A function of its own, so that exceljs loads only here.
 */
import { readKtpFile } from '../../shared/services/ktp-import';
import { importKtp } from '../../shared/services/ktp-plan';
import { handlersOf } from '../http/area';
import { ktpOf, WRITE_KTP } from '../ktp/scope';
import { ktpImportRoutes } from './routes';

const handler = handlersOf(ktpImportRoutes);

export const importKtpFile = handler('importKtpFile', async (req) => {
  const scope = await ktpOf(req, WRITE_KTP);
  const { fileName, content, apply, version } = req.body;
  const file = await readKtpFile(new Uint8Array(Buffer.from(content, 'base64')), fileName);
  return { body: await importKtp(scope, req.principal, { fileName, file, apply, version }, req.now) };
});

/**
 * A KTP from a spreadsheet (R-14: "it can be imported from a spreadsheet"): XLSX (first filled
 * sheet) or CSV as Russian Excel writes it (`;` or `,`, UTF-8 or Windows-1251). Reading the bytes
 * into a grid is the shared importer of uploaded tables (shared/domain/import-file.ts, also used by
 * the class-list import); what a KTP row means is shared/domain/ktp.ts. Pure apart from exceljs.
 */
import { ruDate } from '../domain/calendar';
import { readGrid, type Cell } from '../domain/import-file';
import { ktpFromTable, type KtpTableResult } from '../domain/ktp';

/** A KTP file of a few hundred rows is tens of kilobytes; the limit keeps the JSON body (base64)
 * under the 1 MB the local server and a Lambda comfortably take. */
export const MAX_KTP_FILE_BYTES = 512 * 1024;

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) {
    // A date cell in the hours column is Excel having read «2.09» as a date: show it as Excel does.
    return ruDate(c.toISOString());
  }
  return String(c);
}

export interface KtpFileResult extends KtpTableResult {
  format?: 'xlsx' | 'csv';
}

export async function readKtpFile(bytes: Uint8Array, fileName: string): Promise<KtpFileResult> {
  const empty = { rows: [], warnings: [], totalHours: 0, sourceRows: [] };
  if (bytes.length > MAX_KTP_FILE_BYTES) {
    return { ...empty, errors: [{ row: null, message: `Файл больше ${MAX_KTP_FILE_BYTES / 1024} КБ: для КТП это слишком много, проверьте, тот ли файл выбран.` }] };
  }
  const grid = await readGrid(bytes, fileName);
  if (!grid.ok) return { ...empty, errors: grid.errors.map((message) => ({ row: null, message })) };
  const table = grid.grid.map((cells, i) => ({ row: i + 1, cells: cells.map(text) }));
  return { ...ktpFromTable(table), format: grid.format };
}

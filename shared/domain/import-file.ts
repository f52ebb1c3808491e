/**
 * An uploaded class list as a grid of cells: XLSX (first worksheet, read with exceljs) or CSV
 * (./import-csv). No I/O beyond the bytes given; a file that cannot be read at all gives one
 * Russian message and no rows, so nothing is written.
 */
import type ExcelJS from 'exceljs';
import { decodeText, parseCsv } from './import-csv';

/** A cell as the validator sees it: text, a number, or a date cell. */
export type Cell = string | number | Date | null;

export type Grid = Cell[][];

export type ReadResult =
  | { ok: true; grid: Grid; format: 'xlsx' | 'csv'; encoding?: string }
  | { ok: false; errors: string[] };

/** More data rows than any school has in one file: a limit keeps a stray sheet from eating memory. */
export const MAX_ROWS = 2000;

export function detectFormat(bytes: Uint8Array, fileName = ''): 'xlsx' | 'xls' | 'csv' | 'unknown' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  if (/\.(xlsx|xlsm)$/i.test(fileName)) return 'xlsx';
  // Text: no NUL bytes in the first kilobyte.
  for (let i = 0; i < Math.min(bytes.length, 1024); i++) if (bytes[i] === 0) return 'unknown';
  return 'csv';
}

function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellOf((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return String(v);
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  // Loaded on first use: exceljs takes a second to initialise, which other routes of the same
  // function should not pay at a cold start.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, errors: ['Файл повреждён или не является таблицей Excel (XLSX). Сохраните его заново в формате XLSX или CSV.'] };
  }
  const sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { ok: false, errors: ['В файле нет ни одного заполненного листа.'] };
  if (sheet.rowCount > MAX_ROWS + 1) return { ok: false, errors: [`В файле больше ${MAX_ROWS} строк: разделите его на части.`] };
  const grid: Grid = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.getCell(c).value));
    grid.push(cells);
  }
  return { ok: true, grid, format: 'xlsx' };
}

export async function readGrid(bytes: Uint8Array, fileName = ''): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, errors: ['Файл пуст.'] };
  const format = detectFormat(bytes, fileName);
  if (format === 'xls') {
    return { ok: false, errors: ['Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как «Книга Excel (*.xlsx)» или CSV.'] };
  }
  if (format === 'unknown') return { ok: false, errors: ['Файл не похож на таблицу: загрузите XLSX или CSV.'] };
  if (format === 'xlsx') return readXlsx(bytes);
  const { text, encoding } = decodeText(bytes);
  const { rows, problems } = parseCsv(text);
  if (problems.length > 0) return { ok: false, errors: problems.map((p) => p.message) };
  if (rows.length > MAX_ROWS + 1) return { ok: false, errors: [`В файле больше ${MAX_ROWS} строк: разделите его на части.`] };
  return { ok: true, grid: rows, format: 'csv', encoding };
}

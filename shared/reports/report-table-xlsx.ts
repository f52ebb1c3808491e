/** A one-table class report as XLSX (./report-table.ts): figures that are whole numbers stay numbers. */
import type ExcelJS from 'exceljs';
import type { TableReport } from './report-table';

/** A printed figure back to a number where it is one («4», «4,67», «83 %» stay text but «5» becomes 5). */
const cell = (text: string): string | number => (/^\d+$/.test(text) ? Number(text) : text);

function sheet(ws: ExcelJS.Worksheet, columns: TableReport['columns'], rows: string[][]): void {
  ws.addRow(columns.map((c) => c.title)).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(cell));
}

export async function renderTableXlsx(t: TableReport): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Электронный журнал';
  const ws = wb.addWorksheet(t.title.slice(0, 31), { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([t.schoolName]);
  ws.addRow([t.title]).font = { bold: true, size: 14 };
  ws.addRow([t.subtitle]);
  ws.addRow([]);
  sheet(ws, t.columns, t.rows);
  for (const m of t.more ?? []) {
    ws.addRow([]);
    ws.addRow([m.heading]).font = { bold: true };
    sheet(ws, m.columns, m.rows);
  }
  for (const n of t.notes ?? []) ws.addRow([n]);
  t.columns.forEach((c, i) => (ws.getColumn(i + 1).width = Math.max(6, Math.round(c.width / 5))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

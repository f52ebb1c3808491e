/**
 * The summary sheet of marks and the class results as one XLSX workbook (issue 13, item 6): the
 * sheet «Сводная ведомость» (students x subjects; marks 2-5 as numbers so a spreadsheet can
 * count them, «н/а» and «зач» as text) and the sheet «Итоги» (per subject, then the class).
 * Averages are numbers shown with two decimals (Excel prints the comma of a Russian locale),
 * percentages are numbers with the % format. The same SummaryReport as the screen and the PDF.
 */
import type ExcelJS from 'exceljs';
import { ruDate } from '../domain/calendar';
import { cellText, RESULTS_TITLE, SUMMARY_TITLE } from '../domain/reports/summary-sheet';
import type { SummaryReport } from '../services/reports/summary';

/** A mark that is a number stays a number; «н/а», «зач», «4 / 5» stay text. */
const value = (text: string): string | number => (/^[2-5]$/.test(text) ? Number(text) : text);
const share = (n: number | null) => (n === null ? null : n / 100);

function heading(ws: ExcelJS.Worksheet, r: SummaryReport, title: string): void {
  ws.addRow([r.schoolName]);
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([`${r.className} класс, ${r.period.name} (${ruDate(r.period.startDate)} — ${ruDate(r.period.endDate)}). Сформировано ${ruDate(r.today)}.`]);
  ws.addRow([]);
}

function sheetOfMarks(wb: ExcelJS.Workbook, r: SummaryReport): void {
  const ws = wb.addWorksheet('Сводная ведомость', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  heading(ws, r, SUMMARY_TITLE);
  if (r.withYear) ws.addRow(['В ячейке: отметка за период / годовая отметка.']);
  const head = ws.addRow(['№', 'Обучающийся', ...r.subjects.map((s) => s.name), 'Средний балл']);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  for (const row of r.rows) {
    ws.addRow([row.no, row.name, ...row.cells.map((c) => value(cellText(c))), row.average]).getCell(r.subjects.length + 3).numFmt = '0.00';
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 5 : i === 1 ? 32 : 12;
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: head.number }];
}

function sheetOfResults(wb: ExcelJS.Workbook, r: SummaryReport): void {
  const ws = wb.addWorksheet('Итоги');
  heading(ws, r, RESULTS_TITLE);
  ws.addRow(['Предмет', '«5»', '«4»', '«3»', '«2»', '«н/а»', 'Без отметки', 'Успеваемость', 'Качество', 'Средний балл']).font = { bold: true };
  r.results.forEach((x, i) => {
    const row = ws.addRow([r.subjects[i]!.name, x.five, x.four, x.three, x.two, x.notAssessed, x.unmarked, share(x.success), share(x.quality), x.average]);
    row.getCell(8).numFmt = '0%';
    row.getCell(9).numFmt = '0%';
    row.getCell(10).numFmt = '0.00';
  });
  const t = r.totals;
  ws.addRow([]);
  for (const [label, v, fmt] of [
    ['Всего обучающихся', t.students],
    ['На «5»', t.excellent],
    ['На «4» и «5»', t.good],
    ['С одной «3»', t.oneThree],
    ['С «2»', t.withTwo],
    ['С «н/а»', t.withNotAssessed],
    ['Успеваемость', share(t.success), '0%'],
    ['Качество', share(t.quality), '0%'],
    ['Средний балл', t.average, '0.00'],
  ] as Array<[string, number | null, string?]>) {
    const row = ws.addRow([label, v]);
    if (fmt) row.getCell(2).numFmt = fmt;
  }
  ws.addRow([]);
  ws.addRow([r.note]);
  ws.getColumn(1).width = 34;
  for (let c = 2; c <= 10; c++) ws.getColumn(c).width = 12;
}

export async function renderSummaryXlsx(r: SummaryReport): Promise<Buffer> {
  // Loaded on first use, as the import does (shared/domain/import-file.ts): it is slow to initialise.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Электронный журнал';
  sheetOfMarks(wb, r);
  sheetOfResults(wb, r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

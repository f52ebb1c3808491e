/**
 * The summary sheet of marks and the class results as PDF (issue 13, items 1 and 6): A4
 * landscape, PT Sans, one page for 30 students x 15 subjects. Built for speed (pdf.summary_ms
 * <= 25 ms): every column width is a number worked out here, so pdfmake never balances '*' or
 * 'auto' columns; cells are plain strings (no per-cell style objects: the table's font size and
 * alignment come from one style), the grid is drawn as a few long lines under the table, and the
 * page's decoration is a few top-level lines (shared/reports/lean-pdf.ts cuts pdfmake's own costs).
 */
import { ruDate } from '../domain/calendar';
import { averageText, cellText, percentText, RESULTS_TITLE, SUMMARY_TITLE } from '../domain/reports/summary-sheet';
import type { SummaryReport } from '../services/reports/summary';
import { renderPlainPdf } from './lean-pdf';

/** A4 landscape, 842 x 595 pt, less the margins. */
const PAGE_WIDTH = 842 - 2 * 24;
const NO_WIDTH = 14;
const AVERAGE_WIDTH = 30;
const NAME_WIDTH = 130;
/** pdfmake adds each cell's padding (4 + 4 by default) to the widths given. */
const PADDING = 8;

const LINES = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888', paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1 };

const bold = (text: string) => ({ text, bold: true });

/** Every row of the sheet is this tall: 8 pt PT Sans is 10.4 pt a line; pdfmake's row height is without the 1 + 1 pt padding. */
const ROW = 13;
/** Rows that fit on the first page under the heading: more, and pdfmake draws the grid itself across pages. */
const ONE_PAGE_ROWS = 36;
const NO_LINES = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1 };
const GRID = { lineWidth: 0.5, lineColor: '#888888' };

/**
 * The sheet's grid as ~50 long lines under the table, instead of pdfmake's line per cell side
 * (about 1,100 for 30 x 15, a quarter of the render). The geometry is known: numeric column widths
 * (each plus its 2 + 2 pt padding) and fixed row heights.
 */
function grid(widths: readonly number[], rows: number) {
  const height = rows * ROW;
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc.at(-1)! + w + 4], [0]);
  const width = xs.at(-1)!;
  return {
    canvas: [
      ...xs.map((x) => ({ type: 'line', x1: x, y1: 0, x2: x, y2: height, ...GRID })),
      ...Array.from({ length: rows + 1 }, (_, i) => ({ type: 'line', x1: 0, y1: i * ROW, x2: width, y2: i * ROW, ...GRID })),
    ],
  };
}

function sheetTable(r: SummaryReport): unknown[] {
  const n = r.subjects.length;
  const cols = n + 3;
  const free = PAGE_WIDTH - NO_WIDTH - NAME_WIDTH - AVERAGE_WIDTH - cols * (PADDING / 2);
  const subjectWidth = Math.max(18, Math.floor(free / Math.max(n, 1)));
  const widths = [NO_WIDTH, NAME_WIDTH, ...Array<number>(n).fill(subjectWidth), AVERAGE_WIDTH];
  const header = [bold('№'), bold('Обучающийся'), ...r.subjects.map((s) => bold(s.shortName)), bold('Ср.')];
  // A name too long for its column stays on one line (a second line would break the fixed rows).
  const name = (text: string) => (text.length > 30 ? { text, noWrap: true, fontSize: 7 } : text);
  const body = r.rows.map((row) => [String(row.no), name(row.name), ...row.cells.map(cellText), averageText(row.average)]);
  const rows = body.length + 1;
  if (rows > ONE_PAGE_ROWS) return [{ style: 'grid', table: { headerRows: 1, widths, body: [header, ...body] }, layout: LINES }];
  return [grid(widths, rows), { style: 'grid', table: { widths, heights: ROW - 2, body: [header, ...body] }, layout: NO_LINES, margin: [0, -rows * ROW, 0, 0] }];
}

function resultsTable(r: SummaryReport) {
  const header = ['Предмет', '«5»', '«4»', '«3»', '«2»', '«н/а»', 'Без отм.', 'Успев.', 'Качество', 'Ср. балл'].map(bold);
  const body = r.results.map((x, i) => [
    r.subjects[i]!.name,
    String(x.five),
    String(x.four),
    String(x.three),
    String(x.two),
    String(x.notAssessed),
    String(x.unmarked),
    percentText(x.success),
    percentText(x.quality),
    averageText(x.average),
  ]);
  return {
    style: 'grid',
    table: { headerRows: 1, widths: [170, 24, 24, 24, 24, 28, 36, 36, 40, 36], body: [header, ...body] },
    layout: LINES,
  };
}

function totalsText(r: SummaryReport): string {
  const t = r.totals;
  return (
    `Всего обучающихся: ${t.students}. На «5»: ${t.excellent}; на «4» и «5»: ${t.good}; с одной «3»: ${t.oneThree}; ` +
    `с «2»: ${t.withTwo}; с «н/а»: ${t.withNotAssessed}. Успеваемость: ${percentText(t.success)}; качество: ${percentText(t.quality)}; средний балл: ${averageText(t.average)}.`
  );
}

const periodLine = (r: SummaryReport) => `${r.className} класс, ${r.period.name} (${ruDate(r.period.startDate)} — ${ruDate(r.period.endDate)})`;

/** The page: the school, the title, the class and period with the print date, then the content. */
function page(r: SummaryReport, title: string, lead: string, content: unknown[]): Record<string, unknown> {
  const subtitle = periodLine(r);
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 24, 24, 28],
    info: { title: `${title} — ${subtitle}`, creator: 'Электронный журнал' },
    styles: { grid: { fontSize: 8 } },
    defaultStyle: { fontSize: 9 },
    content: [
      { text: r.schoolName, color: '#555555' },
      { text: title, fontSize: 14, bold: true },
      { text: `${subtitle}. Сформировано ${ruDate(r.today)}.${lead}`, margin: [0, 0, 0, 6] },
      ...content,
    ],
    footer: (n: number, pages: number) => ({ text: `${title} · ${subtitle} · стр. ${n} из ${pages}`, alignment: 'center', fontSize: 7, color: '#777777' }),
  };
}


/** The summary sheet: students x subjects, the legend of the subjects' short names. */
export function summaryDoc(r: SummaryReport): Record<string, unknown> {
  const legend = r.subjects.map((s) => `${s.shortName} — ${s.name}`).join('; ');
  return page(r, SUMMARY_TITLE, r.withYear ? ' В ячейке: отметка за период / годовая отметка.' : '', [
    ...sheetTable(r),
    { text: `Предметы: ${legend}.`, fontSize: 7, margin: [0, 4, 0, 0] },
  ]);
}

/** The class results: per subject, then the class as a whole, and how the shares are counted. */
export function resultsDoc(r: SummaryReport): Record<string, unknown> {
  return page(r, RESULTS_TITLE, '', [resultsTable(r), { text: totalsText(r), margin: [0, 6, 0, 2] }, { text: r.note, fontSize: 7, color: '#555555' }]);
}

export function renderSummaryPdf(r: SummaryReport): Promise<Buffer> {
  return renderPlainPdf(summaryDoc(r));
}

export function renderResultsPdf(r: SummaryReport): Promise<Buffer> {
  return renderPlainPdf(resultsDoc(r));
}

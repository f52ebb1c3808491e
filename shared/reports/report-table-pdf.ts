/** A one-table class report as PDF (./report-table.ts): numeric widths, plain-string cells, the fast path. */
import { renderPlainPdf } from './lean-pdf';
import type { TableReport } from './report-table';

const LINES = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888', paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1 };
const bold = (text: string) => ({ text, bold: true });

function table(columns: TableReport['columns'], rows: string[][]) {
  return { style: 'grid', table: { headerRows: 1, widths: columns.map((c) => c.width), body: [columns.map((c) => bold(c.title)), ...rows] }, layout: LINES };
}

export function tableDoc(t: TableReport): Record<string, unknown> {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 24, 24, 28],
    info: { title: `${t.title} — ${t.subtitle}`, creator: 'Электронный журнал' },
    styles: { grid: { fontSize: 8 } },
    defaultStyle: { fontSize: 9 },
    content: [
      { text: t.schoolName, color: '#555555' },
      { text: t.title, fontSize: 14, bold: true },
      { text: t.subtitle, margin: [0, 0, 0, 6] },
      table(t.columns, t.rows),
      ...(t.more ?? []).flatMap((m) => [{ text: m.heading, bold: true, margin: [0, 8, 0, 4] }, table(m.columns, m.rows)]),
      ...(t.notes ?? []).map((text) => ({ text, fontSize: 7, color: '#555555', margin: [0, 4, 0, 0] })),
    ],
    footer: (n: number, pages: number) => ({ text: `${t.title} · ${t.subtitle} · стр. ${n} из ${pages}`, alignment: 'center', fontSize: 7, color: '#777777' }),
  };
}

export function renderTablePdf(t: TableReport): Promise<Buffer> {
  return renderPlainPdf(tableDoc(t));
}


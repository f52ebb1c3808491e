/**
 * The справка of a check of the electronic journal (issue 13 item 4; clause 8.4) as PDF: A4
 * portrait, the справка's text as signed, the monitoring figures it was drafted from, the findings
 * and the signature line. The fast path of ./lean-pdf.ts (plain-string cells, numeric widths).
 */
import { dateInZone, ruDate } from '../domain/calendar';
import { CERTIFICATE_TITLE, FIGURE_COLUMNS, figureCells } from '../domain/reports/journal-checks';
import type { JournalCheck } from '../repos/journal-checks';
import { renderPlainPdf } from './lean-pdf';

// Portrait A4 is 595 pt wide: the figures' columns (with 4 pt of padding each) fit within the margins.
const WIDTHS = [30, 62, 60, 40, 34, 36, 34, 34, 56, 40, 48];
const LINES = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888', paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1 };

const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => ({ text: p.trim(), margin: [0, 0, 0, 6] }));

export function certificateDoc(c: JournalCheck, school: { name: string; timeZone: string }): Record<string, unknown> {
  const signed = c.signedOffAt ? ruDate(dateInZone(new Date(c.signedOffAt), school.timeZone)) : null;
  const figures = c.figures.length
    ? [
        { text: 'Показатели мониторинга по проверенным классам', bold: true, margin: [0, 6, 0, 4] },
        { fontSize: 7, table: { headerRows: 1, widths: WIDTHS, body: [FIGURE_COLUMNS.map((col) => ({ text: col.title, bold: true })), ...c.figures.map(figureCells)] }, layout: LINES },
      ]
    : [];
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [28, 28, 28, 32],
    info: { title: `${CERTIFICATE_TITLE} от ${ruDate(c.date)}`, creator: 'Электронный журнал' },
    defaultStyle: { fontSize: 10 },
    content: [
      { text: school.name, alignment: 'center', color: '#555555' },
      { text: 'СПРАВКА', fontSize: 14, bold: true, alignment: 'center', margin: [0, 8, 0, 0] },
      { text: 'по итогам проверки электронного журнала', alignment: 'center', margin: [0, 0, 0, 8] },
      { text: `Дата проверки: ${ruDate(c.date)}. Проверяемый период: ${c.periodName}. ${c.classNames.length > 1 ? 'Классы' : 'Класс'}: ${c.classNames.join(', ')}.`, margin: [0, 0, 0, 6] },
      ...paragraphs(c.text),
      ...figures,
      ...(c.findings.trim() ? [{ text: 'Выводы и рекомендации', bold: true, margin: [0, 8, 0, 4] }, ...paragraphs(c.findings)] : []),
      { text: `${c.checkedByTitle} ____________________ ${c.checkedByName}`, margin: [0, 18, 0, 0] },
      ...(signed ? [{ text: `Подписано ${signed}.`, color: '#555555', margin: [0, 4, 0, 0] }] : [{ text: 'Черновик: справка не подписана.', bold: true, margin: [0, 4, 0, 0] }]),
    ],
    footer: (n: number, pages: number) => ({ text: `${CERTIFICATE_TITLE} от ${ruDate(c.date)} · стр. ${n} из ${pages}`, alignment: 'center', fontSize: 7, color: '#777777' }),
  };
}

export function renderCertificatePdf(c: JournalCheck, school: { name: string; timeZone: string }): Promise<Buffer> {
  return renderPlainPdf(certificateDoc(c, school));
}

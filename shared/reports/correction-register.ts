/**
 * «Журнал регистрации заявок на корректировку» (clause 7.3): the requests of a school year as the
 * register list shows them (the same filters), each with its reason, document, the cells it asks to
 * change with the value now and the value asked for, and the decisions taken. Landscape A4.
 */
import { ruDateTimeInZone } from '../domain/calendar';
import type { RegisterDocument } from '../services/correction-documents';
import { correctionDocumentText } from '../services/correction-documents';
import { renderPdf } from './pdf';
import { reportFrame, tableLayout, th } from './correction-frame';

export function registerDoc(r: RegisterDocument, printedAt: Date): Record<string, unknown> {
  const title = 'Журнал регистрации заявок на корректировку электронного журнала';
  const yearText = `${r.yearId}/${Number(r.yearId) + 1} учебный год`;
  const header = ['№', 'Подана, кем', 'Класс, период', 'Основание (п. 7.1), документ', 'Что исправить', 'Решения', 'Состояние'].map(th);
  const body = r.rows.map((x) => [
    String(x.number),
    `${ruDateTimeInZone(new Date(x.filedAt), r.timeZone)}\n${x.filedByName}`,
    `${x.className}\n${x.periodName}`,
    `${x.reasonText}\n${correctionDocumentText(x.document)}${x.explanation ? `\n${x.explanation}` : ''}`,
    { ul: x.cells },
    x.decisions.length ? { stack: x.decisions } : '—',
    x.stateText,
  ]);
  const table = r.rows.length
    ? { table: { headerRows: 1, dontBreakRows: true, widths: [22, 80, 60, 150, '*', 140, 70], body: [header, ...body] }, layout: tableLayout }
    : { text: 'Заявок нет.', margin: [0, 8, 0, 0] };
  return reportFrame({ schoolName: r.schoolName, title, subtitle: r.filterText ? `${yearText}; ${r.filterText}` : yearText, printedAt, timeZone: r.timeZone, content: [table] });
}

export function renderRegister(r: RegisterDocument, printedAt: Date): Promise<Buffer> {
  return renderPdf(registerDoc(r, printedAt));
}

/**
 * The period's summary sheet of marks as the close stores it (clauses 7.3, 7.5): the sheet, then
 * the table of changes made under correction requests («неотъемлемая часть распечатанной сводной
 * ведомости», 7.5), then the requests of the class and period from the register (7.3: «подшивается
 * к сводной ведомости»), in one PDF, each part from a page of its own. The parts are the documents
 * the screens print (summary-pdf.ts, correction-changes.ts, correction-register.ts), rendered in one
 * pass of the lean pdfmake path (shared/reports/lean-pdf.ts): the close renders one per class.
 */
import type { ChangeTable, RegisterDocument } from '../services/correction-documents';
import type { SummaryReport } from '../services/reports/summary';
import { SUMMARY_TITLE } from '../domain/reports/summary-sheet';
import { changeTableDoc } from './correction-changes';
import { registerDoc } from './correction-register';
import { renderPlainPdf } from './lean-pdf';
import { summaryDoc } from './summary-pdf';

type Doc = Record<string, unknown>;

const contentOf = (d: Doc) => d.content as unknown[];

/** The three parts in one document; each attached part starts a new page. */
export function closedSummaryDoc(sheet: SummaryReport, changes: ChangeTable, register: RegisterDocument, printedAt: Date): Doc {
  const first = summaryDoc(sheet);
  const subtitle = `${sheet.className} класс, ${sheet.period.name}`;
  const title = `${SUMMARY_TITLE} с приложениями`;
  return {
    ...first,
    info: { title: `${title} — ${subtitle}`, creator: 'Электронный журнал' },
    content: [
      ...contentOf(first),
      { text: '', pageBreak: 'after' },
      { text: 'Приложение 1 (п. 7.5 положения)', fontSize: 8, color: '#555555' },
      ...contentOf(changeTableDoc(changes, printedAt)),
      { text: '', pageBreak: 'after' },
      { text: 'Приложение 2 (п. 7.3 положения): заявки на корректировку по классу за период', fontSize: 8, color: '#555555' },
      ...contentOf(registerDoc(register, printedAt)),
    ],
    footer: (n: number, pages: number) => ({ text: `${title} · ${subtitle} · стр. ${n} из ${pages}`, alignment: 'center', fontSize: 7, color: '#777777' }),
  };
}

export function renderClosedSummary(sheet: SummaryReport, changes: ChangeTable, register: RegisterDocument, printedAt: Date): Promise<Buffer> {
  return renderPlainPdf(closedSummaryDoc(sheet, changes, register, printedAt));
}

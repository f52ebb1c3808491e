/**
 * «Лист утверждения»: the page put in front of an archived document when the director approves it
 * (clause 1.8, R-65). The stored document cannot change, so the approval block («УТВЕРЖДАЮ», the
 * director, the date) is its own page, joined to the untouched original by an incremental update
 * (shared/reports/pdf-append.ts); the page names the original by its title, file, size and SHA-256.
 */
import { ruDate, ruDateTimeInZone, zoneLabel } from '../domain/calendar';
import type { ArchivedDocument } from '../domain/archive';
import { prependPages } from './pdf-append';
import { renderPlainPdf } from './lean-pdf';

export interface ApprovalSheet {
  schoolName: string;
  timeZone: string;
  directorName: string;
  /** The school-local date of the approval, YYYY-MM-DD. */
  on: string;
  at: Date;
  doc: Pick<ArchivedDocument, 'title' | 'fileName' | 'size' | 'sha256' | 'storedAt' | 'retainUntil'>;
}

const bytes = new Intl.NumberFormat('ru-RU');

export function approvalSheetDoc(a: ApprovalSheet): Record<string, unknown> {
  const line = (label: string, value: string) => ({ text: [{ text: `${label}: `, bold: true }, value], margin: [0, 0, 0, 4] });
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { fontSize: 10 },
    info: { title: `Лист утверждения — ${a.doc.title}`, creator: 'Электронный журнал' },
    content: [
      {
        stack: [
          { text: 'УТВЕРЖДАЮ', bold: true, fontSize: 13 },
          { text: `Директор ${a.schoolName}`, margin: [0, 4, 0, 0] },
          { text: a.directorName, bold: true, margin: [0, 4, 0, 0] },
          { text: ruDate(a.on), margin: [0, 4, 0, 0] },
        ],
        margin: [260, 0, 0, 36],
      },
      { text: 'Лист утверждения', fontSize: 15, bold: true, margin: [0, 0, 0, 12] },
      line('Документ', a.doc.title),
      line('Файл', `${a.doc.fileName}, ${bytes.format(a.doc.size)} байт`),
      line('Сохранён в архиве', ruDateTimeInZone(new Date(a.doc.storedAt), a.timeZone)),
      line('Хранить до', ruDate(a.doc.retainUntil)),
      line('Контрольная сумма подлинника (SHA-256)', a.doc.sha256),
      line('Утвердил(а)', `${a.directorName}, директор, ${ruDateTimeInZone(a.at, a.timeZone)} (${zoneLabel(a.timeZone, a.at)})`),
      {
        text: `Лист добавлен к подлиннику, не изменяя его: первые ${bytes.format(a.doc.size)} байт этого файла и есть подлинник из архива, их SHA-256 совпадает с указанной выше.`,
        fontSize: 9,
        color: '#555555',
        margin: [0, 12, 0, 0],
      },
    ],
  };
}

/** The approved copy: the approval sheet in front of the original's bytes, which stay as they are.
 * The sheet goes the lean way (plain PT Sans, parsed once): a quarter of plain pdfmake's time. */
export async function approvedCopy(original: Uint8Array, a: ApprovalSheet): Promise<Buffer> {
  return prependPages(original, await renderPlainPdf(approvalSheetDoc(a)));
}

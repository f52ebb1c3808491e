/**
 * What the two documents of corrections after a lock share (shared/reports/correction-changes.ts,
 * correction-register.ts): landscape A4, the school above the title, the print time in the
 * school's zone, page numbers, and one table style.
 */
import { ruDateTimeInZone, zoneLabel } from '../domain/calendar';

/** PT Sans has no arrows (U+2192): the change log's «3 → 4» is printed as «3 на 4», as a correction is said aloud. */
export const printable = (text: string) => text.replaceAll(' → ', ' на ').replaceAll('→', '—');

export const th = (text: string) => ({ text, bold: true, fillColor: '#eeeeee' });

export const tableLayout = { paddingTop: () => 3, paddingBottom: () => 3, hLineColor: () => '#999999', vLineColor: () => '#999999' };

export interface Frame {
  schoolName: string;
  title: string;
  subtitle: string;
  printedAt: Date;
  timeZone: string;
  content: unknown[];
}

export function reportFrame(f: Frame): Record<string, unknown> {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 30, 30, 36],
    defaultStyle: { fontSize: 9 },
    info: { title: `${f.title} — ${f.subtitle}`, creator: 'Электронный журнал' },
    content: [
      { text: f.schoolName, fontSize: 10, color: '#555555' },
      { text: f.title, fontSize: 15, bold: true, margin: [0, 4, 0, 2] },
      { text: f.subtitle, fontSize: 11, margin: [0, 0, 0, 2] },
      { text: `Сформировано ${ruDateTimeInZone(f.printedAt, f.timeZone)} (${zoneLabel(f.timeZone, f.printedAt)})`, fontSize: 8, color: '#555555', margin: [0, 0, 0, 8] },
      ...f.content,
    ],
    footer: (page: number, pages: number) => ({ text: `${f.title} · ${f.subtitle} · стр. ${page} из ${pages}`, alignment: 'center', fontSize: 8, color: '#777777' }),
  };
}

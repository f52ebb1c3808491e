/**
 * «Таблица учета изменений в электронном журнале» (clause 7.5): the changes made under correction
 * requests in one class and period, printed with the period's summary sheet (clause 7.3; the
 * archive issue attaches it). One row per change: when and by whom it was entered, where, what
 * changed, and the request behind it (number, reason, document, decision). Landscape A4.
 */
import { ruDate, ruDateTimeInZone } from '../domain/calendar';
import type { ChangeTable } from '../services/correction-documents';
import { correctionDocumentText } from '../services/correction-documents';
import { renderPdf } from './pdf';
import { printable, reportFrame, tableLayout, th } from './correction-frame';

export function changeTableDoc(t: ChangeTable, printedAt: Date): Record<string, unknown> {
  const title = 'Таблица учета изменений в электронном журнале';
  const header = ['№', 'Заявка', 'Когда внесено, кто внёс', 'Предмет, урок, обучающийся', 'Что изменено', 'Основание и документ', 'Решение'].map(th);
  const body = t.rows.map((r, i) => [
    String(i + 1),
    `№ ${r.correctionNo}`,
    `${ruDateTimeInZone(new Date(r.at), t.timeZone)}\n${r.actorName}`,
    [r.subjectName, r.lesson ? `${ruDate(r.lesson.date)}, ${r.lesson.lessonNo}-й урок` : '', r.studentName ?? ''].filter(Boolean).join('\n'),
    printable(r.description),
    r.reasonText ? `${r.reasonText}${r.document ? `\n${correctionDocumentText(r.document)}` : ''}` : 'Заявка не найдена в журнале регистрации',
    r.approval ? `${r.approval.text}: ${r.approval.byName}, ${ruDateTimeInZone(new Date(r.approval.at), t.timeZone)}${r.approval.document ? `\n${correctionDocumentText(r.approval.document)}` : ''}` : '—',
  ]);
  const table = t.rows.length
    ? { table: { headerRows: 1, dontBreakRows: true, widths: [18, 42, 92, 130, '*', 150, 130], body: [header, ...body] }, layout: tableLayout }
    : { text: 'Изменений по заявкам на корректировку за период не было.', margin: [0, 8, 0, 0] };
  return reportFrame({
    schoolName: t.schoolName,
    title,
    subtitle: `${t.className} класс, ${t.periodName}`,
    printedAt,
    timeZone: t.timeZone,
    content: [table, { text: '\nЗаместитель директора, ответственный за контроль ведения электронного журнала: ____________________ / ____________________', margin: [0, 16, 0, 0] }],
  });
}

export function renderChangeTable(t: ChangeTable, printedAt: Date): Promise<Buffer> {
  return renderPdf(changeTableDoc(t, printedAt));
}

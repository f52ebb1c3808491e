/**
 * The paper progress report of a class for a fortnight (clause 3.13, R-52): one A4 page per pupil
 * whose parent applied in writing, to be printed by the class teacher and handed over. Each page
 * stands alone (it goes to one family): school, pupil, class and dates, marks by subject with work
 * types and the weighted average, absences with their reasons, and lines for the signatures.
 */
import { ruDate } from '../domain/calendar';
import { marksLine, type PupilSummary } from '../domain/paper-reports';
import { renderPdf } from './pdf';

export interface PaperReportPage {
  pupilName: string;
  parentName: string;
  summary: PupilSummary;
}

export interface PaperReportInput {
  schoolName: string;
  className: string;
  classTeacherName?: string;
  from: string;
  to: string;
  /** The school-local day it was generated on. */
  generatedOn: string;
  pages: PaperReportPage[];
}

const HEAD = { bold: true, fillColor: '#eeeeee' };
const LAYOUT = { paddingTop: () => 3, paddingBottom: () => 3, hLineColor: () => '#999999', vLineColor: () => '#999999' };

function absencesBlock(a: PupilSummary['absences']): unknown[] {
  if (a.lessons === 0 && a.late === 0) return [{ text: 'Пропусков уроков и опозданий нет.' }];
  const total = `Пропущено уроков: ${a.lessons}${a.lessons > 0 ? ` (дней с пропусками: ${a.days}; ${a.byReason.map((r) => `${r.reason} — ${r.lessons}`).join(', ')})` : ''}. Опозданий: ${a.late}.`;
  if (a.list.length === 0) return [{ text: total }];
  return [
    { text: total, margin: [0, 0, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: [60, 40, '*', 150],
        body: [
          ['Дата', 'Урок', 'Предмет', 'Причина'].map((text) => ({ text, ...HEAD })),
          ...a.list.map((l) => [ruDate(l.date), String(l.lessonNo), l.subjectName, l.reason]),
        ],
      },
      layout: LAYOUT,
    },
  ];
}

function page(input: PaperReportInput, p: PaperReportPage, first: boolean): unknown[] {
  const s = p.summary;
  return [
    { text: input.schoolName, fontSize: 10, color: '#555555', ...(first ? {} : { pageBreak: 'before' }) },
    { text: 'Сведения о текущей успеваемости и посещаемости', fontSize: 15, bold: true, margin: [0, 4, 0, 2] },
    { text: `за ${ruDate(input.from)} – ${ruDate(input.to)} (п. 3.13 Положения об электронном журнале)`, margin: [0, 0, 0, 8] },
    { text: [{ text: 'Обучающийся: ', bold: true }, `${p.pupilName}, ${input.className} класс`] },
    { text: [{ text: 'Родитель (законный представитель): ', bold: true }, p.parentName], margin: [0, 0, 0, 8] },
    { text: 'Отметки', bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
    s.subjects.length === 0
      ? { text: 'За эти две недели отметок нет.' }
      : {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [120, '*', 60],
            body: [
              ['Предмет', 'Отметки (вид работы, дата)', 'Средний балл'].map((text) => ({ text, ...HEAD })),
              ...s.subjects.map((x) => [x.subjectName, marksLine(x), { text: x.averageText, alignment: 'center' }]),
            ],
          },
          layout: LAYOUT,
        },
    { text: 'Средний балл — взвешенный: каждая отметка умножена на вес вида работы.', fontSize: 8, color: '#555555', margin: [0, 2, 0, 8] },
    { text: 'Посещаемость', bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
    ...absencesBlock(s.absences),
    {
      margin: [0, 18, 0, 0],
      table: {
        widths: ['*', '*'],
        body: [
          [`Классный руководитель: ${input.classTeacherName ?? '____________________'}`, 'Подпись: ____________________'],
          ['Получил(а) родитель: ____________________', 'Дата: «___» ____________ 20___ г.'],
        ],
      },
      layout: 'noBorders',
    },
  ];
}

export function paperReportDoc(input: PaperReportInput): Record<string, unknown> {
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 44],
    info: { title: `Сведения об успеваемости — ${input.className} класс, ${ruDate(input.from)} – ${ruDate(input.to)}`, creator: 'Электронный журнал' },
    content: input.pages.flatMap((p, i) => page(input, p, i === 0)),
    footer: () => ({ text: `Сформировано ${ruDate(input.generatedOn)} электронным журналом`, alignment: 'center', fontSize: 8, color: '#777777' }),
  };
}

export async function renderPaperReport(input: PaperReportInput): Promise<Buffer> {
  return renderPdf(paperReportDoc(input));
}

/**
 * The yearly journal of a class as one PDF (R-64, clause 8.5: printed once a year, bound, signed by
 * the director and sealed): a title page; per subject, each period's grid of marks and attendance
 * and its list of lessons with topics and homework, then the subject's period and year marks; the
 * summary sheets of marks of the periods (./summary-pdf.ts, the same pages the class teacher
 * prints); and the certification page with the director's signature and the seal («М.П.»).
 *
 * A4 landscape through the lean pdfmake path (./lean-pdf.ts): numeric column widths and plain
 * string cells, so a whole year of a class (about 200 pages) stays a matter of seconds.
 */
import { ruDate } from '../domain/calendar';
import type { SummaryReport } from '../services/reports/summary';
import { renderPlainPdf } from './lean-pdf';
import { summaryDoc } from './summary-pdf';
import { finalMarksTable, gridPages, lessonLines, type GridPage, type JournalPeriod, type JournalPupil, type PrintedFinalMark, type SubjectPeriodRecords } from './yearly-journal-grid';

export const YEARLY_JOURNAL_TITLE = 'Классный журнал';

export interface YearlyJournalSubject {
  subjectId: string;
  name: string;
  /** The subject's teachers over the year, «Фамилия И. О.». */
  teachers: string[];
  /** Pupils who were on the subject's roster in any period of the year. */
  pupils: JournalPupil[];
  periods: SubjectPeriodRecords[];
}

export interface YearlyJournal {
  schoolName: string;
  className: string;
  /** «2026/2027». */
  yearName: string;
  yearStart: string;
  yearEnd: string;
  classTeacherName?: string;
  /** The school's today, ISO: the printed date. */
  printedOn: string;
  periods: JournalPeriod[];
  pupils: JournalPupil[];
  subjects: YearlyJournalSubject[];
  /** Period marks of every period and the year's, exam and final marks. */
  finalMarks: PrintedFinalMark[];
  /** The summary sheet of each period, the last with the year marks. */
  summaries: SummaryReport[];
}

/** A4 landscape, 842 x 595 pt, less the margins. */
const PAGE_WIDTH = 842 - 2 * 24;
const NO_WIDTH = 14;
const NAME_WIDTH = 120;
const CELL_WIDTH = 17;
const MARK_WIDTH = 26;
/** Each cell's padding (1 + 1 pt), added by pdfmake to the widths given. */
const PAD = 2;

const LINES = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888', paddingLeft: () => 1, paddingRight: () => 1, paddingTop: () => 1, paddingBottom: () => 1 };
const NO_LINES = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 1, paddingRight: () => 1, paddingTop: () => 1, paddingBottom: () => 1 };
const bold = (text: string) => ({ text, bold: true });
const heading = (text: string) => ({ text, fontSize: 13, bold: true, margin: [0, 0, 0, 4] });
const sub = (text: string, pageBreak = false) => ({ text, fontSize: 10, bold: true, margin: [0, 6, 0, 3], ...(pageBreak ? { pageBreak: 'before' } : {}) });

/** Every row of a ruled grid is this tall: 7 pt PT Sans is 9.1 pt a line, plus the 1 + 1 pt padding. */
const ROW = 12;
/** Rows a ruled grid may have: it starts on a fresh page under one line of title. */
const RULED_ROWS = 44;
const RULE = { lineWidth: 0.5, lineColor: '#888888' };

/**
 * A grid of short strings with its rules drawn as a few long lines under the table, instead of
 * pdfmake's four lines per cell (for a class's year, about 200,000 lines and a third of the
 * render): the geometry is known from the numeric widths and the fixed row height. A grid longer
 * than a page is ruled by pdfmake as usual.
 */
function ruledTable(widths: readonly number[], body: unknown[][]): unknown[] {
  const rows = body.length;
  if (rows > RULED_ROWS) return [{ style: 'grid', table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: LINES }];
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc.at(-1)! + w + 2 * PAD / 2], [0]);
  const height = rows * ROW;
  const canvas = [
    ...xs.map((x) => ({ type: 'line', x1: x, y1: 0, x2: x, y2: height, ...RULE })),
    ...Array.from({ length: rows + 1 }, (_, i) => ({ type: 'line', x1: 0, y1: i * ROW, x2: xs.at(-1)!, y2: i * ROW, ...RULE })),
  ];
  return [{ canvas }, { style: 'marks', table: { widths, heights: ROW - PAD, body }, layout: NO_LINES, margin: [0, -height, 0, 0] }];
}

/** A name that would not fit its column stays on one line (a second line would break the fixed rows). */
const oneLine = (name: string) => ({ text: name, noWrap: true, alignment: 'left' });

function gridTable(page: GridPage) {
  const widths = [NO_WIDTH, NAME_WIDTH, ...page.dates.map(() => CELL_WIDTH), ...(page.withPeriodMark ? [MARK_WIDTH] : [])];
  const header = [bold('№'), bold('Обучающийся'), ...page.dates.map((d) => ({ text: d, fontSize: 5.5 })), ...(page.withPeriodMark ? [{ text: 'За пер.', fontSize: 6, bold: true }] : [])];
  const body = page.rows.map((r) => [String(r.no), oneLine(r.name), ...r.cells, ...(page.withPeriodMark ? [r.periodMark] : [])]);
  return ruledTable(widths, [header, ...body]);
}

function lessonsTable(r: SubjectPeriodRecords) {
  const lines = lessonLines(r);
  if (lines.length === 0) return { text: 'Уроков не проводилось.', italics: true, margin: [0, 0, 0, 4] };
  const fixed = NO_WIDTH + 50;
  const free = PAGE_WIDTH - fixed - 4 * 2 * PAD;
  const topic = Math.floor(free * 0.55);
  return {
    style: 'grid',
    table: { headerRows: 1, widths: [NO_WIDTH, 50, topic, free - topic], body: [['№', 'Дата', 'Тема урока', 'Домашнее задание'].map(bold), ...lines.map((l) => [String(l.no), l.date, l.topic, l.homework])] },
    layout: LINES,
  };
}

function finalTable(j: YearlyJournal, s: YearlyJournalSubject) {
  const t = finalMarksTable(s.subjectId, j.periods, j.finalMarks, s.pupils);
  const widths = [NO_WIDTH, NAME_WIDTH + 40, ...t.header.map(() => 60)];
  return ruledTable(widths, [[bold('№'), bold('Обучающийся'), ...t.header.map(bold)], ...t.rows.map((r) => [String(r.no), oneLine(r.name), ...r.cells])]);
}

/**
 * A subject as the paper journal has it: each grid on a page of its own (the first under the
 * subject's name), the period's lessons after it, and the year's marks on a page at the end.
 */
function subjectContent(j: YearlyJournal, s: YearlyJournalSubject): unknown[] {
  const teachers = s.teachers.length > 0 ? [{ text: `Учитель: ${s.teachers.join(', ')}`, margin: [0, 0, 0, 2] }] : [];
  let first = true;
  const grid = (title: string) => {
    const opening = first ? [{ ...heading(s.name), pageBreak: 'before' }, ...teachers, sub(title)] : [sub(title, true)];
    first = false;
    return opening;
  };
  return [
    ...s.periods.flatMap((r) => [
      ...gridPages(r, j.pupils).flatMap((page) => [...grid(`${s.name} — ${page.title}: отметки и посещаемость`), ...gridTable(page)]),
      sub(`${s.name} — ${r.period.name}: темы уроков и домашние задания`),
      lessonsTable(r),
    ]),
    sub(`${s.name} — отметки за периоды и за год`, true),
    ...finalTable(j, s),
  ];
}

function titlePage(j: YearlyJournal): unknown[] {
  return [
    { text: j.schoolName, alignment: 'center', fontSize: 12, margin: [0, 60, 0, 40] },
    { text: YEARLY_JOURNAL_TITLE.toUpperCase(), alignment: 'center', fontSize: 26, bold: true },
    { text: `${j.className} класса`, alignment: 'center', fontSize: 18, margin: [0, 8, 0, 4] },
    { text: `${j.yearName} учебный год (${ruDate(j.yearStart)} — ${ruDate(j.yearEnd)})`, alignment: 'center', fontSize: 12 },
    ...(j.classTeacherName ? [{ text: `Классный руководитель: ${j.classTeacherName}`, alignment: 'center', margin: [0, 24, 0, 0] }] : []),
    { text: `Распечатан из электронного журнала ${ruDate(j.printedOn)} (п. 8.5 Положения об электронном журнале).`, alignment: 'center', fontSize: 9, color: '#555555', margin: [0, 40, 0, 0] },
    { text: `Предметы: ${j.subjects.map((s) => s.name).join(', ')}.`, alignment: 'center', fontSize: 9, color: '#555555', margin: [0, 6, 0, 0] },
  ];
}

/** The legend of the codes, on the last page before the signature. */
const LEGEND = 'Обозначения: н — отсутствовал(а); б — по болезни; уп — по уважительной причине; нп — по неуважительной причине; оп — опоздал(а); — — не обучался(ась) в классе в этот день; н/а — не аттестован(а); зач/незач — зачёт/незачёт.';

function certification(j: YearlyJournal): unknown[] {
  return [
    { ...heading('Заверение журнала'), pageBreak: 'before' },
    { text: LEGEND, fontSize: 8, margin: [0, 0, 0, 16] },
    { text: `Журнал ${j.className} класса за ${j.yearName} учебный год распечатан ${ruDate(j.printedOn)}, сшит, пронумерован и скреплён печатью.`, margin: [0, 0, 0, 4] },
    { text: 'Количество листов: ________', margin: [0, 0, 0, 30] },
    {
      columns: [
        { width: 200, text: 'Директор', bold: true },
        { width: 160, stack: [{ text: '______________________' }, { text: '(подпись)', fontSize: 7, color: '#555555', alignment: 'center' }] },
        { width: 220, stack: [{ text: '______________________________' }, { text: '(расшифровка подписи)', fontSize: 7, color: '#555555', alignment: 'center' }] },
      ],
      margin: [0, 0, 0, 30],
    },
    { text: 'М.П.', bold: true, fontSize: 12, margin: [40, 0, 0, 0] },
    { text: 'Дата: «____» ______________ 20____ г.', margin: [0, 30, 0, 0] },
  ];
}

/** The whole document: title page, subjects, summary sheets, certification. */
export function yearlyJournalDoc(j: YearlyJournal): Record<string, unknown> {
  const title = `${YEARLY_JOURNAL_TITLE} ${j.className} класса, ${j.yearName} учебный год`;
  // Each period's summary sheet as the class teacher prints it, from a page of its own.
  const summaries = j.summaries.flatMap((r) => {
    const [first, ...rest] = summaryDoc(r).content as Array<Record<string, unknown>>;
    return [{ ...first, pageBreak: 'before' }, ...rest];
  });
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 24, 24, 28],
    info: { title, creator: 'Электронный журнал' },
    styles: { grid: { fontSize: 7 }, marks: { fontSize: 7, alignment: 'center' } },
    defaultStyle: { fontSize: 9 },
    content: [...titlePage(j), ...j.subjects.flatMap((s) => subjectContent(j, s)), ...summaries, ...certification(j)],
    footer: (n: number, pages: number) => ({ text: `${title} · стр. ${n} из ${pages}`, alignment: 'center', fontSize: 7, color: '#777777' }),
  };
}

export function renderYearlyJournal(j: YearlyJournal): Promise<Buffer> {
  return renderPlainPdf(yearlyJournalDoc(j));
}

/**
 * The calendar-thematic plan (KTP, R-14, clause 5): a teacher's ordered list of topics with their
 * hours for one class x subject (x subgroup) and school year. Clause 5 asks for it "before the start
 * of the school year" with hours that "must correspond to the curriculum"; the hours check below
 * compares it with the curriculum and with the timetable's lesson count for the year.
 *
 * Pure: rows in, topics and Russian messages out. Reading CSV/XLSX bytes is in
 * shared/services/ktp-import.ts; this module decides what a row means.
 */
import { plural, type PluralForms } from './calendar';

/** The group id of a KTP that covers the whole class (not a subgroup of a split subject). */
export { WHOLE_CLASS } from './curriculum';

/** Limits that keep one KTP (and its audit record with old and new value) well inside DynamoDB's 400 KB item. */
export const KTP_LIMITS = {
  rows: 300,
  titleLength: 200,
  /** One topic may span several lessons (a «Повторение» block), but not a whole term. */
  topicHours: 40,
} as const;

/** A row of a KTP: a section heading («Раздел 1. Натуральные числа») or a topic with its hours. */
export type KtpRow = { kind: 'section'; title: string } | { kind: 'topic'; title: string; hours: number };

export type KtpStatus = 'draft' | 'approved';

/** The stored KTP (one item per class x subject x group and year; keys.ktp). */
export interface Ktp {
  schoolId: string;
  yearId: string;
  classId: string;
  subjectId: string;
  groupId: string;
  rows: KtpRow[];
  /** Sum of the topics' hours, kept on the item so that lists can show it without reading the rows. */
  totalHours: number;
  topicCount: number;
  status: KtpStatus;
  /** Approval by the deputy director: who and when (R-14). */
  approvedBy?: string;
  approvedByName?: string;
  approvedAt?: string;
  updatedBy: string;
  updatedByName: string;
  updatedAt: string;
  version: number;
}

export function totalHours(rows: readonly KtpRow[]): number {
  return rows.reduce((sum, r) => sum + (r.kind === 'topic' ? r.hours : 0), 0);
}

export function topicCount(rows: readonly KtpRow[]): number {
  return rows.filter((r) => r.kind === 'topic').length;
}

/** A topic with its place in the plan: topic number and the lesson numbers it covers. */
export interface NumberedTopic {
  n: number;
  title: string;
  hours: number;
  section?: string;
  firstLesson: number;
  lastLesson: number;
}

/** Topics numbered in order, each with the lessons it takes: the journal maps lesson k to its topic. */
export function numberedTopics(rows: readonly KtpRow[]): NumberedTopic[] {
  const out: NumberedTopic[] = [];
  let section: string | undefined;
  let lesson = 0;
  for (const r of rows) {
    if (r.kind === 'section') {
      section = r.title;
      continue;
    }
    out.push({ n: out.length + 1, title: r.title, hours: r.hours, ...(section ? { section } : {}), firstLesson: lesson + 1, lastLesson: lesson + r.hours });
    lesson += r.hours;
  }
  return out;
}

// --- Russian words -----------------------------------------------------------------------------

const LESSONS: PluralForms = ['урок', 'урока', 'уроков'];

/** Clause 5: every entry, foreign-language lessons included, is made in Russian. */
export function hasCyrillic(text: string): boolean {
  return /[а-яё]/i.test(text);
}

// --- validation of rows entered on screen -------------------------------------------------------

/** Problems of rows as a person entered them; empty when the rows can be saved. */
export function rowProblems(rows: readonly KtpRow[]): string[] {
  const problems: string[] = [];
  if (rows.length > KTP_LIMITS.rows) problems.push(`В КТП не может быть больше ${KTP_LIMITS.rows} строк.`);
  rows.forEach((r, i) => {
    const at = `Строка ${i + 1}`;
    const title = r.title.trim();
    if (!title) problems.push(r.kind === 'section' ? `${at}: не указано название раздела.` : `${at}: не указана тема урока.`);
    if (title.length > KTP_LIMITS.titleLength) problems.push(`${at}: текст длиннее ${KTP_LIMITS.titleLength} символов.`);
    if (r.kind === 'topic' && !(Number.isInteger(r.hours) && r.hours >= 1 && r.hours <= KTP_LIMITS.topicHours)) {
      problems.push(`${at}: количество часов должно быть целым числом от 1 до ${KTP_LIMITS.topicHours}.`);
    }
  });
  return problems;
}

/** Topics written without a Russian letter (clause 5): flagged to the teacher, not refused. */
export function nonRussianTopics(rows: readonly KtpRow[]): string[] {
  return rows.flatMap((r, i) =>
    r.kind === 'topic' && r.title.trim() && !hasCyrillic(r.title)
      ? [`Строка ${i + 1}: тема «${r.title.trim()}» написана без русских букв; по п. 5 Положения записи ведутся на русском языке.`]
      : [],
  );
}

// --- the hours check ----------------------------------------------------------------------------

export interface HoursCheckInput {
  /** Hours of the KTP (sum of its topics). */
  planned: number;
  /** Hours of the curriculum for the year, or null when the curriculum has no such line yet. */
  curriculum: number | null;
  /** Lessons of this class x subject (x group) in the year's timetable, or null when there is no timetable yet. */
  timetable: number | null;
}

export interface HoursCheck extends HoursCheckInput {
  /** 'ok': equals the curriculum and the timetable; 'warning': equals the curriculum, the timetable
   * differs or is missing; 'mismatch': differs from the curriculum (clause 5 requires them equal). */
  status: 'ok' | 'warning' | 'mismatch';
  /** One line for lists: «В КТП 68 ч, по учебному плану 70 ч (не хватает 2 ч), по расписанию 66 уроков». */
  summary: string;
  /** What is wrong and what to do, one sentence each. */
  findings: string[];
}

/** The curriculum's hours for a year: hours per week x study weeks. */
export function curriculumHours(hoursPerWeek: number, weeks: number): number {
  return Math.round(hoursPerWeek * weeks * 10) / 10;
}

/** Study weeks of a grade (the federal curriculum: 33 in grade 1, 34 in grades 2-11). */
export function studyWeeks(grade: number): number {
  return grade === 1 ? 33 : 34;
}

export function ktpHoursCheck(input: HoursCheckInput): HoursCheck {
  const { planned, curriculum, timetable } = input;
  const parts = [`В КТП ${planned} ч`];
  const findings: string[] = [];
  if (planned === 0) findings.push('В КТП ещё нет ни одной темы.');

  if (curriculum === null) {
    parts.push('в учебном плане часов нет');
    findings.push('В учебном плане нет часов по этому предмету для этого класса: сверить КТП не с чем, обратитесь к заместителю директора.');
  } else {
    const diff = planned - curriculum;
    parts.push(`по учебному плану ${curriculum} ч${diff < 0 ? ` (не хватает ${-diff} ч)` : diff > 0 ? ` (лишних ${diff} ч)` : ''}`);
    if (diff < 0 && planned > 0) findings.push(`В КТП на ${-diff} ч меньше, чем по учебному плану (${curriculum} ч): добавьте темы или часы.`);
    if (diff > 0) findings.push(`В КТП на ${diff} ч больше, чем по учебному плану (${curriculum} ч): уберите лишние часы.`);
  }

  if (timetable === null) {
    findings.push('Расписание на год ещё не составлено: число уроков по расписанию не подсчитано.');
  } else {
    parts.push(`по расписанию ${timetable} ${plural(timetable, LESSONS)}`);
    const diff = timetable - planned;
    if (planned > 0 && diff < 0) {
      findings.push(`По расписанию в году ${timetable} ${plural(timetable, LESSONS)}, на ${-diff} меньше, чем часов в КТП: часть тем не поместится, их нужно объединить.`);
    }
    if (planned > 0 && diff > 0) {
      findings.push(`По расписанию в году ${timetable} ${plural(timetable, LESSONS)}, на ${diff} больше, чем часов в КТП: запланируйте резервные уроки (повторение).`);
    }
  }

  const status: HoursCheck['status'] =
    curriculum === null || planned !== curriculum || planned === 0 ? 'mismatch' : timetable === null || timetable !== planned ? 'warning' : 'ok';
  return { planned, curriculum, timetable, status, summary: parts.join(', '), findings };
}

// --- a table read from a file (CSV or XLSX) -----------------------------------------------------

export interface ImportIssue {
  /** The row number as the spreadsheet shows it (1-based), or null for the file as a whole. */
  row: number | null;
  message: string;
}

export interface KtpTableResult {
  rows: KtpRow[];
  /** Refusals: when any is present the import changes nothing. */
  errors: ImportIssue[];
  /** Flags that do not stop the import (e.g. a topic without Russian letters). */
  warnings: ImportIssue[];
  totalHours: number;
  /** The spreadsheet row numbers the KTP rows came from, in order (for the preview). */
  sourceRows: number[];
}

type Column = 'number' | 'topic' | 'hours' | 'section';

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/[\s.,:;()«»"'\-–—/\\]+/g, '');

/** Headers as teachers write them in Russian KTP templates. */
const HEADER_NAMES: Record<Column, string[]> = {
  number: ['№', '№ п/п', 'N п/п', 'номер', '№ урока', '№ темы'],
  topic: ['Тема урока', 'Тема', 'Тема занятия', 'Наименование темы', 'Название темы', 'Содержание'],
  hours: ['Кол-во часов', 'Количество часов', 'Часы', 'Часов', 'Кол. часов', 'Кол-во ч.', 'Ч.'],
  section: ['Раздел', 'Название раздела', 'Наименование раздела', 'Модуль', 'Блок'],
};

function columnOf(header: string): Column | null {
  const h = norm(header);
  if (!h) return null;
  for (const col of ['number', 'topic', 'hours', 'section'] as const) {
    if (HEADER_NAMES[col].map(norm).includes(h)) return col;
  }
  // Longer spellings: «Тема урока (занятия)», «Количество часов на изучение»
  if (h.startsWith('тема')) return 'topic';
  if (h.startsWith('колвочас') || h.startsWith('количествочас') || h.startsWith('часы')) return 'hours';
  if (h.startsWith('раздел')) return 'section';
  return null;
}

/** How far down a title block may push the header row of a spreadsheet. */
const HEADER_SEARCH_ROWS = 15;

const TOTAL_RE = /^(итого|всего)([\s:]|$)/i;
const NUMBER_RE = /^\d{1,3}(\s*[-–]\s*\d{1,3})?\.?$/;

/** Hours as people type them: «2», «2,0», «2 ч»; a fraction or a word is an error. */
function parseHours(text: string): number | null {
  const t = text.trim().replace(/\s*(ч|час|часа|часов)\.?$/i, '').replace(',', '.');
  if (!/^\d+(\.0+)?$/.test(t)) return null;
  return Number(t);
}

/**
 * Rows of a spreadsheet (cells as text, row numbers as the spreadsheet shows them) to KTP rows.
 * A row with only «Раздел» filled opens a section; a row with «Раздел» and a topic whose section
 * differs from the current one opens it too; «Итого»/«Всего» rows are checked against the sum.
 */
export function ktpFromTable(table: ReadonlyArray<{ row: number; cells: readonly string[] }>): KtpTableResult {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const rows: KtpRow[] = [];
  const sourceRows: number[] = [];
  const nonEmpty = table.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) {
    return { rows, errors: [{ row: null, message: 'Файл пуст: в нём нет ни одной строки.' }], warnings, totalHours: 0, sourceRows };
  }

  let header: { index: number; columns: Map<Column, number> } | null = null;
  for (let i = 0; i < Math.min(nonEmpty.length, HEADER_SEARCH_ROWS); i++) {
    const columns = new Map<Column, number>();
    nonEmpty[i]!.cells.forEach((c, j) => {
      const col = columnOf(c);
      if (col && !columns.has(col)) columns.set(col, j);
    });
    if (columns.has('topic') && columns.has('hours')) {
      header = { index: i, columns };
      break;
    }
  }
  if (!header) {
    return {
      rows,
      errors: [{ row: null, message: 'Не найдена строка заголовка: в файле должны быть графы «Тема урока» и «Кол-во часов» (и, по желанию, «№» и «Раздел»).' }],
      warnings,
      totalHours: 0,
      sourceRows,
    };
  }

  const at = (cells: readonly string[], col: Column) => {
    const j = header!.columns.get(col);
    return j === undefined ? '' : (cells[j] ?? '').replace(/\s+/g, ' ').trim();
  };
  let section: string | undefined;
  let sum = 0;
  for (const { row, cells } of nonEmpty.slice(header.index + 1)) {
    const n = at(cells, 'number');
    const topic = at(cells, 'topic');
    const hoursText = at(cells, 'hours');
    const sec = at(cells, 'section');
    const where = `Строка ${row}`;
    const err = (message: string) => errors.push({ row, message: `${where}: ${message}` });

    if (TOTAL_RE.test(topic) || TOTAL_RE.test(n) || TOTAL_RE.test(sec)) {
      const stated = parseHours(hoursText);
      if (hoursText && stated === null) err(`в строке «Итого» количество часов «${hoursText}» не является целым числом.`);
      else if (stated !== null && stated !== sum) err(`в строке «Итого» указано ${stated} ч, а сумма часов по темам выше — ${sum} ч.`);
      continue;
    }
    if (!topic && !hoursText) {
      if (sec) {
        if (sec.length > KTP_LIMITS.titleLength) err(`название раздела длиннее ${KTP_LIMITS.titleLength} символов.`);
        else if (sec !== section) {
          section = sec;
          rows.push({ kind: 'section', title: sec });
          sourceRows.push(row);
        }
        continue;
      }
      // Only a number, or text in columns we do not read: in a KTP that is a stray row, not data.
      err('нет ни темы, ни количества часов. Удалите лишнюю строку или заполните графы «Тема урока» и «Кол-во часов».');
      continue;
    }
    if (n && !NUMBER_RE.test(n)) err(`в графе «№» должно быть число, а указано «${n}».`);
    if (!topic) err('не указана тема урока.');
    else if (topic.length > KTP_LIMITS.titleLength) err(`тема длиннее ${KTP_LIMITS.titleLength} символов (${topic.length}).`);
    const hours = parseHours(hoursText);
    if (!hoursText) err('не указано количество часов.');
    else if (hours === null) err(`количество часов «${hoursText}» должно быть целым числом.`);
    else if (hours < 1 || hours > KTP_LIMITS.topicHours) err(`количество часов ${hours} вне допустимого: от 1 до ${KTP_LIMITS.topicHours}.`);
    if (sec && sec !== section) {
      if (sec.length > KTP_LIMITS.titleLength) err(`название раздела длиннее ${KTP_LIMITS.titleLength} символов.`);
      else {
        section = sec;
        rows.push({ kind: 'section', title: sec });
        sourceRows.push(row);
      }
    }
    if (topic && hours !== null && hours >= 1 && hours <= KTP_LIMITS.topicHours && topic.length <= KTP_LIMITS.titleLength) {
      rows.push({ kind: 'topic', title: topic, hours });
      sourceRows.push(row);
      sum += hours;
      if (!hasCyrillic(topic)) {
        warnings.push({ row, message: `${where}: тема «${topic}» написана без русских букв; по п. 5 Положения записи ведутся на русском языке.` });
      }
    }
  }
  if (rows.length > KTP_LIMITS.rows) errors.push({ row: null, message: `В файле ${rows.length} строк КТП, допускается не больше ${KTP_LIMITS.rows}.` });
  if (!rows.some((r) => r.kind === 'topic') && errors.length === 0) {
    errors.push({ row: null, message: 'В файле под заголовком нет ни одной темы с количеством часов.' });
  }
  return { rows, errors, warnings, totalHours: sum, sourceRows };
}

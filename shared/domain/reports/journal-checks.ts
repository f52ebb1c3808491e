/**
 * The check of the electronic journal and its certificate («справка», issue 13 item 4). Clause 8.2:
 * the director and the deputy check the journal at least once a month; clause 8.4: the results go
 * into a справка. Pure: the caller passes today (the school's date) and the monitoring figures of
 * the checked classes and period, so a test can stand on any day.
 *
 * "Older than a month" is by the calendar: a check of 15.10 is due again by 15.11 and is overdue on
 * 16.11; a check of 31.01 is due by 28.02 (29.02 in a leap year): the month is the regulation's unit,
 * not 30 days.
 */
import { isIsoDate, ruDate, ruNumberFormat } from '../calendar';

export const CHECK_STATUSES = ['draft', 'signedOff'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const CHECK_STATUS_TEXT: Record<CheckStatus, string> = { draft: 'черновик', signedOff: 'подписана' };

export const CERTIFICATE_TITLE = 'Справка по итогам проверки электронного журнала';

/**
 * One line of the справка's figures: a teacher's subject in a class, as the monitoring counted it
 * for the checked period (frozen into the check when drafted, so a signed справка never changes).
 */
export interface CheckFigure {
  className: string;
  subjectName: string;
  teacherName: string;
  /** Current marks per student per lesson held. */
  fillRate: number | null;
  /** Percent of the students with no current mark, and with one. */
  noMarkShare: number | null;
  oneMarkShare: number | null;
  /** Percent of the lessons held with homework, with a topic. */
  homeworkShare: number | null;
  topicShare: number | null;
  /** Hours behind the approved KTP (negative: ahead). */
  ktpBehind: number | null;
  lateFills: number;
  /** «2 из 3»: assessment procedures of the schedule kept. */
  assessments: string;
  problems: string[];
}

/** The same calendar day `months` later; the month's last day where it has no such day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface CheckDue {
  /** The date of the last signed-off check; null when there is none. */
  lastDate: string | null;
  /** The day by which the next check is due (clause 8.2); null without any check. */
  dueBy: string | null;
  overdue: boolean;
}

/** Whether the journal's check is overdue today: no signed-off check, or the last one more than a calendar month ago. */
export function checkDue(signedOffDates: readonly string[], today: string): CheckDue {
  const lastDate = signedOffDates.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
  if (lastDate === null) return { lastDate, dueBy: null, overdue: true };
  const dueBy = addMonths(lastDate, 1);
  return { lastDate, dueBy, overdue: today > dueBy };
}

/** What the home and the list say of it. */
export function checkDueText(due: CheckDue): string {
  if (due.lastDate === null) return 'Подписанных проверок электронного журнала ещё нет: по п. 8.2 Положения журнал проверяется не реже 1 раза в месяц.';
  const last = `Последняя подписанная проверка — ${ruDate(due.lastDate)}`;
  return due.overdue
    ? `${last}: больше месяца назад. По п. 8.2 Положения журнал проверяется не реже 1 раза в месяц — пора провести проверку.`
    : `${last}; следующая — не позднее ${ruDate(due.dueBy!)}.`;
}

/** The check's own fields as a person enters them, checked against the day and the period. */
export function checkDateProblem(date: string, today: string, period: { startDate: string } | undefined): string | null {
  if (!isIsoDate(date)) return 'Дата проверки должна быть датой в формате ДД.ММ.ГГГГ.';
  if (date > today) return 'Дата проверки не может быть позже сегодняшнего дня.';
  if (period && date < period.startDate) return `Дата проверки раньше начала проверяемого периода (${ruDate(period.startDate)}).`;
  return null;
}

const one = ruNumberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const two = ruNumberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** «1,25», «—». */
export const rateText = (n: number | null) => (n === null ? '—' : two.format(n));
/** «83 %», «—». */
export const shareText = (n: number | null) => (n === null ? '—' : `${Math.round(n)} %`);
/** «2,0 ч отставание», «1,0 ч опережение», «по плану». */
export function ktpText(n: number | null): string {
  if (n === null) return '—';
  if (n === 0) return 'по плану';
  return n > 0 ? `отстаёт на ${one.format(n)} ч` : `опережает на ${one.format(-n)} ч`;
}

/** The figures table as the PDF, the XLSX and the screen print it: headings, widths in points, cells. */
export const FIGURE_COLUMNS = [
  { title: 'Класс', width: 34 },
  { title: 'Предмет', width: 78 },
  { title: 'Учитель', width: 78 },
  { title: 'Отметок на ученика за урок', width: 42 },
  { title: 'Без отметок', width: 36 },
  { title: 'С одной отметкой', width: 38 },
  { title: 'Уроков с ДЗ', width: 36 },
  { title: 'Уроков с темой', width: 36 },
  { title: 'КТП', width: 58 },
  { title: 'Заполнено с опозданием', width: 42 },
  { title: 'Контрольные по графику', width: 42 },
] as const;

export function figureCells(f: CheckFigure): string[] {
  return [f.className, f.subjectName, f.teacherName, rateText(f.fillRate), shareText(f.noMarkShare), shareText(f.oneMarkShare), shareText(f.homeworkShare), shareText(f.topicShare), ktpText(f.ktpBehind), String(f.lateFills), f.assessments];
}

/** A sentence as a clause of a list: no full stop, a small letter unless the word is an abbreviation («КТП»). */
const clause = (s: string) => {
  const t = s.trim().replace(/\.+$/, '');
  return /^[А-ЯЁA-Z][а-яёa-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
};

const meanOf = (xs: ReadonlyArray<number | null>) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

/** Journals with remarks named one by one in the drafted text; the text stays within what a person can edit (20 000 characters). */
export const MAX_REMARKS = 40;

export interface CertificateInput {
  schoolName: string;
  date: string;
  periodName: string;
  classNames: readonly string[];
  checkedByName: string;
  checkedByTitle: string;
  figures: readonly CheckFigure[];
}

/**
 * The справка's draft text from the figures (clause 8.3: the programme against the plan, the
 * objectivity of marks, the assessment schedule): paragraphs separated by a blank line. The
 * person edits it before signing off; the figures table is printed beside it as it is.
 */
export function draftCertificateText(c: CertificateInput): string {
  const f = c.figures;
  const lead = `${ruDate(c.date)} ${c.checkedByTitle.toLowerCase()} ${c.checkedByName} провел(а) проверку ведения электронного журнала (п. 8.2–8.3 Положения о ведении электронного журнала): ${c.periodName}, ${c.classNames.length > 1 ? 'классы' : 'класс'} ${c.classNames.join(', ')}.`;
  if (f.length === 0) return [lead, 'Показатели мониторинга по проверенным классам за период отсутствуют: журналы не заполнялись.'].join('\n\n');
  const teachers = new Set(f.map((x) => x.teacherName)).size;
  const fill = meanOf(f.map((x) => x.fillRate));
  const fillText = fill === null ? 'текущих отметок нет' : `средняя наполняемость текущими отметками — ${rateText(fill)} отметки на ученика за урок`;
  const figures = `Проверено журналов (предмет в классе): ${f.length}, учителей: ${teachers}; ${fillText}; домашнее задание записано в среднем на ${shareText(meanOf(f.map((x) => x.homeworkShare)))} уроков, тема — на ${shareText(meanOf(f.map((x) => x.topicShare)))}.`;
  const withProblems = f.filter((x) => x.problems.length > 0);
  // A check of many classes names the first journals with remarks; the rest are in the figures table.
  const remarks = withProblems.slice(0, MAX_REMARKS).map((x) => `— ${x.className}, ${x.subjectName} (${x.teacherName}): ${x.problems.map(clause).join('; ')}.`);
  if (withProblems.length > MAX_REMARKS) remarks.push(`— и ещё ${withProblems.length - MAX_REMARKS} журналов с замечаниями: см. таблицу показателей.`);
  const behind = f.filter((x) => (x.ktpBehind ?? 0) > 0).length;
  const late = f.reduce((n, x) => n + x.lateFills, 0);
  const summary = `Отставание от утверждённого КТП — в ${behind} из ${f.length} журналов; уроков, заполненных с опозданием, — ${late}.`;
  return [lead, figures, summary, remarks.length ? ['Замечания:', ...remarks].join('\n') : 'Замечаний по заполнению журнала не выявлено.'].join('\n\n');
}

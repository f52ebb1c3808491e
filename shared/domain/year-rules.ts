/**
 * Validation of an academic year (R-10, clause 1.4): the journal's lessons, locks and period marks
 * all hang on these dates, so a year is checked whole before it is stored, and every problem is
 * reported at once, in Russian, with the place it concerns, so that a deputy director can fix them
 * all in one go.
 *
 * Dates are school-local calendar dates, YYYY-MM-DD, inclusive; comparing them as strings is
 * comparing them as dates.
 */
import { isIsoDate, ruDate } from './calendar';
import type { AcademicYear, PeriodSet } from './year';

export interface YearProblem {
  /** Dotted path in the request body: `periodSets.0.periods.2.endDate`, `holidays.4`, `grades`. */
  path: string;
  message: string;
}

export type YearDraft = Pick<AcademicYear, 'yearId' | 'startDate' | 'endDate' | 'periodSets' | 'holidays'>;

export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
/** How many periods a set of each kind has. */
export const PERIODS_PER_KIND: Record<PeriodSet['kind'], number> = { quarter: 4, half: 2 };
export const KIND_NAMES: Record<PeriodSet['kind'], string> = { quarter: 'четверти', half: 'полугодия' };
/** Period ids become part of the journal's partition key (shared/db/keys.ts). */
export const PERIOD_ID_RE = /^[A-Za-z0-9_.-]{1,32}$/;
export const YEAR_ID_RE = /^\d{4}$/;
/** «1–9», «10, 11», «1, 3–5»: grades as people write them. */
export function gradesRu(grades: readonly number[]): string {
  const sorted = [...new Set(grades)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

const isGrade = (g: unknown): g is number => typeof g === 'number' && Number.isInteger(g) && g >= 1 && g <= 11;
const text = (s: unknown) => (typeof s === 'string' ? s.trim() : '');

/** A name for a set in messages: «четверти (классы 1–9)», or «четверти, классы 1–9» inside brackets. */
function setLabel(set: PeriodSet, i: number, joiner?: string): string {
  const kind = KIND_NAMES[set.kind] ?? `набор ${i + 1}`;
  const grades = Array.isArray(set.grades) ? set.grades.filter(isGrade) : [];
  const what = grades.length ? `классы ${gradesRu(grades)}` : `набор ${i + 1}`;
  return joiner ? `${kind}${joiner}${what}` : `${kind} (${what})`;
}

function periodLabel(name: unknown, j: number): string {
  return text(name) ? `«${text(name)}»` : `период ${j + 1}`;
}

export function validateYear(year: YearDraft): YearProblem[] {
  const problems: YearProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  // The year itself.
  if (!YEAR_ID_RE.test(year.yearId ?? '')) add('yearId', 'Учебный год обозначается годом его начала, например 2026.');
  const startOk = isIsoDate(year.startDate);
  const endOk = isIsoDate(year.endDate);
  if (!startOk) add('startDate', 'Дата начала учебного года не указана или указана неверно.');
  if (!endOk) add('endDate', 'Дата окончания учебного года не указана или указана неверно.');
  const yearOk = startOk && endOk && year.startDate < year.endDate;
  if (startOk && endOk && !yearOk) {
    add('endDate', `Учебный год заканчивается (${ruDate(year.endDate)}) не позже, чем начинается (${ruDate(year.startDate)}).`);
  }
  // At most a year: it ends before the same date of the next calendar year.
  if (yearOk && year.endDate >= `${Number(year.startDate.slice(0, 4)) + 1}${year.startDate.slice(4)}`) {
    add('endDate', `Учебный год с ${ruDate(year.startDate)} по ${ruDate(year.endDate)} длится больше года.`);
  }
  if (startOk && YEAR_ID_RE.test(year.yearId ?? '') && year.startDate.slice(0, 4) !== year.yearId) {
    add('startDate', `Учебный год ${year.yearId}/${Number(year.yearId) + 1} должен начинаться в ${year.yearId} году, а указано ${ruDate(year.startDate)}.`);
  }
  const inYear = (d: string) => yearOk && year.startDate <= d && d <= year.endDate;
  const yearSpan = yearOk ? `${ruDate(year.startDate)}–${ruDate(year.endDate)}` : '';

  // Period sets: each grade in exactly one; periods of a set inside the year, in order, not overlapping.
  const sets = Array.isArray(year.periodSets) ? year.periodSets : [];
  if (sets.length === 0) add('periodSets', 'Не задано ни одного набора учебных периодов (четвертей или полугодий).');
  const periodIds = new Map<string, string>();
  sets.forEach((set, i) => {
    const at = `periodSets.${i}`;
    const label = setLabel(set, i);
    if (set.kind !== 'quarter' && set.kind !== 'half') add(`${at}.kind`, `Набор ${i + 1}: вид периодов — четверти или полугодия.`);
    const grades = Array.isArray(set.grades) ? set.grades : [];
    if (grades.length === 0) add(`${at}.grades`, `Набор ${i + 1} (${KIND_NAMES[set.kind] ?? 'периоды'}): не указаны классы (параллели 1–11).`);
    const bad = grades.filter((g) => !isGrade(g));
    if (bad.length) add(`${at}.grades`, `Набор ${i + 1}: параллель — целое число от 1 до 11, а указано ${bad.join(', ')}.`);
    const dup = grades.filter((g, k) => grades.indexOf(g) !== k);
    if (dup.length) add(`${at}.grades`, `Набор ${i + 1}: параллель ${gradesRu(dup.filter(isGrade))} указана дважды.`);

    const periods = Array.isArray(set.periods) ? set.periods : [];
    const expected = PERIODS_PER_KIND[set.kind];
    if (expected !== undefined && periods.length !== expected) {
      add(`${at}.periods`, `${capitalise(label)}: должно быть ${expected} ${expected === 4 ? 'четверти' : 'полугодия'}, а задано ${periods.length}.`);
    }
    let previous: { name: string; startDate: string; endDate: string } | undefined;
    periods.forEach((p, j) => {
      const pAt = `${at}.periods.${j}`;
      const name = periodLabel(p.name, j);
      if (!text(p.name)) add(`${pAt}.name`, `${capitalise(label)}, период ${j + 1}: укажите название, например «${j + 1} ${set.kind === 'half' ? 'полугодие' : 'четверть'}».`);
      if (!PERIOD_ID_RE.test(p.periodId ?? '')) {
        add(`${pAt}.periodId`, `${capitalise(label)}, ${name}: код периода — латинские буквы, цифры, «-», «_» или «.», не длиннее 32 знаков.`);
      } else if (periodIds.has(p.periodId)) {
        add(`${pAt}.periodId`, `${capitalise(label)}, ${name}: код периода «${p.periodId}» уже занят периодом ${periodIds.get(p.periodId)}.`);
      } else {
        periodIds.set(p.periodId, name);
      }
      const sOk = isIsoDate(p.startDate);
      const eOk = isIsoDate(p.endDate);
      if (!sOk) add(`${pAt}.startDate`, `${capitalise(label)}, ${name}: дата начала не указана или указана неверно.`);
      if (!eOk) add(`${pAt}.endDate`, `${capitalise(label)}, ${name}: дата окончания не указана или указана неверно.`);
      if (!sOk || !eOk) return;
      if (p.startDate > p.endDate) {
        add(`${pAt}.endDate`, `${capitalise(label)}, ${name}: окончание (${ruDate(p.endDate)}) раньше начала (${ruDate(p.startDate)}).`);
        return;
      }
      if (yearOk && (!inYear(p.startDate) || !inYear(p.endDate))) {
        add(pAt, `${capitalise(label)}, ${name} (${ruDate(p.startDate)}–${ruDate(p.endDate)}) выходит за границы учебного года (${yearSpan}).`);
      }
      if (previous) {
        if (p.endDate < previous.startDate) {
          add(pAt, `${capitalise(label)}: ${name} (${ruDate(p.startDate)}–${ruDate(p.endDate)}) стоит после ${previous.name}, но идёт раньше него: расположите периоды по порядку.`);
        } else if (p.startDate <= previous.endDate) {
          add(pAt, `${capitalise(label)}: ${name} начинается ${ruDate(p.startDate)}, до окончания ${previous.name} (${ruDate(previous.endDate)}): периоды не должны пересекаться.`);
        }
      }
      previous = { name, startDate: p.startDate, endDate: p.endDate };
    });
  });

  // Every grade 1-11 studies by exactly one set of periods.
  for (const g of GRADES) {
    const holders = sets.map((s, i) => ({ s, i })).filter(({ s }) => Array.isArray(s.grades) && s.grades.includes(g));
    if (holders.length === 0 && sets.length > 0) add('periodSets', `${g} класс не входит ни в один набор периодов.`);
    if (holders.length > 1) {
      add('periodSets', `${g} класс входит в несколько наборов периодов: ${holders.map(({ s, i }) => setLabel(s, i)).join(' и ')}.`);
    }
  }

  // Holidays: inside the year, end not before start, never on a period's first or last day.
  const holidays = Array.isArray(year.holidays) ? year.holidays : [];
  holidays.forEach((h, k) => {
    const at = `holidays.${k}`;
    const name = text(h.name) ? `«${text(h.name)}»` : `Каникулы ${k + 1}`;
    if (!text(h.name)) add(`${at}.name`, `Каникулы ${k + 1}: укажите название.`);
    if (h.grades !== undefined) {
      const grades = Array.isArray(h.grades) ? h.grades : [];
      if (grades.length === 0) add(`${at}.grades`, `${name}: список классов пуст; чтобы каникулы были у всех, не указывайте классы.`);
      const bad = grades.filter((g) => !isGrade(g));
      if (bad.length) add(`${at}.grades`, `${name}: параллель — целое число от 1 до 11, а указано ${bad.join(', ')}.`);
    }
    const sOk = isIsoDate(h.startDate);
    const eOk = isIsoDate(h.endDate);
    if (!sOk) add(`${at}.startDate`, `${name}: дата начала не указана или указана неверно.`);
    if (!eOk) add(`${at}.endDate`, `${name}: дата окончания не указана или указана неверно.`);
    if (!sOk || !eOk) return;
    if (h.endDate < h.startDate) {
      add(`${at}.endDate`, `${name}: окончание (${ruDate(h.endDate)}) раньше начала (${ruDate(h.startDate)}).`);
      return;
    }
    const span = h.startDate === h.endDate ? ruDate(h.startDate) : `${ruDate(h.startDate)}–${ruDate(h.endDate)}`;
    if (yearOk && (!inYear(h.startDate) || !inYear(h.endDate))) {
      add(at, `${name} (${span}): выходит за границы учебного года (${yearSpan}).`);
    }
    // Holidays of some grades only concern the periods those grades study by.
    const concerned = sets.filter((s) => !h.grades || (Array.isArray(s.grades) && s.grades.some((g) => h.grades!.includes(g))));
    for (const set of concerned) {
      for (const [j, p] of (Array.isArray(set.periods) ? set.periods : []).entries()) {
        const label = `${periodLabel(p.name, j)} (${setLabel(set, sets.indexOf(set), ', ')})`;
        // The first and the last day of a period are school days: the period's marks are due on its last day (clause 3.9).
        if (isIsoDate(p.startDate) && h.startDate <= p.startDate && p.startDate <= h.endDate) {
          add(at, `${name} (${span}): захватывает первый день периода ${label} — ${ruDate(p.startDate)}. Первый и последний дни периода должны быть учебными.`);
        }
        if (isIsoDate(p.endDate) && h.startDate <= p.endDate && p.endDate <= h.endDate) {
          add(at, `${name} (${span}): захватывает последний день периода ${label} — ${ruDate(p.endDate)}. Первый и последний дни периода должны быть учебными.`);
        }
      }
    }
  });

  return problems;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

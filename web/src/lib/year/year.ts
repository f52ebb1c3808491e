/**
 * The academic year screen (R-10, clause 1.4): period sets per grade, holidays, dates written
 * DD.MM.YYYY. The form keeps what a person typed; `draftOf` turns it into the year the API takes,
 * and `checkForm` runs the server's own validation (shared/domain/year-rules.ts) on it, so the list
 * of problems is on screen before anything is sent.
 */
import { GRADES, gradesRu, validateYear, type YearDraft, type YearProblem } from '../../../../shared/domain/year-rules';
import type { AcademicYear, PeriodSet } from '../../../../shared/domain/year';
import type { Me } from '../types';

export type { AcademicYear, YearProblem };
export { GRADES, gradesRu };

export const YEAR_TEXT = {
  title: 'Учебный год',
  refused: 'Учебный год задают заместитель директора и директор школы.',
  intro: 'Учебные периоды по параллелям (четверти или полугодия) и каникулы (положение, п. 1.4). Даты — в виде ДД.ММ.ГГГГ.',
  years: 'Учебные годы',
  none: 'Учебный год ещё не задан.',
  newYear: (label: string) => `Новый учебный год ${label}`,
  editing: (label: string) => `Учебный год ${label}`,
  unsaved: 'не сохранён',
  start: 'Начало учебного года',
  end: 'Окончание учебного года',
  setsHeading: 'Учебные периоды',
  setTitle: (kind: PeriodSet['kind'], grades: number[]) =>
    `${kind === 'quarter' ? 'Четверти' : 'Полугодия'}${grades.length ? ` — классы ${gradesRu(grades)}` : ''}`,
  kind: 'Вид периодов',
  kinds: { quarter: 'четверти', half: 'полугодия' } as Record<PeriodSet['kind'], string>,
  grades: 'Параллели',
  period: 'Период',
  periodStart: 'Начало',
  periodEnd: 'Окончание',
  addSet: 'Добавить набор периодов',
  removeSet: 'Удалить набор',
  holidaysHeading: 'Каникулы и праздничные дни',
  holidayName: 'Название',
  holidayGrades: 'Только для классов',
  holidayGradesHint: 'пусто — для всех',
  addHoliday: 'Добавить каникулы',
  removeHoliday: 'Удалить',
  checkHeading: 'Проверка перед сохранением',
  checkOk: 'Ошибок не найдено: год можно сохранить.',
  checkCount: (n: number) => `Найдено ошибок: ${n}. Исправьте их, чтобы сохранить год.`,
  datePlaceholder: 'ДД.ММ.ГГГГ',
  save: 'Сохранить учебный год',
  saving: 'Сохраняем…',
  saved: 'Учебный год сохранён.',
  notSaved: 'Учебный год не сохранён:',
  badGrades: (name: string) => `${name}: классы — числа от 1 до 11 через запятую или диапазон, например «1» или «10, 11» или «1–4».`,
  holidayLabel: (name: string, k: number) => (name.trim() ? `«${name.trim()}»` : `Каникулы ${k + 1}`),
} as const;

export const yearLabel = (yearId: string) => `${yearId}/${Number(yearId) + 1}`;

/** The school whose year this person sets up: the deputy's or the director's. */
export function yearSchool(me: Me, wanted?: string | null): string | undefined {
  const schools = [...new Set(me.grants.flatMap((g) => (g.role === 'deputy' || g.role === 'director' ? [g.schoolId] : [])))];
  return wanted && schools.includes(wanted) ? wanted : schools[0];
}

// ---------------------------------------------------------------------------------------------
// Dates as people type them

const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '1.9.2026' or '01.09.2026' -> '2026-09-01'; anything else is returned as typed, and the year's
 * validation names it as a wrong date. */
export function isoFromRu(text: string): string {
  const m = RU_DATE.exec(text.trim());
  if (!m) return text.trim();
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

export function ruFromIso(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** «1, 2», «10-11», «1–4, 9» -> the grades; null when something in it is not a grade. */
export function parseGrades(text: string): number[] | null {
  const out: number[] = [];
  for (const part of text.split(/[,;\s]+/).filter(Boolean)) {
    const range = /^(\d{1,2})[-–—](\d{1,2})$/.exec(part);
    const [from, to] = range ? [Number(range[1]), Number(range[2])] : [Number(part), Number(part)];
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > 11 || from > to) return null;
    for (let g = from; g <= to; g++) if (!out.includes(g)) out.push(g);
  }
  return out.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// The form

export interface PeriodRow {
  periodId: string;
  name: string;
  start: string;
  end: string;
}

export interface SetForm {
  kind: PeriodSet['kind'];
  grades: number[];
  periods: PeriodRow[];
}

export interface HolidayRow {
  name: string;
  start: string;
  end: string;
  /** As typed: empty for every grade. */
  grades: string;
}

export interface YearForm {
  yearId: string;
  version: number;
  start: string;
  end: string;
  sets: SetForm[];
  holidays: HolidayRow[];
}

export function formOf(y: AcademicYear): YearForm {
  return {
    yearId: y.yearId,
    version: y.version,
    start: ruFromIso(y.startDate),
    end: ruFromIso(y.endDate),
    sets: y.periodSets.map((s) => ({
      kind: s.kind,
      grades: [...s.grades],
      periods: s.periods.map((p) => ({ periodId: p.periodId, name: p.name, start: ruFromIso(p.startDate), end: ruFromIso(p.endDate) })),
    })),
    holidays: y.holidays.map((h) => ({ name: h.name, start: ruFromIso(h.startDate), end: ruFromIso(h.endDate), grades: h.grades ? gradesRu(h.grades) : '' })),
  };
}

const periodName = (kind: PeriodSet['kind'], n: number) => `${n} ${kind === 'quarter' ? 'четверть' : 'полугодие'}`;

/**
 * Period ids are part of the journal's keys, so they are made here and never typed: «2026-q1» for
 * the first set of a kind, «2026-s2-q1» for a second set of the same kind.
 */
function periodId(form: Pick<YearForm, 'yearId' | 'sets'>, setIndex: number, kind: PeriodSet['kind'], n: number): string {
  const sameKindBefore = form.sets.slice(0, setIndex).some((s) => s.kind === kind);
  return `${form.yearId}${sameKindBefore ? `-s${setIndex + 1}` : ''}-${kind === 'quarter' ? 'q' : 'h'}${n}`;
}

/** Switches a set between quarters and halves, keeping the dates of the periods it keeps. */
export function setKind(form: YearForm, setIndex: number, kind: PeriodSet['kind']): void {
  const set = form.sets[setIndex];
  if (!set) return;
  const count = kind === 'quarter' ? 4 : 2;
  set.kind = kind;
  set.periods = Array.from({ length: count }, (_, i) => ({
    periodId: periodId(form, setIndex, kind, i + 1),
    name: periodName(kind, i + 1),
    start: set.periods[i]?.start ?? '',
    end: set.periods[i]?.end ?? '',
  }));
}

export function addSet(form: YearForm): void {
  form.sets.push({ kind: 'half', grades: [], periods: [] });
  setKind(form, form.sets.length - 1, 'half');
}

export function toggleGrade(set: SetForm, grade: number, on: boolean): void {
  set.grades = on ? [...new Set([...set.grades, grade])].sort((a, b) => a - b) : set.grades.filter((g) => g !== grade);
}

/** A new year: the latest one moved on by whole years (the same calendar, to be corrected), or the
 * usual layout with empty dates when there is none. */
export function newYearForm(yearId: string, previous: AcademicYear | null): YearForm {
  if (!previous) {
    const form: YearForm = { yearId, version: 0, start: `01.09.${yearId}`, end: `31.05.${Number(yearId) + 1}`, sets: [], holidays: [] };
    form.sets.push({ kind: 'quarter', grades: [1, 2, 3, 4, 5, 6, 7, 8, 9], periods: [] }, { kind: 'half', grades: [10, 11], periods: [] });
    setKind(form, 0, 'quarter');
    setKind(form, 1, 'half');
    return form;
  }
  const by = Number(yearId) - Number(previous.yearId);
  const shift = (iso: string) => (ISO_DATE.test(iso) ? `${Number(iso.slice(0, 4)) + by}${iso.slice(4)}` : iso);
  const form = formOf({
    ...previous,
    yearId,
    version: 0,
    startDate: shift(previous.startDate),
    endDate: shift(previous.endDate),
    periodSets: previous.periodSets.map((s) => ({
      ...s,
      periods: s.periods.map((p) => ({
        ...p,
        periodId: p.periodId.startsWith(previous.yearId) ? yearId + p.periodId.slice(previous.yearId.length) : `${yearId}-${p.periodId}`,
        startDate: shift(p.startDate),
        endDate: shift(p.endDate),
      })),
    })),
    holidays: previous.holidays.map((h) => ({ ...h, startDate: shift(h.startDate), endDate: shift(h.endDate) })),
  });
  return form;
}

/** The year as the API takes it, and the problems of what cannot even be read (grade lists). */
export function draftOf(form: YearForm): { draft: YearDraft; problems: YearProblem[] } {
  const problems: YearProblem[] = [];
  const draft: YearDraft = {
    yearId: form.yearId,
    startDate: isoFromRu(form.start),
    endDate: isoFromRu(form.end),
    periodSets: form.sets.map((s) => ({
      kind: s.kind,
      grades: [...s.grades],
      periods: s.periods.map((p) => ({ periodId: p.periodId, name: p.name.trim(), startDate: isoFromRu(p.start), endDate: isoFromRu(p.end) })),
    })),
    holidays: form.holidays.map((h, k) => {
      const grades = h.grades.trim() ? parseGrades(h.grades) : undefined;
      if (grades === null) problems.push({ path: `holidays.${k}.grades`, message: YEAR_TEXT.badGrades(YEAR_TEXT.holidayLabel(h.name, k)) });
      return { name: h.name.trim(), startDate: isoFromRu(h.start), endDate: isoFromRu(h.end), ...(grades ? { grades } : {}) };
    }),
  };
  return { draft, problems };
}

/** Every problem of the form, as the server would report it. */
export function checkForm(form: YearForm): YearProblem[] {
  const { draft, problems } = draftOf(form);
  return [...problems, ...validateYear(draft)];
}

/** The body of PUT /api/schools/{id}/years/{yearId}. */
export function bodyOf(form: YearForm) {
  const { draft } = draftOf(form);
  const { yearId: _id, ...rest } = draft;
  return { version: form.version, ...rest };
}

/** Whether a field is named by a problem (or lies inside the part of the year a problem names). */
export function flagged(problems: readonly YearProblem[], path: string): boolean {
  return problems.some((p) => p.path === path || (p.path.includes('.') && path.startsWith(`${p.path}.`)));
}

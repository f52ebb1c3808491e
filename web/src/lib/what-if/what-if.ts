/**
 * The what-if of a period's average (issue 10, item 6; R-31): the teacher, the student and the
 * parent add hypothetical marks and see the average and the implied mark change. The numbers come
 * from `whatIf` in shared/domain/mark-justification.ts, the very function the server justifies
 * a period mark with, so the screen can never promise what the server would not compute. Plain
 * TypeScript, unit-tested without a browser; WhatIf.svelte draws it.
 */
import { ruDate } from '../../../../shared/domain/calendar';
import {
  HYPOTHETICAL_MAX,
  hypotheticalProblems,
  roundingRule,
  ruAverage,
  whatIf,
  type CountedMark,
  type HypotheticalMark,
  type Justification,
} from '../../../../shared/domain/mark-justification';
import { ruNumber, type MarkingRules } from '../../../../shared/domain/settings-versions';
import { DEFAULT_WEIGHTS, isWorkTypeId, WORK_TYPES } from '../../../../shared/domain/work-types';

export { HYPOTHETICAL_MAX };

/** What the API's justification lines and rules give (weights keyed by any string there). */
export interface WhatIfSource {
  lines: ReadonlyArray<{ date: string; workType: string; value: number }>;
  rules: { weights: Record<string, number>; thresholds: MarkingRules['thresholds']; minimumMarks: MarkingRules['minimumMarks'] };
  hoursPerWeek: number;
  /** YYYY-MM-DD in the school's zone: the date a hypothetical mark is given. */
  today: string;
}

/** A hypothetical mark as the form holds it: selects give strings, '' until chosen. */
export interface Draft {
  workType: string;
  value: string;
}

export const WHAT_IF_TEXT = {
  title: 'Что если…',
  intro: 'Добавьте предполагаемые отметки и посмотрите, как изменятся средний балл и расчётная отметка. Ничего не сохраняется.',
  marksCaption: 'Отметки, по которым считается средний балл',
  date: 'Дата',
  workType: 'Вид работы',
  weight: 'Вес',
  mark: 'Отметка',
  hypothetical: 'предполагаемая',
  real: 'поставлена',
  noMarks: 'Текущих отметок пока нет.',
  chooseWorkType: '— выберите вид работы —',
  chooseMark: '—',
  add: 'Добавить предполагаемую отметку',
  remove: 'Убрать',
  line: (n: number) => `Предполагаемая отметка ${n}`,
  max: `Можно добавить не больше ${HYPOTHETICAL_MAX} предполагаемых отметок.`,
  none: 'нет отметок',
} as const;

/** Marks 2-5: what a hypothetical mark may be (clause 3.4). */
export const MARK_VALUES = ['5', '4', '3', '2'] as const;

/** The work types with the weight the period's rules give them: «Контрольная работа (вес 3)». */
export function workTypeOptions(rules: WhatIfSource['rules']): Array<{ id: string; label: string }> {
  return WORK_TYPES.map((w) => ({ id: w.id, label: `${w.name} (вес ${ruNumber(rules.weights[w.id] ?? DEFAULT_WEIGHTS[w.id])})` }));
}

/** A new empty line: a 5 by default (what one hopes for), the work type to choose, since its weight decides. */
export function newDraft(): Draft {
  return { workType: '', value: '5' };
}

function asHypothetical(d: Draft): { workType: string; value: number | undefined } {
  return { workType: d.workType, value: d.value === '' ? undefined : Number(d.value) };
}

/** The problems of each line, in Russian, for the message next to its fields (index = line). */
export function draftProblems(drafts: readonly Draft[]): string[][] {
  const all = hypotheticalProblems(drafts.map(asHypothetical));
  return drafts.map((_, i) => all.filter((p) => p.startsWith(`${WHAT_IF_TEXT.line(i + 1)}:`)));
}

export interface WhatIfResult {
  before: Justification;
  /** With the valid hypothetical lines; the same as `before` when there are none. */
  after: Justification;
  /** «Средний балл: 3,50 → 3,80. Расчётная отметка: «4» → «4».» */
  change: string;
  rule: string;
}

/** The average and implied mark before and after the lines that may be counted (faulty lines wait for a fix). */
export function whatIfResult(source: WhatIfSource, drafts: readonly Draft[]): WhatIfResult {
  const counted: CountedMark[] = source.lines.flatMap((l) => (isWorkTypeId(l.workType) ? [{ date: l.date, workType: l.workType, value: l.value }] : []));
  const problems = draftProblems(drafts);
  const valid: HypotheticalMark[] = drafts.flatMap((d, i) => (problems[i]!.length === 0 && isWorkTypeId(d.workType) ? [{ workType: d.workType, value: Number(d.value) }] : []));
  const rules = source.rules as MarkingRules;
  const before = whatIf(counted, [], rules, source.hoursPerWeek, source.today);
  const after = whatIf(counted, valid, rules, source.hoursPerWeek, source.today);
  return { before, after, change: changeText(before, after), rule: roundingRule(rules.thresholds) };
}

const avg = (j: Pick<Justification, 'average'>) => (j.average === null ? WHAT_IF_TEXT.none : ruAverage(j.average));
const implied = (j: Pick<Justification, 'implied'>) => (j.implied === null ? '—' : `«${j.implied}»`);

/** The change in words, for the live region. */
export function changeText(before: Pick<Justification, 'average' | 'implied'>, after: Pick<Justification, 'average' | 'implied'>): string {
  return `Средний балл: ${avg(before)} → ${avg(after)}. Расчётная отметка: ${implied(before)} → ${implied(after)}.`;
}

/** A line of the marks table: «16.11.2026», the work type, «1,5», the mark, and whether it is hypothetical. */
export function lineCells(l: Pick<Justification['lines'][number], 'date' | 'workTypeName' | 'weight' | 'value' | 'hypothetical'>): { date: string; workType: string; weight: string; value: string; kind: string } {
  return {
    date: ruDate(l.date),
    workType: l.workTypeName,
    weight: ruNumber(l.weight),
    value: String(l.value),
    kind: l.hypothetical ? WHAT_IF_TEXT.hypothetical : WHAT_IF_TEXT.real,
  };
}

/**
 * Why a period, year or final mark is what it is (clause 6.1 «должны быть обоснованы», R-31): the
 * weighted average written out as a formula a parent can check with a pencil, every mark with its
 * date, work type and weight, the mark the school's thresholds imply and the rounding rule in
 * words, and whether the period has the minimum number of marks. A mark that departs from this
 * needs a reason, and `reasonProblem` says so in Russian.
 *
 * The same functions serve the server, the journal grid and the what-if of teachers, students and
 * parents: a hypothetical mark is just one more line, flagged.
 */
import { countOf, ruNumberFormat, type PluralForms } from './calendar';
import { isMarkValue, weightedAverage, type MarkValue } from './journal-marks';
import type { JournalMark } from './journal-model';
import { capitalise, FINAL_MARK_TEXT, numericMark, reasonTextProblem, type FinalMarkCode } from './period-marks';
import { impliedMark, type MarkThresholds } from './settings';
import { minimumMarksFor, ruNumber, type MarkingRules } from './settings-versions';
import { DEFAULT_WEIGHTS, isWorkTypeId, workTypeName, type WorkTypeId } from './work-types';

export const MARK: PluralForms = ['отметка', 'отметки', 'отметок'];

/** One term of an average: a mark and its weight. */
export interface AverageTerm {
  value: number;
  weight: number;
}

export interface AverageExplained {
  /** Σ(mark × weight). */
  sum: number;
  /** Σ(weight): the divisor. */
  weightSum: number;
  /** Rounded half up to hundredths (`weightedAverage`); null without marks. */
  average: number | null;
  /** The mark the average implies under the thresholds; null without marks. */
  implied: MarkValue | null;
  /** «(5 × 1 + 4 × 3) / (1 + 3) = 17 / 4 = 4,25»; null without marks. */
  formula: string | null;
}

/** Sums of products of one-decimal weights: round away the float dust before showing them. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
const two = ruNumberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const three = ruNumberFormat({ minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** The average of marks with weights, explained. The average itself is `weightedAverage`, the one the journal shows. */
export function explainAverage(terms: readonly AverageTerm[], thresholds: MarkThresholds): AverageExplained {
  const counted = terms.filter((t) => t.weight > 0);
  const sum = tidy(counted.reduce((s, t) => s + t.value * t.weight, 0));
  const weightSum = tidy(counted.reduce((s, t) => s + t.weight, 0));
  const average = weightedAverage(counted);
  if (average === null) return { sum, weightSum, average, implied: null, formula: null };
  const formula =
    `(${counted.map((t) => `${t.value} × ${ruNumber(t.weight)}`).join(' + ')}) / (${counted.map((t) => ruNumber(t.weight)).join(' + ')})` +
    ` = ${ruNumber(sum)} / ${ruNumber(weightSum)} = ${two.format(average)}`;
  return { sum, weightSum, average, implied: impliedMark(average, thresholds), formula };
}

/** 4,67: an average as the screens show it (always two decimals). */
export function ruAverage(average: number): string {
  return two.format(average);
}

/** The highest average that still implies the mark below a threshold: 4,49 under 4,50. */
const below = (t: number) => two.format(Math.round(t * 100 - 1) / 100);

/**
 * The rule in words, shown beside every average (R-31: «state the rounding rule on screen»). The
 * example sits exactly on the «4» threshold, where rounding decides the mark.
 */
export function roundingRule(t: MarkThresholds): string {
  const example = Math.round(t.mark4 * 1000 - 5) / 1000;
  return (
    'Средний балл — сумма произведений отметок на их веса, делённая на сумму весов. ' +
    `Он округляется до сотых по правилам арифметики: 5 тысячных и больше — вверх (${three.format(example)} → ${two.format(t.mark4)}). ` +
    `Отметка «5» — при среднем балле от ${two.format(t.mark5)}, «4» — от ${two.format(t.mark4)} до ${below(t.mark5)}, ` +
    `«3» — от ${two.format(t.mark3)} до ${below(t.mark4)}, «2» — ниже ${two.format(t.mark3)}.`
  );
}

// --- the period ---------------------------------------------------------------------------------

/** A current mark as the period counts it. Its weight comes from the rules, not from the mark. */
export interface CountedMark {
  /** YYYY-MM-DD, the lesson's date. */
  date: string;
  workType: WorkTypeId;
  value: number;
  /** Added in a what-if: counted, but never stored. */
  hypothetical?: boolean;
}

export interface JustificationLine extends CountedMark {
  workTypeName: string;
  weight: number;
  /** value × weight. */
  product: number;
}

export interface MinimumCheck {
  hoursPerWeek: number;
  required: number;
  count: number;
  met: boolean;
}

export interface Justification extends AverageExplained {
  /** Every mark, by date, with its weight: the formula's terms in the same order. */
  lines: JustificationLine[];
  thresholds: MarkThresholds;
  rule: string;
  minimum: MinimumCheck;
}

/**
 * Clause 6.1: a student's period in one subject, under the rules in force on the period's last day
 * (`periodRules` in settings-versions.ts). The caller leaves removed marks out.
 */
export function justifyPeriod(marks: readonly CountedMark[], rules: MarkingRules, hoursPerWeek: number): Justification {
  const lines = [...marks]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((m) => {
      // A work type added after the version was saved weighs its default.
      const weight = rules.weights[m.workType] ?? DEFAULT_WEIGHTS[m.workType];
      return { ...m, workTypeName: workTypeName(m.workType), weight, product: tidy(m.value * weight) };
    });
  const required = minimumMarksFor(rules.minimumMarks, hoursPerWeek);
  return {
    ...explainAverage(lines, rules.thresholds),
    lines,
    thresholds: rules.thresholds,
    rule: roundingRule(rules.thresholds),
    minimum: { hoursPerWeek, required, count: lines.length, met: lines.length >= required },
  };
}

/** A student's counted marks of a subject from the journal's stored marks: removed ones and other periods left out. */
export function countedMarksOf(
  marks: ReadonlyArray<Pick<JournalMark, 'studentId' | 'date' | 'workType' | 'value' | 'deleted'>>,
  studentId: string,
  period: { startDate: string; endDate: string },
): CountedMark[] {
  return marks
    .filter((m) => m.studentId === studentId && !m.deleted && period.startDate <= m.date && m.date <= period.endDate)
    .map((m) => ({ date: m.date, workType: m.workType, value: m.value }));
}

export interface HypotheticalMark {
  workType: WorkTypeId;
  value: number;
  /** Defaults to today: a what-if mark is one the student could still get. */
  date?: string;
}

export const HYPOTHETICAL_MAX = 20;

/** Problems of what-if marks sent by a screen, in Russian; empty when they may be counted. */
export function hypotheticalProblems(list: ReadonlyArray<{ workType?: unknown; value?: unknown }>): string[] {
  if (list.length > HYPOTHETICAL_MAX) return [`Не больше ${HYPOTHETICAL_MAX} предполагаемых отметок.`];
  const out: string[] = [];
  list.forEach((h, i) => {
    if (!isMarkValue(h.value)) out.push(`Предполагаемая отметка ${i + 1}: ставятся отметки от 2 до 5.`);
    if (typeof h.workType !== 'string' || !isWorkTypeId(h.workType)) out.push(`Предполагаемая отметка ${i + 1}: выберите вид работы.`);
  });
  return out;
}

/** R-31 what-if: the same justification with hypothetical marks added (and flagged) on top of the real ones. */
export function whatIf(
  marks: readonly CountedMark[],
  hypothetical: readonly HypotheticalMark[],
  rules: MarkingRules,
  hoursPerWeek: number,
  today: string,
): Justification {
  const extra = hypothetical.map((h) => ({ date: h.date ?? today, workType: h.workType, value: h.value, hypothetical: true as const }));
  return justifyPeriod([...marks.map((m) => ({ ...m, hypothetical: false })), ...extra], rules, hoursPerWeek);
}

/** «Средний балл 4,67 → «5»; 6 отметок при минимуме 5 — минимум выполнен.» */
export function justificationSummary(j: Pick<Justification, 'average' | 'implied' | 'minimum'>): string {
  const avg = j.average === null ? 'Текущих отметок нет' : `Средний балл ${ruAverage(j.average)} → «${j.implied}»`;
  const m = j.minimum;
  const min = `${countOf(m.count, MARK)} при минимуме ${m.required} — ${m.met ? 'минимум выполнен' : 'минимум не выполнен'}`;
  return `${avg}; ${min}.`;
}

// --- year and final --------------------------------------------------------------------------

export interface MarksBasis extends AverageExplained {
  /** Names of the parts without a 2-5 mark («2 четверть», «экзамен»): no implied mark then. */
  missing: string[];
}

/**
 * The year mark's basis: the arithmetic mean of the period marks, rounded and read through the same
 * thresholds. A period without a 2-5 mark («н/а», none yet) leaves the year without an implied mark.
 */
export function yearBasis(periods: ReadonlyArray<{ name: string; code: FinalMarkCode | null | undefined }>, thresholds: MarkThresholds): MarksBasis {
  return meanOf(periods, thresholds);
}

/**
 * The final mark's basis: the year mark, or with an exam the mean of the year and the exam mark
 * (4 and 3 give 3,50, which the thresholds read as «4» by default).
 */
export function finalBasis(year: FinalMarkCode | null | undefined, exam: FinalMarkCode | null | undefined, hasExam: boolean, thresholds: MarkThresholds): MarksBasis {
  const parts = [{ name: 'годовая', code: year }, ...(hasExam ? [{ name: 'экзаменационная', code: exam }] : [])];
  return meanOf(parts, thresholds);
}

function meanOf(parts: ReadonlyArray<{ name: string; code: FinalMarkCode | null | undefined }>, thresholds: MarkThresholds): MarksBasis {
  const missing = parts.filter((p) => numericMark(p.code) === null).map((p) => p.name);
  const terms = parts.flatMap((p) => {
    const v = numericMark(p.code);
    return v === null ? [] : [{ value: v, weight: 1 }];
  });
  const explained = explainAverage(terms, thresholds);
  return missing.length ? { ...explained, implied: null, missing } : { ...explained, missing };
}

// --- when a reason is needed -------------------------------------------------------------------

/** What a mark is checked against: a period's justification or a year/final basis. */
export interface ReasonBasis {
  average: number | null;
  implied: MarkValue | null;
  minimum?: Pick<MinimumCheck, 'required' | 'count' | 'met'>;
  missing?: string[];
}

/**
 * Why this mark needs a reason (R-31, clause 6.1), one Russian phrase per cause; empty when it
 * needs none. «н/а» always has one. A 2-5 mark needs one when it differs from the implied mark, when
 * there is no implied mark to agree with, or when the period's minimum of marks is not met.
 * «зач»/«незач» and grade 1's results are not averages and need none.
 */
export function reasonsRequired(code: FinalMarkCode, basis: ReasonBasis): string[] {
  if (code === 'na') return ['для «н/а» нужна причина'];
  const value = numericMark(code);
  if (value === null) return [];
  const out: string[] = [];
  if (basis.implied !== null && basis.average !== null && value !== basis.implied) {
    out.push(`отметка «${value}» отличается от расчётной «${basis.implied}» (средний балл ${ruAverage(basis.average)})`);
  } else if (basis.implied === null) {
    out.push(basis.missing?.length ? `не выставлены: ${basis.missing.join(', ')} — расчётной отметки нет` : 'текущих отметок нет — расчётной отметки нет');
  }
  if (basis.minimum && !basis.minimum.met && basis.minimum.count > 0) {
    out.push(`за период ${countOf(basis.minimum.count, MARK)} при минимуме ${basis.minimum.required}`);
  }
  return out;
}

/** The refusal when a needed reason is missing or malformed; null when the mark may be stored. */
export function reasonProblem(code: FinalMarkCode, reason: string | null | undefined, basis: ReasonBasis): string | null {
  const form = reasonTextProblem(reason);
  if (form) return form;
  const causes = reasonsRequired(code, basis);
  if (causes.length === 0 || (reason ?? '').trim()) return null;
  return `${capitalise(causes.join('; '))}: укажите причину (п. 6.1 положения: отметка должна быть обоснована).`;
}

/** «5», «н/а (по болезни)»: a stored mark with its reason, as every place that shows it writes it. */
export function finalMarkWithReason(code: FinalMarkCode, reason?: string | null): string {
  const r = reason?.trim();
  return r ? `${FINAL_MARK_TEXT[code]} (${r})` : FINAL_MARK_TEXT[code];
}

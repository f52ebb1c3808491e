/**
 * The rules a period mark is justified by (R-31, clause 6.2): weights per work type, thresholds from
 * an average to a mark, and the minimum number of marks a period needs, versioned by the date they
 * take effect. A period is computed under the version in force on its last day, so new settings
 * never change a period that is already closed, and saving them mid-period names every open period
 * they will change before anything is stored.
 *
 * Pure: the settings screen, the server and the justification use the same functions.
 */
import { daysBetween, isIsoDate, ruDate, ruNumberFormat } from './calendar';
import type { MarkThresholds, SettingsProblem } from './settings';
import { DEFAULT_THRESHOLDS } from './settings';
import { DEFAULT_WEIGHTS, WORK_TYPE_IDS, workTypeName, type WorkTypeId } from './work-types';
import type { Period } from './year';

/** From this many lessons a week up, a period needs at least `marks` current marks (the next step overrides). */
export interface MinimumMarksStep {
  hoursPerWeek: number;
  marks: number;
}

/** The school's usual rule: 3 marks for a subject of 1 hour a week, 5 for 2 hours and more. */
export const DEFAULT_MINIMUM_MARKS: readonly MinimumMarksStep[] = [
  { hoursPerWeek: 1, marks: 3 },
  { hoursPerWeek: 2, marks: 5 },
];

export const MINIMUM_MARKS_MAX = 30;
export const MINIMUM_STEPS_MAX = 12;

export interface MarkingRules {
  weights: Record<WorkTypeId, number>;
  thresholds: MarkThresholds;
  minimumMarks: MinimumMarksStep[];
}

export interface MarkingRulesVersion extends MarkingRules {
  /** YYYY-MM-DD, school-local: the first day these rules are in force. */
  effectiveFrom: string;
}

/** What a school worked by before it saved any version: the regulation's defaults. */
export const DEFAULT_MARKING_RULES: MarkingRules = {
  weights: { ...DEFAULT_WEIGHTS },
  thresholds: { ...DEFAULT_THRESHOLDS },
  minimumMarks: DEFAULT_MINIMUM_MARKS.map((s) => ({ ...s })),
};

/** The minimum number of marks for a subject of this many weekly hours; 0 when no step reaches it. */
export function minimumMarksFor(steps: readonly MinimumMarksStep[], hoursPerWeek: number): number {
  let best: MinimumMarksStep | undefined;
  for (const s of steps) if (s.hoursPerWeek <= hoursPerWeek && (!best || s.hoursPerWeek > best.hoursPerWeek)) best = s;
  return best?.marks ?? 0;
}

function byDate(versions: readonly MarkingRulesVersion[]): MarkingRulesVersion[] {
  return [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}

/** The rules in force on a date: the latest version that took effect on or before it, else the defaults. */
export function rulesInForce(versions: readonly MarkingRulesVersion[], date: string): MarkingRules {
  const v = byDate(versions).filter((x) => x.effectiveFrom <= date).pop();
  return v ? { weights: v.weights, thresholds: v.thresholds, minimumMarks: v.minimumMarks } : DEFAULT_MARKING_RULES;
}

/** Clause 6.1: a period is justified under the rules of its last day. */
export function periodRules(versions: readonly MarkingRulesVersion[], period: Pick<Period, 'endDate'>): MarkingRules {
  return rulesInForce(versions, period.endDate);
}

/** The versions after saving `draft`: a version of the same day is replaced, the list stays in date order. */
export function withVersion(versions: readonly MarkingRulesVersion[], draft: MarkingRulesVersion): MarkingRulesVersion[] {
  return byDate([...versions.filter((v) => v.effectiveFrom !== draft.effectiveFrom), draft]);
}

const fmt = ruNumberFormat({ maximumFractionDigits: 2 });
/** 4,5 and 1,5: numbers in Russian text have a decimal comma. */
export const ruNumber = (n: number): string => fmt.format(n);

/** What changes between two sets of rules, one Russian line per change; empty when they are the same. */
export function ruleChanges(before: MarkingRules, after: MarkingRules): string[] {
  const out: string[] = [];
  for (const id of WORK_TYPE_IDS) {
    const a = before.weights[id] ?? DEFAULT_WEIGHTS[id];
    const b = after.weights[id] ?? DEFAULT_WEIGHTS[id];
    if (a !== b) out.push(`вес «${workTypeName(id)}»: ${ruNumber(a)} → ${ruNumber(b)}`);
  }
  for (const k of ['mark5', 'mark4', 'mark3'] as const) {
    if (before.thresholds[k] !== after.thresholds[k]) {
      out.push(`порог отметки «${k.slice(4)}»: ${ruNumber(before.thresholds[k])} → ${ruNumber(after.thresholds[k])}`);
    }
  }
  const hours = [...new Set([...before.minimumMarks, ...after.minimumMarks].map((s) => s.hoursPerWeek))].sort((x, y) => x - y);
  for (const h of hours) {
    const a = minimumMarksFor(before.minimumMarks, h);
    const b = minimumMarksFor(after.minimumMarks, h);
    if (a !== b) out.push(`минимум отметок при ${h} ч в неделю и больше: ${a} → ${b}`);
  }
  return out;
}

export interface PeriodChange {
  period: Pick<Period, 'periodId' | 'name' | 'startDate' | 'endDate'>;
  changes: string[];
}

/**
 * Saving a version mid-period: which of the given periods it would change. Closed periods are never
 * listed (the version is refused for them by `versionProblems`); a period is changed only if the
 * draft becomes the version in force on its last day and differs from the one in force now.
 */
export function periodsChangedBy(
  versions: readonly MarkingRulesVersion[],
  draft: MarkingRulesVersion,
  periods: ReadonlyArray<PeriodChange['period'] & { closed?: boolean }>,
): PeriodChange[] {
  const next = withVersion(versions, draft);
  return periods
    .filter((p) => !p.closed)
    .map((p) => ({ period: { periodId: p.periodId, name: p.name, startDate: p.startDate, endDate: p.endDate }, changes: ruleChanges(periodRules(versions, p), periodRules(next, p)) }))
    .filter((c) => c.changes.length > 0);
}

/** «1 четверть (01.09.2026–24.10.2026): вес «Контрольная работа»: 3 → 4; ...»: the warning shown before saving. */
export function periodChangeText(c: PeriodChange): string {
  return `«${c.period.name}» (${ruDate(c.period.startDate)}–${ruDate(c.period.endDate)}): ${c.changes.join('; ')}.`;
}

function minimumProblems(steps: unknown): SettingsProblem[] {
  if (!Array.isArray(steps) || steps.length === 0) {
    return [{ field: 'minimumMarks', message: 'Минимум отметок за период: укажите хотя бы одно правило (например, 3 отметки при 1 ч в неделю).' }];
  }
  if (steps.length > MINIMUM_STEPS_MAX) return [{ field: 'minimumMarks', message: `Минимум отметок за период: не больше ${MINIMUM_STEPS_MAX} правил.` }];
  const problems: SettingsProblem[] = [];
  const seen = new Set<number>();
  steps.forEach((s: Partial<MinimumMarksStep> | null, i) => {
    const h = s?.hoursPerWeek;
    const m = s?.marks;
    if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > 12) {
      problems.push({ field: `minimumMarks.${i}.hoursPerWeek`, message: `Минимум отметок, правило ${i + 1}: часов в неделю — целое число от 1 до 12.` });
    } else if (seen.has(h)) {
      problems.push({ field: `minimumMarks.${i}.hoursPerWeek`, message: `Минимум отметок: правило для ${h} ч в неделю указано дважды.` });
    } else {
      seen.add(h);
    }
    if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > MINIMUM_MARKS_MAX) {
      problems.push({ field: `minimumMarks.${i}.marks`, message: `Минимум отметок, правило ${i + 1}: число отметок — целое от 1 до ${MINIMUM_MARKS_MAX}.` });
    }
  });
  if (problems.length === 0 && !seen.has(1)) {
    problems.push({ field: 'minimumMarks', message: 'Минимум отметок: нужно правило для 1 ч в неделю, иначе у предметов с одним уроком минимума не будет.' });
  }
  return problems;
}

/**
 * Problems of a new version besides its weights and thresholds (which `validateSchoolSettings`
 * checks): the date it takes effect and the minimums. A version may not take effect before today
 * (a change is never back-dated) nor on or before the last day of a closed period.
 */
export function versionProblems(
  draft: Pick<MarkingRulesVersion, 'effectiveFrom' | 'minimumMarks'>,
  today: string,
  closedPeriods: ReadonlyArray<Pick<Period, 'name' | 'endDate'>>,
): SettingsProblem[] {
  const problems = minimumProblems(draft.minimumMarks);
  if (!isIsoDate(draft.effectiveFrom ?? '')) {
    problems.push({ field: 'effectiveFrom', message: 'Дата, с которой действуют правила, не указана или указана неверно.' });
    return problems;
  }
  if (daysBetween(today, draft.effectiveFrom) < 0) {
    problems.push({
      field: 'effectiveFrom',
      message: `Правила не могут действовать задним числом: дата ${ruDate(draft.effectiveFrom)} раньше сегодняшней (${ruDate(today)}).`,
    });
  }
  const hit = closedPeriods.filter((p) => draft.effectiveFrom <= p.endDate);
  if (hit.length) {
    problems.push({
      field: 'effectiveFrom',
      message: `С ${ruDate(draft.effectiveFrom)} правила изменили бы закрытые периоды (${hit.map((p) => `«${p.name}»`).join(', ')}): выберите дату после их окончания.`,
    });
  }
  return problems;
}

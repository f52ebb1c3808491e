/**
 * The school's marking rules as the settings screen and API keep them (R-31, clause 6.1): the list
 * of versions with what each changed, the periods of the school's years that a new version may
 * change, and every problem of a new version at once. The rules themselves (the version in force,
 * which periods a draft changes) are in settings-versions.ts.
 *
 * Before versions existed a school kept one set of weights and thresholds, which applied to every
 * period. The first version saved therefore writes that set down as the school's initial version
 * (in force from `INITIAL_RULES_FROM`, before any school year), so periods before the new date keep
 * being computed as they were, not under the regulation's defaults.
 */
import { addDays, ruDate } from './calendar';
import { weightAndThresholdProblems, type SchoolSettings, type SettingsProblem } from './settings';
import {
  DEFAULT_MARKING_RULES,
  DEFAULT_MINIMUM_MARKS,
  ruleChanges,
  rulesInForce,
  versionProblems,
  type MarkingRules,
  type MarkingRulesVersion,
} from './settings-versions';
import type { AcademicYear } from './year';

/** The date of the initial version: earlier than any school year, so it covers all of them. */
export const INITIAL_RULES_FROM = '1970-01-01';

const rulesOf = (v: MarkingRules): MarkingRules => ({ weights: v.weights, thresholds: v.thresholds, minimumMarks: v.minimumMarks });

/** The school's versions as stored, or its one set of rules as the initial version when it has saved none. */
export function schoolVersions(s: Pick<SchoolSettings, 'weights' | 'thresholds' | 'markingRules'>): MarkingRulesVersion[] {
  if (s.markingRules?.length) return [...s.markingRules].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return [{ effectiveFrom: INITIAL_RULES_FROM, weights: { ...s.weights }, thresholds: { ...s.thresholds }, minimumMarks: DEFAULT_MINIMUM_MARKS.map((m) => ({ ...m })) }];
}

export interface VersionView extends MarkingRulesVersion {
  /** The school's rules before its first dated version. */
  initial: boolean;
  /** What this version changed against the one before (the initial one: against the regulation's defaults). */
  changes: string[];
}

/** The versions in date order, each with what it changed, for the settings screen. */
export function versionViews(versions: readonly MarkingRulesVersion[]): VersionView[] {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.map((v, i) => ({
    ...v,
    initial: v.effectiveFrom === INITIAL_RULES_FROM,
    changes: ruleChanges(i === 0 ? DEFAULT_MARKING_RULES : rulesOf(sorted[i - 1]!), rulesOf(v)),
  }));
}

/** A study period of one of the school's years, and whether it is closed today. */
export interface SchoolPeriod {
  periodId: string;
  name: string;
  startDate: string;
  endDate: string;
  closed: boolean;
}

/**
 * Every period of the given years (quarters and halves alike, once each; those ending on the same
 * day by name). A period is closed from
 * the first day of the next period of its set, the last one from the day after its year ends: the
 * day its marks can no longer be set (`markWindow` in period-mark-rules.ts).
 */
export function schoolPeriods(years: ReadonlyArray<Pick<AcademicYear, 'endDate' | 'periodSets'>>, today: string): SchoolPeriod[] {
  const seen = new Map<string, SchoolPeriod>();
  for (const y of years) {
    for (const set of y.periodSets) {
      const periods = [...set.periods].sort((a, b) => a.startDate.localeCompare(b.startDate));
      periods.forEach((p, i) => {
        const closesOn = periods[i + 1]?.startDate ?? addDays(y.endDate, 1);
        const key = `${p.periodId}|${p.startDate}|${p.endDate}`;
        // The same period in two sets is open while either still takes its marks.
        const closed = today >= closesOn && (seen.get(key)?.closed ?? true);
        seen.set(key, { periodId: p.periodId, name: p.name, startDate: p.startDate, endDate: p.endDate, closed });
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.endDate.localeCompare(b.endDate) || a.name.localeCompare(b.name, 'ru'));
}

/**
 * Every problem of a new version: its weights and thresholds, its date and minimums
 * (`versionProblems`), and a version that changes nothing against the rules it follows.
 */
export function draftProblems(versions: readonly MarkingRulesVersion[], draft: MarkingRulesVersion, today: string, periods: readonly SchoolPeriod[]): SettingsProblem[] {
  const problems = [...weightAndThresholdProblems(draft), ...versionProblems(draft, today, periods.filter((p) => p.closed))];
  if (problems.length) return problems;
  // Against what would be in force that day without it (a version of the same day included: saving it again changes nothing).
  if (ruleChanges(rulesInForce(versions, draft.effectiveFrom), draft).length === 0) {
    problems.push({ field: 'effectiveFrom', message: `Эти правила не отличаются от действующих на ${ruDate(draft.effectiveFrom)}: измените вес, порог или минимум отметок.` });
  }
  return problems;
}

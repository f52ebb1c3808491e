/**
 * A new version of a school's marking rules (R-31, clause 6.1; issue 10 item 5): weights,
 * thresholds and minimum marks from the date they take effect.
 *
 * The periods of the school's years decide: a version may not reach back into a closed period
 * (`versionProblems`), and one that changes an open period is stored only once the caller has seen
 * those periods in words and confirmed (409 `periods_change` with the list, then `confirm: true`).
 * The versions are one attribute of the school's settings, saved with its audit record in one
 * transaction on the settings version read (shared/repos/settings.ts). The weights and thresholds
 * in force today are written beside them, for the journal's running average.
 */
import { dateInZone } from '../domain/calendar';
import { draftProblems, schoolPeriods, schoolVersions } from '../domain/marking-rules';
import { resolveSchoolSettings, type SettingsProblem } from '../domain/settings';
import { periodChangeText, periodsChangedBy, rulesInForce, withVersion, type MarkingRulesVersion } from '../domain/settings-versions';
import type { WorkTypeId } from '../domain/work-types';
import { BadRequestError, ConflictError, DomainError } from '../errors';
import { saveSchoolSettings, type Actor, type StoredSchoolSettings } from '../repos/settings';
import { listYears } from '../repos/year';

export const STALE_SETTINGS = 'Настройки уже изменил другой пользователь. Показаны текущие значения: проверьте их и сохраните снова.';

/** 400 with every problem, each naming its field, as the settings forms show them. */
export function settingsInvalid(problems: SettingsProblem[]): BadRequestError {
  return new BadRequestError(problems.map((p) => p.message).join(' '), { fields: problems.map((p) => ({ path: p.field, message: p.message })) });
}

export interface MarkingRulesInput {
  version: number;
  effectiveFrom: string;
  weights: Record<string, number>;
  thresholds: MarkingRulesVersion['thresholds'];
  minimumMarks: MarkingRulesVersion['minimumMarks'];
  confirm?: boolean;
}

/** The open periods a version changes, as the 409 and the saved answer name them. */
export interface ChangedPeriod {
  periodId: string;
  name: string;
  startDate: string;
  endDate: string;
  changes: string[];
  text: string;
}

export type MarkingRulesSaved = { stored: StoredSchoolSettings; changedPeriods: ChangedPeriod[] };

export async function addMarkingRules(
  stored: StoredSchoolSettings,
  input: MarkingRulesInput,
  who: Actor,
  /** The answer a 409 carries as the current settings. */
  view: (s: StoredSchoolSettings) => unknown,
): Promise<MarkingRulesSaved> {
  const today = dateInZone(who.at, stored.timeZone);
  const current = resolveSchoolSettings(stored.settings);
  const versions = schoolVersions(current);
  const periods = schoolPeriods(await listYears(stored.schoolId), today);
  // A work type the form leaves out keeps the weight it has in the rules the version follows.
  const before = rulesInForce(versions, input.effectiveFrom);
  const draft: MarkingRulesVersion = {
    effectiveFrom: input.effectiveFrom,
    weights: { ...before.weights, ...input.weights } as Record<WorkTypeId, number>,
    thresholds: input.thresholds,
    minimumMarks: input.minimumMarks,
  };
  const problems = draftProblems(versions, draft, today, periods);
  if (problems.length) throw settingsInvalid(problems);
  if (input.version !== stored.version) throw new ConflictError(STALE_SETTINGS, view(stored));

  const changedPeriods = periodsChangedBy(versions, draft, periods).map((c) => ({ ...c.period, changes: c.changes, text: periodChangeText(c) }));
  if (changedPeriods.length && input.confirm !== true) {
    throw new DomainError(
      409,
      'periods_change',
      `Новые правила изменят расчёт отметок открытых периодов: ${changedPeriods.map((c) => c.text).join(' ')} Подтвердите сохранение.`,
      { periods: changedPeriods },
    );
  }
  const next = withVersion(versions, draft);
  const inForce = rulesInForce(next, today);
  const settings = { ...current, weights: inForce.weights, thresholds: inForce.thresholds, markingRules: next };
  const saved = await saveSchoolSettings(stored, settings, who, {
    action: 'settings.markingRules.add',
    before: { markingRules: stored.settings?.markingRules ?? null },
    after: { version: draft, changedPeriods: changedPeriods.map((c) => c.text) },
  });
  if (!saved.ok) throw new ConflictError(STALE_SETTINGS, saved.current ? view(saved.current) : undefined);
  return { stored: saved.value, changedPeriods };
}

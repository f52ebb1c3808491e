/**
 * The school's thresholds of the monitoring (R-62, clause 8.2): what counts as a problem of how the
 * journal is kept (too few marks, homework or topics not recorded, behind the KTP, late fills, the
 * families not using the diary). Stored with the school's other settings, saved on the version read
 * with its audit record (shared/repos/settings.ts).
 */
import { monitoringThresholdProblems, resolveMonitoringThresholds, type MonitoringThresholds } from '../domain/reports/monitoring';
import { resolveSchoolSettings } from '../domain/settings';
import { ConflictError } from '../errors';
import { saveSchoolSettings, type Actor, type StoredSchoolSettings } from '../repos/settings';
import { settingsInvalid, STALE_SETTINGS } from './marking-rules-settings';

export async function saveMonitoringThresholds(
  stored: StoredSchoolSettings,
  input: { version: number; thresholds: MonitoringThresholds },
  who: Actor,
  view: (s: StoredSchoolSettings) => unknown,
): Promise<StoredSchoolSettings> {
  const problems = monitoringThresholdProblems(input.thresholds);
  if (problems.length) throw settingsInvalid(problems);
  if (input.version !== stored.version) throw new ConflictError(STALE_SETTINGS, view(stored));
  const current = resolveSchoolSettings(stored.settings);
  const change = { action: 'settings.school.monitoring', before: resolveMonitoringThresholds(current.monitoringThresholds), after: input.thresholds };
  const saved = await saveSchoolSettings(stored, { ...current, monitoringThresholds: { ...input.thresholds } }, who, change);
  if (!saved.ok) throw new ConflictError(STALE_SETTINGS, saved.current ? view(saved.current) : undefined);
  return saved.value;
}

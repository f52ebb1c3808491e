/**
 * The director's settings of corrections (issue 11; clauses 3.11, 7.4): the entry window of an
 * approved request (days, a school setting) and the deputies responsible for journal control, who
 * alone enter approved changes. Stored with the school's other settings, saved on the version read
 * with its audit record (shared/repos/settings.ts), so the designation is on record: who, when, whom.
 */
import { correctionSettingsProblems, type CorrectionSettings } from '../domain/corrections';
import { resolveSchoolSettings } from '../domain/settings';
import { ConflictError } from '../errors';
import { getAccounts } from '../repos/accounts';
import { saveSchoolSettings, type Actor, type StoredSchoolSettings } from '../repos/settings';
import { settingsInvalid, STALE_SETTINGS } from './marking-rules-settings';

export interface CorrectionSettingsInput extends Required<CorrectionSettings> {
  /** The settings' version the director saw. */
  version: number;
}

/** The deputies of the school among `ids`, with an active or pending account. */
async function deputiesAmong(schoolId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const accounts = await getAccounts([...new Set(ids)]);
  return new Set(
    accounts.filter((a) => a.status !== 'disabled' && a.grants.some((g) => g.role === 'deputy' && g.schoolId === schoolId)).map((a) => a.userId),
  );
}

export async function saveCorrectionSettings(
  stored: StoredSchoolSettings,
  input: CorrectionSettingsInput,
  who: Actor,
  view: (s: StoredSchoolSettings) => unknown,
): Promise<StoredSchoolSettings> {
  const next: Required<CorrectionSettings> = { correctionEntryWindowDays: input.correctionEntryWindowDays, journalControlDeputyIds: input.journalControlDeputyIds };
  const problems = correctionSettingsProblems(next, await deputiesAmong(stored.schoolId, next.journalControlDeputyIds));
  if (problems.length) throw settingsInvalid(problems);
  if (input.version !== stored.version) throw new ConflictError(STALE_SETTINGS, view(stored));
  const current = resolveSchoolSettings(stored.settings);
  const before = { correctionEntryWindowDays: current.correctionEntryWindowDays, journalControlDeputyIds: current.journalControlDeputyIds };
  const saved = await saveSchoolSettings(stored, { ...current, ...next }, who, { action: 'settings.school.corrections', before, after: next });
  if (!saved.ok) throw new ConflictError(STALE_SETTINGS, saved.current ? view(saved.current) : undefined);
  return saved.value;
}

/**
 * The rules a journal request works by: the school's time zone, the effective lock settings (the
 * department's, made stricter by the school, R-01) and the weights of the weighted average.
 *
 * A write reads the department and school items fresh in its one BatchGetItem, so a changed lock
 * applies to the very next write. The journal page (budget: one Query) takes them from a
 * per-instance cache that lives a minute: a page shown within a minute of a settings change may
 * still draw a lock with the old number; the write itself is then refused or accepted by the
 * fresh rule, and the screen shows the server's answer.
 */
import { dateInZone } from '../domain/calendar';
import { schoolVersions } from '../domain/marking-rules';
import { effectiveLocks, REGULATION_LOCK_SETTINGS, resolveSchoolSettings, type LockSettings, type SchoolSettings } from '../domain/settings';
import { rulesInForce } from '../domain/settings-versions';
import type { WorkTypeId } from '../domain/work-types';
import { NotFoundError } from '../errors';
import { getDepartmentAndSchoolItems } from '../repos/school';

export interface JournalRules {
  timeZone: string;
  locks: LockSettings;
  weights: Record<WorkTypeId, number>;
}

type Item = Record<string, unknown>;

/** Every "day" of a school is a day of its own zone, stored on the school when it is created. */
function schoolZone(school: Item | null): string {
  if (!school) throw new NotFoundError('Школа не найдена.');
  return school.timeZone as string;
}

/**
 * The rules from the department and school items as stored (either may lack its settings) on the
 * school's day of `now`: the weights of the dated version in force that day, so a version
 * saved ahead takes effect on its date without another save.
 */
export function rulesFromItems(department: Item | null, school: Item | null, now: Date): JournalRules {
  const dep: LockSettings =
    department && department.lockDays
      ? { lockDays: { ...REGULATION_LOCK_SETTINGS.lockDays, ...(department.lockDays as object) }, marksInAdvanceAllowed: department.marksInAdvanceAllowed === true }
      : REGULATION_LOCK_SETTINGS;
  const own = resolveSchoolSettings((school?.settings as Partial<SchoolSettings> | undefined) ?? null);
  const timeZone = schoolZone(school);
  return {
    timeZone,
    locks: effectiveLocks(dep, own),
    weights: rulesInForce(schoolVersions(own), dateInZone(now, timeZone)).weights,
  };
}

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; rules: JournalRules }>();

/** The rules of a school for reads, from the per-instance cache (see above). */
export async function journalRulesForReading(departmentId: string, schoolId: string, now: Date): Promise<JournalRules> {
  const key = `${departmentId}|${schoolId}|${now.toISOString().slice(0, 10)}`;
  const hit = cache.get(key);
  const t = Date.now();
  if (hit && t - hit.at < TTL_MS) return hit.rules;
  const { department, school } = await getDepartmentAndSchoolItems(departmentId, schoolId);
  const rules = rulesFromItems(department, school, now);
  cache.set(key, { at: t, rules });
  return rules;
}

/** Tests that change settings between requests drop the cache. */
export function forgetJournalRules(): void {
  cache.clear();
}

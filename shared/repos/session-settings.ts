/**
 * The one school setting a session carries: the idle limit (`settings.idleMinutes` on the school
 * item, absent = the default). Read with a projection of that attribute only, one BatchGetItem for
 * all of a person's schools, at sign-in and at each renewal.
 */
import { keys } from '../db/keys';
import { batchGet } from '../db/query';

/** The stored idle limits of the schools that have the item (a value may be absent or not a number). */
export async function storedIdleLimits(departmentId: string, schoolIds: string[]): Promise<unknown[]> {
  if (schoolIds.length === 0) return [];
  const items = await batchGet(
    schoolIds.map((id) => keys.school(departmentId, id)),
    { projection: '#s.idleMinutes, #t', names: { '#s': 'settings', '#t': 'type' } },
  );
  return items.filter((i) => i.type === 'school').map((i) => (i.settings as { idleMinutes?: unknown } | undefined)?.idleMinutes);
}

/**
 * Loads the demo school (shared/demo) into an empty table: `npm start` and the integration tests
 * call it. Idempotent: when the department item exists the table is already seeded and nothing is
 * written. The department item is written last, after everything else succeeded, so a seed that
 * was interrupted is simply done again (BatchWrite puts overwrite) on the next start.
 */
import { hashPassword } from '../../shared/auth/password';
import { batchWriteAll } from '../../shared/db/batch-write';
import { keys } from '../../shared/db/keys';
import { getItem } from '../../shared/db/query';
import { CREATE_ONLY, putIf } from '../../shared/db/transact';
import { buildDemoSchool, DEMO_DEPARTMENT_ID, DEMO_PASSWORD, type DemoLogin } from '../../shared/demo/index';

/** The test fixtures load their items through the seed's writer. */
export { batchWriteAll };

/**
 * The test suite signs the demo people in a few hundred times; at the production scrypt cost that
 * alone is minutes of CPU on two cores. vitest.config.ts sets ZHURNAL_DEMO_SCRYPT_N so the demo's
 * stored hash is cheaper there. Verification reads N from the stored hash, so the code path is the
 * same; the bench and `npm start` keep the full cost.
 */
function demoPasswordCost(): number | undefined {
  const n = Number(process.env.ZHURNAL_DEMO_SCRYPT_N);
  return Number.isInteger(n) && n >= 2 ** 14 ? n : undefined;
}

export interface SeedResult {
  logins: DemoLogin[];
  /** Items written: 0 when the table was already seeded. */
  items: number;
  ms: number;
}

/**
 * The people part of the demo school (every role can sign in). With `setUp`, also the school's
 * set-up and journal (shared/demo/index.ts explains the split) — `npm start` loads that part in the
 * background through `seedDemoSetUp`.
 */
export async function seedDemoSchool(now: Date, opts: { setUp?: boolean } = {}): Promise<SeedResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const base = await seedPart(keys.department(DEMO_DEPARTMENT_ID), now, true, (demo) => demo.items);
  if (!opts.setUp) return { ...base, ms: ms() };
  const setUp = await seedDemoSetUp(now);
  return { logins: base.logins, items: base.items + setUp.items, ms: ms() };
}

/** The set-up part alone; run it after `seedDemoSchool`, which it builds on. */
export async function seedDemoSetUp(now: Date): Promise<SeedResult> {
  const started = performance.now();
  const part = await seedPart(keys.demoSetUpDone(DEMO_DEPARTMENT_ID), now, false, (demo) => [
    ...demo.setUp(),
    { ...keys.demoSetUpDone(DEMO_DEPARTMENT_ID), type: 'demoMarker', at: now.toISOString() },
  ]);
  return { ...part, ms: Math.round(performance.now() - started) };
}

/**
 * Writes one part unless its marker item exists. The marker is written last, after everything
 * else succeeded, so a part that was interrupted is simply done again (puts overwrite).
 */
async function seedPart(
  marker: { pk: string; sk: string },
  now: Date,
  /** Only the people part holds accounts, which need the (deliberately slow) password hash. */
  withAccounts: boolean,
  itemsOf: (demo: ReturnType<typeof buildDemoSchool>) => Array<Record<string, unknown>>,
): Promise<{ logins: DemoLogin[]; items: number }> {
  if (await getItem(marker, { consistent: true })) {
    // The logins do not depend on the hash; skip the (deliberately slow) scrypt.
    return { logins: buildDemoSchool({ passwordHash: '', now }).logins, items: 0 };
  }
  // One scrypt for every demo account: they share the demo password.
  const demo = buildDemoSchool({ passwordHash: withAccounts ? await hashPassword(DEMO_PASSWORD, demoPasswordCost()) : '', now });
  const items = itemsOf(demo);
  const isMarker = (i: Record<string, unknown>) => i.pk === marker.pk && i.sk === marker.sk;
  const last = items.find(isMarker);
  if (!last) throw new Error(`The demo part has no marker item ${marker.pk} ${marker.sk}`);
  await batchWriteAll(items.filter((i) => !isMarker(i)));
  // false when another seeder finished first: its items are the same as ours.
  await putIf(last, CREATE_ONLY);
  return { logins: demo.logins, items: items.length };
}

/**
 * Scheduled job: former students' personal cards reduced to what the archive needs once their
 * retention term has ended (R-71; shared/domain/retention.ts). Idempotent: a reduced card is
 * marked and skipped, so a second run changes nothing.
 */
import { listSchools } from '../../shared/repos/school';
import { reduceFormerCards } from '../../shared/services/card-retention';
import { now as clockNow } from '../http/clock';
import type { JobResult } from './expire-access';
import { observedJob } from './observe';

export async function run(departmentId: string, now: Date): Promise<JobResult> {
  let checked = 0;
  let changed = 0;
  for (const school of await listSchools(departmentId)) {
    const r = await reduceFormerCards(school, now);
    checked += r.checked;
    changed += r.changed;
  }
  return { job: 'reduce-former-cards', checked, changed };
}

export const handler = observedJob('reduce-former-cards', () => run(process.env.DEPARTMENT_ID ?? 'krd', clockNow()));

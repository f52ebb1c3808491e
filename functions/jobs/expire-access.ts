/**
 * Scheduled job: ends access whose end date has passed (R-04, clauses 4.1-4.5): a temporary grant's
 * end date, the end of employment. The account is disabled, never deleted, so its history stays.
 * Idempotent: an account already disabled is left as it is, so a second run changes nothing.
 */
import { config } from '../../shared/config';
import { accessVerdict } from '../../shared/domain/access';
import { disableAccount, listAccountsOfSchool } from '../../shared/repos/accounts';
import { listSchools } from '../../shared/repos/school';
import { now as clockNow } from '../http/clock';
import { observedJob } from './observe';

export interface JobResult {
  job: string;
  checked: number;
  changed: number;
}

export async function run(departmentId: string, now: Date): Promise<JobResult> {
  let checked = 0;
  let changed = 0;
  for (const school of await listSchools(departmentId)) {
    const accounts = await listAccountsOfSchool(school.schoolId);
    for (const a of accounts) {
      checked++;
      if (a.status === 'disabled' || !a.activeUntil) continue;
      const verdict = accessVerdict({ status: a.status, activeUntil: a.activeUntil, hasPassword: true }, now, config().timeZone);
      if (!verdict.ok && verdict.reason === 'expired' && (await disableAccount(a.userId, 'access_period_ended', a.version))) changed++;
    }
  }
  return { job: 'expire-access', checked, changed };
}

export const handler = observedJob('expire-access', () => run(process.env.DEPARTMENT_ID ?? 'krd', clockNow()));

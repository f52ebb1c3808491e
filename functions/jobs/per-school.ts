/**
 * A scheduled job that runs school by school: the department's schools in turn, their counts added
 * up into the job's result. Each school's step is idempotent on its own, so a retried run is too.
 */
import { listSchools, type School } from '../../shared/repos/school';
import { now as clockNow } from '../http/clock';
import type { JobResult } from './expire-access';
import { observedJob } from './observe';

export function perSchoolJob(job: string, step: (school: School, now: Date) => Promise<{ checked: number; changed: number }>) {
  async function run(departmentId: string, now: Date): Promise<JobResult> {
    let checked = 0;
    let changed = 0;
    for (const school of await listSchools(departmentId)) {
      const r = await step(school, now);
      checked += r.checked;
      changed += r.changed;
    }
    return { job, checked, changed };
  }
  return { run, handler: observedJob(job, () => run(process.env.DEPARTMENT_ID ?? 'krd', clockNow())) };
}

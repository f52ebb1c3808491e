/**
 * Scheduled job: the paper progress reports of the last fortnight that has ended (clause 3.13,
 * R-52), one PDF per class with a page per pupil whose parent applied in writing, stored in the
 * report bucket with a record the class teacher's screen lists. Idempotent: a class's report of a
 * fortnight is created on a condition, so a second run (or a run a week later) makes none.
 */
import { provideBundledFonts } from '../../shared/reports/pdf';
import { listSchools } from '../../shared/repos/school';
import { generateFortnightReports } from '../../shared/services/paper-reports';
import { now as clockNow } from '../http/clock';
import type { JobResult } from './expire-access';
import { observedJob } from './observe';

// In the Lambda bundle the fonts come embedded; elsewhere the renderer reads the font package.
provideBundledFonts(() => import('../people-pdf/fonts').then((m) => m.default));

export async function run(departmentId: string, now: Date): Promise<JobResult> {
  let checked = 0;
  let changed = 0;
  for (const school of await listSchools(departmentId)) {
    const r = await generateFortnightReports(school, now);
    checked += r.checked;
    changed += r.changed;
  }
  return { job: 'render-paper-reports', checked, changed };
}

export const handler = observedJob('render-paper-reports', () => run(process.env.DEPARTMENT_ID ?? 'krd', clockNow()));

/**
 * Scheduled job: the period close (R-40; issue 14). Daily at 00:20 in the schools' zone: every
 * period whose last day was yesterday (or earlier, for a night that failed) and that is not closed
 * yet is closed, class by class (shared/services/period-close.ts): the journal locked, what was
 * missing recorded, the period's documents rendered and archived, a manifest stored. Idempotent
 * and resumable: a run that stopped halfway is finished by the next, a closed period is left alone.
 *
 * By hand: `npm run job -- close-period [--school <id> --period <id>] [--now ISO]`.
 */
import { provideBundledFonts } from '../../shared/reports/pdf';
import { getSchool } from '../../shared/repos/school';
import { closeDuePeriods, closePeriod } from '../../shared/services/period-close';
import { NotFoundError } from '../../shared/errors';
import type { JobOptions } from '../index';
import type { JobResult } from './expire-access';
import { perSchoolJob } from './per-school';

// In the Lambda bundle the fonts come embedded; elsewhere the renderer reads the font package.
provideBundledFonts(() => import('../people-pdf/fonts').then((m) => m.default));

const JOB = 'close-period';
const scheduled = perSchoolJob(JOB, closeDuePeriods);

export const handler = scheduled.handler;

/** The scheduled run over the department's schools, or one school's one period when asked by hand. */
export async function run(departmentId: string, now: Date, options: JobOptions = {}): Promise<JobResult & { done?: boolean }> {
  if (!options.schoolId && !options.periodId) return scheduled.run(departmentId, now);
  if (!options.schoolId || !options.periodId) throw new Error('close-period: give both --school and --period, or neither');
  const school = await getSchool(departmentId, options.schoolId);
  if (!school) throw new NotFoundError(`Школа ${options.schoolId} не найдена.`);
  const r = await closePeriod(school, options.periodId, now);
  return { job: JOB, checked: r.classes, changed: r.closedNow, done: r.done };
}

/**
 * Scheduled job: the paper progress reports of the last fortnight that has ended (clause 3.13,
 * R-52), one PDF per class with a page per pupil whose parent applied in writing, stored in the
 * report bucket with a record the class teacher's screen lists. Idempotent: a class's report of a
 * fortnight is created on a condition, so a second run (or a run a week later) makes none.
 */
import { provideBundledFonts } from '../../shared/reports/pdf';
import { generateFortnightReports } from '../../shared/services/paper-reports';
import { perSchoolJob } from './per-school';

// In the Lambda bundle the fonts come embedded; elsewhere the renderer reads the font package.
provideBundledFonts(() => import('../people-pdf/fonts').then((m) => m.default));

export const { run, handler } = perSchoolJob('render-paper-reports', generateFortnightReports);

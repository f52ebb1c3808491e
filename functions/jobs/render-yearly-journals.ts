/**
 * Scheduled job: the yearly journal (R-64, clause 8.5; R-70). Daily, but it works once a school
 * year has ended: each class's whole-year journal is rendered into one PDF and stored in the archive
 * for 5 years, then the year's records in the table get their removal date (TTL). Idempotent and
 * resumable per class: a class already in the archive is not rendered again, and the stamp sets
 * only what is not yet set (shared/services/yearly-journal.ts).
 */
import { provideBundledFonts } from '../../shared/reports/pdf';
import { archiveYearlyJournals } from '../../shared/services/yearly-journal';
import { perSchoolJob } from './per-school';

// In the Lambda bundle the fonts come embedded; elsewhere the renderer reads the font package.
provideBundledFonts(() => import('../people-pdf/fonts').then((m) => m.default));

export const { run, handler } = perSchoolJob('render-yearly-journals', archiveYearlyJournals);

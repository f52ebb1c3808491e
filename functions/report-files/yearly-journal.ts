/**
 * The yearly journal of a class on demand (R-64, clause 8.5), for the director and deputies: the
 * document the scheduled job stores once the year has ended, rendered anew from the table.
 */
import { YEARLY_JOURNAL_REFUSAL } from '../../shared/auth/rules/yearly-journal';
import { loadClassMarksContext } from '../../shared/services/period-marks-read';
import { renderClassYear } from '../../shared/services/yearly-journal';
import { handlersOf } from '../http/area';
import { file } from '../reports/load';
import { reportFileRoutes } from './routes';

export const getYearlyJournalPdf = handlersOf(reportFileRoutes)('getYearlyJournalPdf', async (req) => {
  const ctx = await loadClassMarksContext(req.principal, req.params.schoolId!, req.params.classId!, req.now);
  req.authorize(ctx.access, YEARLY_JOURNAL_REFUSAL);
  const { pdf, fileName } = await renderClassYear(req.principal, ctx, req.now);
  return file(pdf, 'application/pdf', fileName);
});

/**
 * The preamble the class reports share, on screen and as files (functions/report-files): the
 * class and its period loaded, the class authorised, then the report computed once.
 */
import type { ClassObject } from '../../shared/auth/policy';
import { REPORT_REFUSAL } from '../../shared/auth/rules/reports';
import { loadClassMarksContext } from '../../shared/services/period-marks-read';
import { summaryReport, type SummaryReport } from '../../shared/services/reports/summary';
import type { Authorizing } from '../http/area';

/** The summary sheet and class results of the path's class and period, for a caller allowed to read them. */
export async function classSummary(req: Authorizing<ClassObject>): Promise<SummaryReport> {
  const ctx = await loadClassMarksContext(req.principal, req.params.schoolId!, req.params.classId!, req.now, req.params.periodId!);
  req.authorize(ctx.access, REPORT_REFUSAL);
  return summaryReport(req.principal, ctx, req.now);
}

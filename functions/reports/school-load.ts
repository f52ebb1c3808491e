/**
 * The preamble of the deputy's school reports, on screen and as files: the school of the path, the
 * caller allowed (others of the school's staff 403; anybody else learns nothing, 404), then the
 * report computed once (shared/services/reports/school.ts).
 */
import type { SchoolObject } from '../../shared/auth/policy';
import { SCHOOL_REPORT_REFUSAL } from '../../shared/auth/rules/reports';
import { classSizesReport, finalDataReport, loadSchoolReportContext, schoolMovementReport, schoolResultsReport } from '../../shared/services/reports/school';
import type { Req } from '../http/area';
import { schoolOrHidden, yearIdOf } from '../http/school';

export type Reading = Pick<Req, 'principal' | 'params' | 'now'> & { readonly allowed: (object: SchoolObject) => boolean };

const schoolOfReport = (req: Reading) => schoolOrHidden(req, SCHOOL_REPORT_REFUSAL);

async function yearOfReport(req: Reading) {
  const school = await schoolOfReport(req);
  return loadSchoolReportContext(school, yearIdOf(req), req.now);
}

export const schoolMovement = async (req: Reading) => schoolMovementReport(await yearOfReport(req));

export const classSizes = async (req: Reading) => classSizesReport(await yearOfReport(req));

export const schoolResults = async (req: Reading, periodId: () => string | undefined) => {
  const ctx = await yearOfReport(req);
  return schoolResultsReport(ctx, periodId());
};

export const finalDataOf = async (req: Reading) => finalDataReport(await schoolOfReport(req), req.params.classId!, req.now);

/** The file name of a school report: ASCII ids only (the title inside is Russian). */
export const schoolFileName = (what: string, r: { yearId: string; period?: { periodId: string }; classId?: string }, ext: string) =>
  `${what}-${[r.classId, r.yearId, r.period?.periodId].filter(Boolean).join('-')}.${ext}`;

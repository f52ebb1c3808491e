/**
 * The preamble the class reports share, on screen and as files (functions/report-files): the
 * class and its period loaded, the class authorised, then the report computed once.
 */
import type { ClassObject, SchoolObject } from '../../shared/auth/policy';
import { schoolStaff } from '../../shared/auth/rules/common';
import { MONITORING_REFUSAL } from '../../shared/auth/rules/monitoring';
import { REPORT_REFUSAL } from '../../shared/auth/rules/reports';
import { isDepartmentStaff } from '../../shared/auth/roles';
import { NotFoundError } from '../../shared/errors';
import { schoolMonitoring, type SchoolMonitoring } from '../../shared/services/reports/monitoring';
import { loadClassMarksContext, type ClassMarksContext } from '../../shared/services/period-marks-read';
import { attendanceReport } from '../../shared/services/reports/attendance';
import { movementReport } from '../../shared/services/reports/movement';
import { preliminaryReport } from '../../shared/services/reports/preliminary';
import { summaryReport, type SummaryReport } from '../../shared/services/reports/summary';
import type { Authorizing } from '../http/area';
import { schoolOf } from '../http/school';
import type { Reply } from '../http/respond';
import { XLSX_TYPE } from '../route-spec';

/** The class and period of the path, for a caller allowed to read the class's reports. */
export async function classOfReport(req: Authorizing<ClassObject>): Promise<ClassMarksContext> {
  const ctx = await loadClassMarksContext(req.principal, req.params.schoolId!, req.params.classId!, req.now, req.params.periodId!);
  req.authorize(ctx.access, REPORT_REFUSAL);
  return ctx;
}

/** The summary sheet and class results of the path's class and period. */
export async function classSummary(req: Authorizing<ClassObject>): Promise<SummaryReport> {
  return summaryReport(req.principal, await classOfReport(req), req.now);
}

/** A rendered report answered as the file itself, with a name a browser saves it under (ASCII: ids only). */
export function file(bytes: Buffer, type: string, name: string): Reply {
  return { body: bytes, headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"` } };
}

type ClassReportRef = { readonly classId: string; readonly period: { readonly periodId: string } };
const nameOf = (r: ClassReportRef, what: string, ext: string) => `${what}-${r.classId}-${r.period.periodId}.${ext}`;

const FILE_TYPES = { pdf: 'application/pdf', xlsx: XLSX_TYPE } as const;

/** A class report of the path rendered as a file (PDF or XLSX) and saved as `<what>-<class>-<period>.<ext>`. */
export function classFile<R extends ClassReportRef>(load: (req: Authorizing<ClassObject>) => Promise<R>, render: (r: R) => Promise<Buffer>, what: string, ext: keyof typeof FILE_TYPES) {
  return async (req: Authorizing<ClassObject>): Promise<Reply> => {
    const r = await load(req);
    return file(await render(r), FILE_TYPES[ext], nameOf(r, what, ext));
  };
}

/** The preliminary report of the path's class and period. */
export async function classPreliminary(req: Authorizing<ClassObject>) {
  return preliminaryReport(req.principal, await classOfReport(req), req.now);
}

/** The attendance of the path's class to the end of its period. */
export async function classAttendance(req: Authorizing<ClassObject>) {
  return attendanceReport(await classOfReport(req), req.now);
}

/** The summary sheet of student movement of the path's class and period. */
export async function classMovement(req: Authorizing<ClassObject>) {
  return movementReport(await classOfReport(req), req.now);
}

/**
 * The monitoring of the path's school, year and period (?classId=, ?teacherId=): for the director,
 * deputies and the department's specialists. Whoever is neither of the school's staff nor of its
 * department learns nothing (404, as for another department's school); its teachers are told why (403).
 */
export async function monitoringOfPath(req: Authorizing<SchoolObject> & { query: { classId?: string; teacherId?: string } }): Promise<SchoolMonitoring> {
  const school = await schoolOf(req);
  const object = { departmentId: school.departmentId, schoolId: school.schoolId };
  if (!schoolStaff(req.principal, object) && !isDepartmentStaff(req.principal, school.departmentId)) throw new NotFoundError('Школа не найдена.');
  req.authorize(object, MONITORING_REFUSAL);
  return schoolMonitoring({
    schoolId: school.schoolId,
    departmentId: school.departmentId,
    yearId: req.params.yearId!,
    periodId: req.params.periodId!,
    now: req.now,
    ...(req.query.classId ? { classIds: [req.query.classId] } : {}),
    ...(req.query.teacherId ? { teacherId: req.query.teacherId } : {}),
  });
}

/**
 * «Отчёты по школам» (issue 13 item 5): every school of the department for one period, side by
 * side: its results (the deputy's school results: shared/services/reports/school.ts, the class
 * results' own rule) and its monitoring summary (shared/services/reports/monitoring.ts). The
 * schools are read in parallel, each with its own reads (about 3N + 15 requests for N classes).
 * Aggregates only (clause 1.7): no pupil is named in the answer.
 */
import { dateInZone, planningYearOf } from '../../domain/calendar';
import { monitoringSummary, type MonitoringSummary } from '../../domain/reports/department';
import type { Figures } from '../../domain/reports/school-results';
import { BadRequestError, NotFoundError } from '../../errors';
import { getDepartment, listSchools, type School } from '../../repos/school';
import { periodView } from '../early-warnings';
import type { ReportPeriod } from './heading';
import { schoolMonitoring } from './monitoring';
import { defaultPeriod, loadSchoolReportContext, periodsOfYear, schoolResultsReport } from './school';

export interface SchoolComparison {
  schoolId: string;
  schoolName: string;
  shortName: string;
  /** Why the school has no figures (no year, no such period); absent when it has them. */
  missing?: string;
  classes: number;
  students: number;
  results: Figures & { change: Figures };
  byClass: Array<{ className: string; students: number } & Figures>;
  bySubject: Array<{ name: string } & Figures>;
  monitoring: MonitoringSummary | null;
}

const NONE: Figures = { success: null, quality: null, average: null };
const figures = (f: Figures): Figures => ({ success: f.success, quality: f.quality, average: f.average });

function missing(school: School, why: string): SchoolComparison {
  return { schoolId: school.schoolId, schoolName: school.name, shortName: school.shortName, missing: why, classes: 0, students: 0, results: { ...NONE, change: NONE }, byClass: [], bySubject: [], monitoring: null };
}

type Context = Awaited<ReturnType<typeof loadSchoolReportContext>>;

async function compareSchool(school: School, ctx: Context | null, periodId: string | undefined, now: Date): Promise<SchoolComparison> {
  if (!ctx) return missing(school, 'учебный год не заведён');
  if (!periodId || !periodsOfYear(ctx.year).some((p) => p.periodId === periodId)) return missing(school, 'нет такого учебного периода');
  const [results, monitoring] = await Promise.all([
    schoolResultsReport(ctx, periodId),
    schoolMonitoring({ schoolId: school.schoolId, departmentId: school.departmentId, yearId: ctx.year.yearId, periodId, now }),
  ]);
  return {
      schoolId: school.schoolId,
      schoolName: school.name,
      shortName: school.shortName,
      classes: results.byClass.length,
      students: results.school.students,
      results: { ...figures(results.school.now), change: results.school.change },
      byClass: results.byClass.map((c) => ({ className: c.className, students: c.students, ...figures(c.now) })),
      bySubject: results.bySubject.map((s) => ({ name: s.name, ...figures(s.now) })),
      monitoring: monitoringSummary(monitoring),
  };
}

export async function departmentReport(departmentId: string, periodId: string | undefined, now: Date) {
  const [department, schools] = await Promise.all([getDepartment(departmentId), listSchools(departmentId)]);
  if (!department) throw new NotFoundError('Управление образования не найдено.');
  // The department's today: its schools' zone (the first one's), the same school year for all.
  const today = dateInZone(now, schools[0]?.timeZone ?? 'Europe/Moscow');
  const yearId = planningYearOf(today);
  const sorted = [...schools].sort((a, b) => a.name.localeCompare(b.name, 'ru', { numeric: true }));
  const contexts = await Promise.all(sorted.map((s) => loadSchoolReportContext(s, yearId, now).catch((e: unknown) => (e instanceof NotFoundError ? null : Promise.reject(e)))));
  const periods: ReportPeriod[] = [...new Map(contexts.flatMap((c) => (c ? periodsOfYear(c.year) : [])).map((p) => [p.periodId, periodView(p)])).values()].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate));
  // One period for every school: the one asked, else the one today falls in at the first school with a year.
  const first = contexts.find((c) => c !== null);
  const asked = periodId ?? (first ? defaultPeriod(first.year, first.today)?.periodId : undefined);
  const period = periods.find((p) => p.periodId === asked) ?? null;
  if (periodId && !period) throw new BadRequestError('Такого учебного периода нет ни в одной школе управления.');
  const rows = await Promise.all(sorted.map((s, i) => compareSchool(s, contexts[i]!, period?.periodId, now)));
  return {
    departmentName: department.name,
    yearId,
    today,
    period,
    periods,
    schools: rows,
    /** Every subject any school has results in, by name: the rows of the side-by-side subjects table. */
    subjects: [...new Set(rows.flatMap((r) => r.bySubject.map((s) => s.name)))].sort((a, b) => a.localeCompare(b, 'ru')),
  };
}

export type DepartmentReport = Awaited<ReturnType<typeof departmentReport>>;

/**
 * The yearly journal (R-64, clause 8.5) and the retention of a year's records in the table (R-70,
 * clause 8.6).
 *
 * - `yearlyJournalOf`: a class's whole year gathered for print: each class x period partition in
 *   ONE Query (rosters, lessons, marks, attendance and period marks together), the year's marks in
 *   one more, and the summary sheet of each period as the class teacher's report computes it
 *   (./reports/summary.ts), so the bound journal and the sheets printed during the year agree.
 * - `archiveYearlyJournals`: the scheduled job's step for a school: once a school year has ended,
 *   each class's journal is rendered and stored in the archive (5 years), then the year's records
 *   get their removal date. Idempotent and resumable per class: the archive's record says which
 *   classes are stored, and the stamp sets only what is not yet set.
 *
 * The stamp (the table's TTL attribute) goes on every item of the class's partitions: 5 years after
 * the year ends, 25 years on the period, year, exam and final marks (the summary sheets' data).
 * A later write that replaces an item whole (a mark or an absence corrected after the year, a new
 * change-log record) carries no stamp, and such an item would never be removed: so the job sweeps a
 * year's partitions again every day for `RESWEEP_DAYS` after the year's journals are stored, which
 * covers the summer's corrections and retakes; the sweep reads keys only and writes only what lost
 * its stamp.
 */
import type { Principal } from '../auth/roles';
import { dateInZone, daysBetween } from '../domain/calendar';
import { dataExpiresAt, dataRemovalDate, type ReportKind } from '../domain/retention';
import { periodsForGrade, type AcademicYear } from '../domain/year';
import { keys } from '../db/keys';
import { displayName, getAccounts } from '../repos/accounts';
import { readYearMarks, type StoredFinalMark } from '../repos/period-marks';
import { className, listClasses, type School, type SchoolClass } from '../repos/school';
import { listYears } from '../repos/year';
import { readPartitionForPrint, readPartitionStamps, stampItems, type PrintedPartition } from '../repos/yearly-journal';
import { renderYearlyJournal, YEARLY_JOURNAL_TITLE, type YearlyJournal, type YearlyJournalSubject } from '../reports/yearly-journal';
import type { JournalPupil, PrintedFinalMark } from '../reports/yearly-journal-grid';
import { archiveDocument, listArchive } from './archive';
import { loadClassMarksContext, subjectColumns, type ClassMarksContext } from './period-marks-read';
import { summaryReport } from './reports/summary';

/** The archive's kind of the yearly journal, and its slot has no period. */
export const YEARLY_JOURNAL_KIND = 'yearly-journal';

/** How long after a year's journals are stored its records are swept again for lost stamps. */
export const RESWEEP_DAYS = 150;

/** Who prints the journal in the scheduled job: nobody's grants, only the department. */
export function jobPrincipal(departmentId: string): Principal {
  return { userId: 'system', departmentId, displayName: 'Архив (автоматически)', grants: [] };
}

const live = (marks: readonly StoredFinalMark[]): PrintedFinalMark[] =>
  marks.flatMap((m) => (m.deleted || !m.code ? [] : [{ kind: m.kind, ...(m.periodId ? { periodId: m.periodId } : {}), subjectId: m.subjectId, studentId: m.studentId, code: m.code }]));

export const yearNameOf = (yearId: string) => `${yearId}/${Number(yearId) + 1}`;

/** Pupils of a subject over the year: everyone on its roster in some period, once. */
function subjectPupils(parts: readonly PrintedPartition[], subjectId: string, fallback: readonly JournalPupil[]): JournalPupil[] {
  const seen = new Map<string, JournalPupil>();
  for (const p of parts) for (const r of p.rosters) if (r.subjectId === subjectId) for (const s of r.students) seen.set(s.studentId, { studentId: s.studentId, name: s.name });
  return seen.size > 0 ? [...seen.values()] : [...fallback];
}

function teacherIdsOf(parts: readonly PrintedPartition[], subjectId: string): string[] {
  const ids = parts.flatMap((p) => p.rosters.filter((r) => r.subjectId === subjectId).flatMap((r) => [r.line?.teacherId, ...r.groups.map((g) => g.teacherId)]));
  return [...new Set(ids.filter((t): t is string => !!t))];
}

/** What the gathering cost: DynamoDB pages of the partitions' Queries (one Query each). */
export interface GatherCount {
  partitionPages: number;
}

/** A class's year for print (the caller has authorised `ctx.access`, or is the job). */
export async function yearlyJournalOf(p: Principal, ctx: ClassMarksContext, now: Date, count: GatherCount = { partitionPages: 0 }): Promise<YearlyJournal> {
  const cls = ctx.schoolClass;
  const pages = { count: 0 };
  const [parts, year, subjects, summaries] = await Promise.all([
    Promise.all(ctx.periods.map((period) => readPartitionForPrint(cls.schoolId, cls.classId, period.periodId, pages))),
    readYearMarks(cls.schoolId, cls.classId, cls.yearId),
    subjectColumns(p, ctx),
    Promise.all(ctx.periods.map((period) => summaryReport(p, { ...ctx, period }, now))),
  ]);
  count.partitionPages += pages.count;
  const pupils = summaries[0]?.rows.map((r) => ({ studentId: r.studentId, name: r.name })) ?? [];
  const teacherIds = [...new Set(subjects.flatMap((s) => teacherIdsOf(parts, s.subjectId)))];
  const teachers = new Map((teacherIds.length > 0 ? await getAccounts(teacherIds) : []).map((a) => [a.userId, displayName(a)]));
  const journalSubjects: YearlyJournalSubject[] = subjects.map((s) => ({
    subjectId: s.subjectId,
    name: s.name,
    teachers: teacherIdsOf(parts, s.subjectId).flatMap((id) => teachers.get(id) ?? []),
    pupils: subjectPupils(parts, s.subjectId, pupils),
    periods: ctx.periods.map((period, i) => {
      const part = parts[i]!;
      const own = <T extends { subjectId: string }>(list: readonly T[]) => list.filter((x) => x.subjectId === s.subjectId);
      return {
        subjectId: s.subjectId,
        period,
        roster: part.rosters.find((r) => r.subjectId === s.subjectId) ?? null,
        lessons: own(part.lessons),
        marks: own(part.marks),
        attendance: own(part.attendance),
        periodMarks: own(live(part.periodMarks)),
      };
    }),
  }));
  return {
    schoolName: ctx.schoolName,
    className: className(cls),
    yearName: yearNameOf(cls.yearId),
    yearStart: ctx.year.startDate,
    yearEnd: ctx.year.endDate,
    ...(cls.classTeacherName ? { classTeacherName: cls.classTeacherName } : {}),
    printedOn: dateInZone(now, ctx.marking.journal.timeZone),
    periods: ctx.periods,
    pupils,
    subjects: journalSubjects,
    finalMarks: [...parts.flatMap((x) => live(x.periodMarks)), ...live(year.marks)],
    summaries,
  };
}

/** The rendered PDF of a class's year, with the names it is stored and downloaded under. */
export async function renderClassYear(p: Principal, ctx: ClassMarksContext, now: Date, count?: GatherCount): Promise<{ pdf: Buffer; title: string; fileName: string }> {
  const journal = await yearlyJournalOf(p, ctx, now, count);
  return {
    pdf: await renderYearlyJournal(journal),
    title: `${YEARLY_JOURNAL_TITLE} ${journal.className} класса, ${journal.yearName} учебный год`,
    fileName: `zhurnal-${ctx.schoolClass.classId}-${ctx.schoolClass.yearId}.pdf`,
  };
}

// --- retention of the year's records (R-70) -----------------------------------------------------

/** The retention class of a record of a year's partitions: marks of periods and years as the summary sheets, the rest as the journal. */
function kindOfRecord(sk: string): ReportKind {
  return sk.startsWith(keys.periodMarksPrefix()) || sk.startsWith(keys.yearMarksPrefix()) ? 'summarySheets' : 'journals';
}

/**
 * Gives every item of a class's year its removal date; what already has the right one is left
 * alone, so a second sweep writes nothing. One keys-only Query per partition.
 */
export async function stampClassYear(year: Pick<AcademicYear, 'endDate' | 'periodSets'>, cls: SchoolClass): Promise<{ items: number; stamped: number }> {
  const expires: Record<ReportKind, number> = { journals: dataExpiresAt(year.endDate, 'journals'), summarySheets: dataExpiresAt(year.endDate, 'summarySheets') };
  const partitions = [...periodsForGrade(year, cls.grade).map((p) => keys.journalPartition(cls.schoolId, cls.classId, p.periodId)), keys.classYearPartition(cls.schoolId, cls.classId, cls.yearId)];
  let items = 0;
  let stamped = 0;
  for (const pk of partitions) {
    const found = await readPartitionStamps(pk);
    items += found.length;
    const due = found.flatMap((k) => {
      const expiresAt = expires[kindOfRecord(k.sk)];
      return k.expiresAt === expiresAt ? [] : [{ key: { pk: k.pk, sk: k.sk }, expiresAt }];
    });
    stamped += await stampItems(due);
  }
  return { items, stamped };
}

/** The years whose journals are printed now: ended, and their records not yet due for removal. */
export function yearsToPrint(years: readonly AcademicYear[], today: string): AcademicYear[] {
  return years.filter((y) => y.endDate < today && today < dataRemovalDate(y.endDate, 'journals'));
}

/**
 * The job's step for one school: for every ended year, each class's journal not yet in the archive
 * is rendered and stored, then its records stamped; classes stored within `RESWEEP_DAYS` are swept
 * again. `changed` counts journals stored; `checked` counts classes looked at.
 */
export async function archiveYearlyJournals(school: School, now: Date): Promise<{ checked: number; changed: number; stamped: number }> {
  const today = dateInZone(now, school.timeZone);
  const years = yearsToPrint(await listYears(school.schoolId), today);
  const out = { checked: 0, changed: 0, stamped: 0 };
  if (years.length === 0) return out;
  const classes = await listClasses(school.schoolId);
  const p = jobPrincipal(school.departmentId);
  for (const year of years) {
    const stored = new Map((await listArchive(school.schoolId, year.yearId, { kind: YEARLY_JOURNAL_KIND })).map((d) => [d.classId, d]));
    const ofYear = classes.filter((c) => c.yearId === year.yearId);
    out.checked += ofYear.length;
    // The classes not yet stored first: a run cut short by its time limit must not spend it on sweeps.
    for (const cls of ofYear.filter((c) => !stored.has(c.classId))) {
      const ctx = await loadClassMarksContext(p, school.schoolId, cls.classId, now);
      const { pdf, title, fileName } = await renderClassYear(p, ctx, now);
      await archiveDocument({ schoolId: school.schoolId, yearId: year.yearId, classId: cls.classId, kind: YEARLY_JOURNAL_KIND, retention: 'journals', title, fileName, body: pdf, contentType: 'application/pdf', now });
      out.changed++;
      out.stamped += (await stampClassYear(year, cls)).stamped;
    }
    for (const cls of ofYear.filter((c) => stored.has(c.classId))) {
      const storedOn = dateInZone(new Date(stored.get(cls.classId)!.storedAt), school.timeZone);
      if (daysBetween(storedOn, today) <= RESWEEP_DAYS) out.stamped += (await stampClassYear(year, cls)).stamped;
    }
  }
  return out;
}

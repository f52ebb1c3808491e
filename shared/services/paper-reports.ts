/**
 * Paper progress reports (issue 12 item 4; clause 3.13, R-52): parents' written applications, the
 * fortnightly job that renders a class's reports into one PDF, the class teacher's screen with the
 * hand-over record, and the overdue count of the home screen. Rules are the domain's
 * (shared/domain/paper-reports.ts); authorisation is the caller's, on the class or school of the path.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../auth/roles';
import { hasSchoolRole, ledClassIds } from '../auth/roles';
import { dateInZone } from '../domain/calendar';
import {
  applicationCovers,
  applicationIdOf,
  applicationProblems,
  diarySource,
  handOverDeadline,
  handOverProblems,
  HAND_OVER_WORKING_DAYS,
  lastCompletedFortnight,
  normalisedNumber,
  parseFortnightId,
  periodsTouched,
  pupilOverdue,
  pupilSummary,
  withdrawalProblems,
  yearOfRun,
  type Fortnight,
  type PaperApplication,
  type PaperApplicationInput,
} from '../domain/paper-reports';
import { periodsForGrade, type AcademicYear } from '../domain/year';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { listSubjects } from '../repos/curriculum';
import { statusOf, type StudentRecord } from '../repos/people';
import {
  createApplication,
  createReport,
  getApplication,
  getReport,
  getStudentRecords,
  listApplicationsOfSchool,
  listReports,
  readClassDays,
  readDiaryDays,
  saveApplication,
  saveReport,
  type PaperReport,
  type PaperReportPupil,
} from '../repos/paper-reports';
import { readReport, storeReport } from '../repos/reports';
import { className, getClass, listStudentsOfClass, type School, type SchoolClass } from '../repos/school';
import { getYear, listYears } from '../repos/year';
import { renderPaperReport } from '../reports/paper-report';

export type Actor = Pick<Principal, 'userId' | 'displayName'>;

const fullName = (s: Pick<StudentRecord, 'lastName' | 'firstName' | 'middleName'>) => [s.lastName, s.firstName, s.middleName].filter(Boolean).join(' ');
const today = (school: Pick<School, 'timeZone'>, now: Date) => dateInZone(now, school.timeZone);

/** The class of the path, or 404. */
export async function classOf(school: School, classId: string): Promise<SchoolClass> {
  const cls = await getClass(school.schoolId, classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  return cls;
}

// --- the class teacher's screen --------------------------------------------------------------------

export interface ReportView extends Omit<PaperReport, 'pupils' | 's3Key'> {
  deadline: string;
  pupils: Array<PaperReportPupil & { overdue: boolean }>;
  overdue: number;
}

function reportView(r: PaperReport, holidays: AcademicYear['holidays'], grade: number, day: string): ReportView {
  const { s3Key: _key, ...rest } = r;
  const deadline = handOverDeadline(r.generatedOn, holidays, grade);
  const pupils = r.pupils.map((p) => ({ ...p, overdue: pupilOverdue(p, deadline, day) }));
  return { ...rest, deadline, pupils, overdue: pupils.filter((p) => p.overdue).length };
}

/** The screen of one class: its pupils, the applications of those pupils, and the reports of the school year. */
export async function classPaperReports(school: School, cls: SchoolClass, now: Date) {
  const day = today(school, now);
  const [students, applications, reports, year] = await Promise.all([
    listStudentsOfClass(school.schoolId, cls.classId),
    listApplicationsOfSchool(school.schoolId),
    listReports(school.schoolId, cls.yearId, cls.classId),
    getYear(school.schoolId, cls.yearId),
  ]);
  const ids = new Set(students.map((s) => s.studentId));
  const name = className(cls);
  return {
    class: { classId: cls.classId, name, classTeacherName: cls.classTeacherName },
    today: day,
    handOverWorkingDays: HAND_OVER_WORKING_DAYS,
    students: students
      .map((s) => ({ studentId: s.studentId, name: fullName(s) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    // An application follows its pupil: the class of today's roster, not of the day it was recorded.
    applications: applications.filter((a) => ids.has(a.studentId)).sort((a, b) => b.date.localeCompare(a.date) || a.studentName.localeCompare(b.studentName, 'ru')),
    reports: reports.map((r) => reportView(r, year?.holidays ?? [], cls.grade, day)).sort((a, b) => b.fortnightId.localeCompare(a.fortnightId)),
  };
}

/** The school's applications (the secretary's register), newest first. */
export async function schoolApplications(school: School): Promise<PaperApplication[]> {
  return (await listApplicationsOfSchool(school.schoolId)).sort((a, b) => b.date.localeCompare(a.date) || a.studentName.localeCompare(b.studentName, 'ru'));
}

// --- applications ----------------------------------------------------------------------------------

export async function recordApplication(actor: Actor, school: School, cls: SchoolClass, input: PaperApplicationInput, now: Date): Promise<PaperApplication> {
  const problems = applicationProblems(input, today(school, now));
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  const [card] = await getStudentRecords(school.schoolId, [input.studentId]);
  if (!card || card.classId !== cls.classId || statusOf(card) !== 'enrolled') throw new BadRequestError(`Обучающийся не найден в ${className(cls)} классе.`);
  const numberHash = createHash('sha256').update(normalisedNumber(input.number)).digest('hex');
  const app: PaperApplication = {
    ...input,
    number: input.number.trim(),
    parentName: input.parentName.trim(),
    applicationId: applicationIdOf(input.date, numberHash),
    schoolId: school.schoolId,
    classId: cls.classId,
    studentName: fullName(card),
    recordedById: actor.userId,
    recordedByName: actor.displayName,
    recordedAt: now.toISOString(),
    version: 1,
  };
  if (!(await createApplication(app, { actor, action: 'paperApplication.record', at: now, reason: `заявление № ${app.number} от ${app.date}` }))) {
    throw new ConflictError(`Заявление № ${app.number} от этой даты уже записано.`, { applicationId: app.applicationId });
  }
  return app;
}

export async function withdrawApplication(
  actor: Actor,
  school: School,
  cls: SchoolClass,
  applicationId: string,
  input: { date: string; number: string; version: number },
  now: Date,
): Promise<PaperApplication> {
  const app = await getApplication(school.schoolId, applicationId);
  // Another class's application is not found from this class's screen.
  const [card] = app ? await getStudentRecords(school.schoolId, [app.studentId]) : [];
  if (!app || card?.classId !== cls.classId) throw new NotFoundError('Заявление не найдено.');
  if (app.version !== input.version) throw new ConflictError('Заявление только что изменили: обновите страницу.', { application: app });
  const problems = withdrawalProblems(app, input, today(school, now));
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  const changed: PaperApplication = {
    ...app,
    withdrawal: { date: input.date, number: input.number.trim(), recordedById: actor.userId, recordedByName: actor.displayName, recordedAt: now.toISOString() },
    version: app.version + 1,
  };
  if (!(await saveApplication(changed, app.version, { actor, action: 'paperApplication.withdraw', at: now, before: app, reason: `заявление № ${input.number.trim()} от ${input.date}` }))) {
    throw new ConflictError('Заявление только что изменили: обновите страницу.', { application: await getApplication(school.schoolId, applicationId) });
  }
  return changed;
}

// --- reports of the class ------------------------------------------------------------------------

async function reportOf(school: School, cls: SchoolClass, fortnightId: string, consistent = false): Promise<PaperReport> {
  const f = parseFortnightId(fortnightId);
  if (!f) throw new BadRequestError('Двухнедельный период обозначается так: 2026-f07 (год и номер).');
  const r = await getReport(school.schoolId, f.yearId, cls.classId, fortnightId, consistent);
  if (!r) throw new NotFoundError('Отчёт за этот период не сформирован.');
  return r;
}

export async function reportPdf(school: School, cls: SchoolClass, fortnightId: string) {
  const r = await reportOf(school, cls, fortnightId);
  const { body } = await readReport(r.s3Key);
  return { fileName: `otchet-${cls.classId}-${r.fortnightId}.pdf`, contentType: 'application/pdf' as const, base64: Buffer.from(body).toString('base64') };
}

export async function recordHandOver(
  actor: Actor,
  school: School,
  cls: SchoolClass,
  fortnightId: string,
  studentId: string,
  input: { date: string; version: number },
  now: Date,
): Promise<ReportView> {
  const r = await reportOf(school, cls, fortnightId, true);
  const pupil = r.pupils.find((p) => p.studentId === studentId);
  if (!pupil) throw new NotFoundError('Этого обучающегося нет в отчёте.');
  if (r.version !== input.version) throw new ConflictError('Отчёт только что изменили: обновите страницу.');
  const day = today(school, now);
  const problems = handOverProblems(input, r, day, pupil.handedOver);
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  const handedOver = { date: input.date, byId: actor.userId, byName: actor.displayName, at: now.toISOString() };
  const changed: PaperReport = { ...r, pupils: r.pupils.map((p) => (p.studentId === studentId ? { ...p, handedOver } : p)), version: r.version + 1 };
  const audit = { actor, action: 'paperReport.handOver', at: now, before: { studentId, handedOver: null }, after: { studentId, handedOver } };
  if (!(await saveReport(changed, r.version, audit))) throw new ConflictError('Отчёт только что изменили: обновите страницу.');
  const year = await getYear(school.schoolId, r.yearId);
  return reportView(changed, year?.holidays ?? [], cls.grade, day);
}

/**
 * The overdue reports of the school year: every class for the administration and the secretary,
 * the classes they lead for a class teacher (the home screen and menu count). One Query for the
 * reports of the whole school, since they share one partition per year.
 */
export async function overdueReports(p: Principal, school: School, now: Date) {
  const day = today(school, now);
  const year = yearOfRun(await listYears(school.schoolId), addOne(day));
  if (!year) return { total: 0, classes: [] };
  const everyClass = hasSchoolRole(p, school.schoolId, 'secretary', 'director', 'deputy');
  const led = new Set(ledClassIds(p, school.schoolId));
  const reports = (await listReports(school.schoolId, year.yearId)).filter((r) => everyClass || led.has(r.classId));
  const byClass = new Map<string, { classId: string; className: string; overdue: number }>();
  for (const r of reports) {
    const v = reportView(r, year.holidays, r.grade, day);
    if (v.overdue === 0) continue;
    const c = byClass.get(r.classId) ?? { classId: r.classId, className: r.className, overdue: 0 };
    c.overdue += v.overdue;
    byClass.set(r.classId, c);
  }
  const classes = [...byClass.values()].sort((a, b) => a.className.localeCompare(b.className, 'ru', { numeric: true }));
  return { total: classes.reduce((n, c) => n + c.overdue, 0), classes };
}

/** yearOfRun asks for a year started before the day; today's own first day counts here. */
const addOne = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

// --- the fortnightly job -------------------------------------------------------------------------

export interface ClassReportPupil {
  student: StudentRecord;
  application: PaperApplication;
}

/**
 * A class's reports of a fortnight as one PDF, a page per pupil. The entries come from wherever takes
 * fewer requests (shared/domain/paper-reports.ts `diarySource`): the diary index, one Query per
 * pupil, for the usual one or two applicants of a class; the class's period partitions, read whole,
 * when many applied. `pages` counts the requests.
 */
export async function renderClassReport(
  school: School,
  cls: SchoolClass,
  f: Pick<Fortnight, 'from' | 'to'>,
  pupils: readonly ClassReportPupil[],
  ctx: { subjectNames: ReadonlyMap<string, string>; periods: ReadonlyArray<{ periodId: string; startDate: string; endDate: string }>; generatedOn: string },
  pages?: { count: number },
): Promise<Buffer> {
  const ids = pupils.map((p) => p.student.studentId);
  const periodIds = periodsTouched(ctx.periods, f).map((p) => p.periodId);
  const diaries =
    diarySource(pupils.length, periodIds.length) === 'partitions'
      ? await readClassDays(school.schoolId, cls.classId, periodIds, ids, f.from, f.to, pages).then((m) => ids.map((id) => m.get(id)!))
      : await Promise.all(ids.map((id) => readDiaryDays(school.schoolId, id, f.from, f.to, pages)));
  return renderPaperReport({
    schoolName: school.name,
    className: className(cls),
    classTeacherName: cls.classTeacherName,
    from: f.from,
    to: f.to,
    generatedOn: ctx.generatedOn,
    pages: pupils.map((p, i) => ({ pupilName: fullName(p.student), parentName: p.application.parentName, summary: pupilSummary(diaries[i]!.marks, diaries[i]!.attendance, ctx.subjectNames) })),
  });
}

const JOB_ACTOR: Actor = { userId: 'job:render-paper-reports', displayName: 'Плановое задание «Бумажные отчёты»' };

/**
 * The job's work for one school: the last fortnight that has ended, for every class with a pupil
 * whose application covers it, unless that class's report exists (then nothing: one report, not
 * two). The record is created on a condition after the PDF is stored, so two runs at once store
 * the same object twice and still leave one record.
 */
export async function generateFortnightReports(school: School, now: Date): Promise<{ checked: number; changed: number }> {
  const day = today(school, now);
  const year = yearOfRun(await listYears(school.schoolId), day);
  const f = year ? lastCompletedFortnight(year, day) : null;
  if (!year || !f) return { checked: 0, changed: 0 };
  const covering = (await listApplicationsOfSchool(school.schoolId)).filter((a) => applicationCovers(a, f));
  if (covering.length === 0) return { checked: 0, changed: 0 };
  const cards = new Map((await getStudentRecords(school.schoolId, [...new Set(covering.map((a) => a.studentId))])).map((c) => [c.studentId, c]));
  const byClass = new Map<string, ClassReportPupil[]>();
  for (const a of covering.sort((x, y) => x.date.localeCompare(y.date))) {
    const student = cards.get(a.studentId);
    if (!student || statusOf(student) !== 'enrolled') continue;
    const list = byClass.get(student.classId) ?? [];
    // A second application of the same pupil (another parent) adds a page only once.
    if (!list.some((p) => p.student.studentId === a.studentId)) byClass.set(student.classId, [...list, { student, application: a }]);
  }
  let subjectNames: Map<string, string> | null = null;
  let changed = 0;
  for (const [classId, pupils] of byClass) {
    if (await getReport(school.schoolId, f.yearId, classId, f.fortnightId, true)) continue;
    const cls = await getClass(school.schoolId, classId);
    if (!cls) continue;
    subjectNames ??= new Map((await listSubjects(school.schoolId)).map((s) => [s.subjectId, s.name]));
    pupils.sort((a, b) => fullName(a.student).localeCompare(fullName(b.student), 'ru'));
    const pdf = await renderClassReport(school, cls, f, pupils, { subjectNames, periods: periodsForGrade(year, cls.grade), generatedOn: day });
    const stored = await storeReport({ kind: 'journals', name: `paper-reports/${school.schoolId}/${f.yearId}/${classId}/${f.fortnightId}.pdf`, body: pdf, contentType: 'application/pdf', now });
    const report: PaperReport = {
      schoolId: school.schoolId,
      yearId: f.yearId,
      classId,
      className: className(cls),
      grade: cls.grade,
      fortnightId: f.fortnightId,
      from: f.from,
      to: f.to,
      generatedAt: now.toISOString(),
      generatedOn: day,
      s3Key: stored.key,
      pupils: pupils.map((p) => ({ studentId: p.student.studentId, name: fullName(p.student), parentName: p.application.parentName, applicationId: p.application.applicationId })),
      version: 1,
    };
    if (await createReport(report, { actor: JOB_ACTOR, action: 'paperReport.generate', at: now })) changed++;
  }
  return { checked: byClass.size, changed };
}


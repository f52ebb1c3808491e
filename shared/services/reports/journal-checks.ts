/**
 * The director's and deputy's checks of the electronic journal (issue 13 item 4; clauses 8.2–8.4):
 * a check is recorded as a draft whose справка is drafted from the monitoring figures of the checked
 * classes and period (frozen into the check, so the signed справка never changes afterwards), edited
 * over its version, then signed off and kept as it is. Every change writes its audit record in the
 * same transaction (shared/repos/journal-checks.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../../auth/roles';
import { hasSchoolRole } from '../../auth/roles';
import { dateInZone, planningYearOf } from '../../domain/calendar';
import { checkDateProblem, checkDue, draftCertificateText, type CheckFigure } from '../../domain/reports/journal-checks';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors';
import { getCheck, listChecks, saveCheck, type JournalCheck } from '../../repos/journal-checks';
import { className, listClasses, type School } from '../../repos/school';
import { getYear } from '../../repos/year';
import { periodView } from '../early-warnings';
import { schoolMonitoring, yearPeriods, type MonitoringRowView } from './monitoring';

type CheckSchool = Pick<School, 'schoolId' | 'departmentId' | 'name' | 'timeZone'>;

export interface CheckInput {
  date: string;
  periodId: string;
  classIds: string[];
  findings: string;
}

/** The school's checks, and whether the next one is due (the home's warning). */
export async function checksOfSchool(school: CheckSchool, now: Date) {
  const today = dateInZone(now, school.timeZone);
  const checks = await listChecks(school.schoolId);
  const due = checkDue(checks.filter((c) => c.status === 'signedOff').map((c) => c.date), today);
  return { today, due, checks: [...checks].sort((a, b) => b.date.localeCompare(a.date) || b.checkId.localeCompare(a.checkId)) };
}

/** What the new-check form offers: this school year's periods (every period set) and classes. */
export async function checkOptions(school: CheckSchool, now: Date) {
  const today = dateInZone(now, school.timeZone);
  const yearId = planningYearOf(today);
  const [year, classes] = await Promise.all([getYear(school.schoolId, yearId), listClasses(school.schoolId)]);
  return {
    today,
    yearId,
    periods: (year ? yearPeriods(year) : []).map(periodView),
    classes: classes.filter((c) => c.yearId === yearId).map((c) => ({ classId: c.classId, name: className(c) })),
  };
}

/** A monitoring line as the справка prints it: KTP behind as a positive number of hours, ahead as a negative one. */
export function figureOf(r: MonitoringRowView): CheckFigure {
  return {
    className: r.className,
    subjectName: r.subjectName,
    teacherName: r.teacherName,
    fillRate: r.fillRate,
    noMarkShare: r.noMarkShare,
    oneMarkShare: r.oneMarkShare,
    homeworkShare: r.homeworkShare,
    topicShare: r.topicShare,
    ktpBehind: r.ktp.behind > 0 ? r.ktp.behind : -r.ktp.ahead,
    lateFills: r.lateFills,
    assessments: r.assessmentsDue ? `${r.assessmentsKept} из ${r.assessmentsDue}` : '—',
    problems: r.problems.map((p) => p.message),
  };
}

/**
 * The monitoring figures of the checked classes and period (shared/services/reports/monitoring.ts,
 * issue 13 item 3), one line per teacher x class x subject, as they stand now: the period's start
 * to its end or today.
 */
async function monitoringFigures(school: CheckSchool, yearId: string, periodId: string, classIds: string[], now: Date): Promise<CheckFigure[]> {
  const m = await schoolMonitoring({ schoolId: school.schoolId, departmentId: school.departmentId, yearId, periodId, now, classIds });
  return m.rows.map(figureOf);
}

/** «Директор» or «Заместитель директора»: how the справка names who checked. */
function titleOf(p: Principal, schoolId: string): string {
  return hasSchoolRole(p, schoolId, 'director') ? 'Директор' : 'Заместитель директора';
}

/** The input checked against the school's year and classes: the period, the classes' names. */
async function resolve(school: CheckSchool, input: CheckInput, now: Date) {
  const options = await checkOptions(school, now);
  const period = options.periods.find((p) => p.periodId === input.periodId);
  if (!period) throw new BadRequestError('Нет такого учебного периода в этом учебном году.');
  const problem = checkDateProblem(input.date, options.today, period);
  if (problem) throw new BadRequestError(problem);
  const names = new Map(options.classes.map((c) => [c.classId, c.name]));
  const unknown = input.classIds.filter((id) => !names.has(id));
  if (unknown.length) throw new BadRequestError(`Таких классов в школе нет: ${unknown.join(', ')}.`);
  const classIds = [...new Set(input.classIds)].sort((a, b) => options.classes.findIndex((c) => c.classId === a) - options.classes.findIndex((c) => c.classId === b));
  return { yearId: options.yearId, period, classIds, classNames: classIds.map((id) => names.get(id)!) };
}

async function drafted(school: CheckSchool, c: Omit<JournalCheck, 'text' | 'figures' | 'draftedAt'>, now: Date): Promise<Pick<JournalCheck, 'text' | 'figures' | 'draftedAt'>> {
  const figures = await monitoringFigures(school, c.yearId, c.periodId, c.classIds, now);
  const text = draftCertificateText({ schoolName: school.name, date: c.date, periodName: c.periodName, classNames: c.classNames, checkedByName: c.checkedByName, checkedByTitle: c.checkedByTitle, figures });
  return { text, figures, draftedAt: now.toISOString() };
}

const actorOf = (p: Principal) => ({ userId: p.userId, displayName: p.displayName });

/** Records a check as a draft with its справка drafted from the figures. */
export async function createCheck(by: Principal, school: CheckSchool, input: CheckInput, now: Date): Promise<JournalCheck> {
  const r = await resolve(school, input, now);
  const at = now.toISOString();
  const base = {
    schoolId: school.schoolId,
    checkId: `${input.date}-${randomBytes(3).toString('hex')}`,
    yearId: r.yearId,
    periodId: r.period.periodId,
    periodName: r.period.name,
    date: input.date,
    classIds: r.classIds,
    classNames: r.classNames,
    checkedBy: by.userId,
    checkedByName: by.displayName,
    checkedByTitle: titleOf(by, school.schoolId),
    findings: input.findings,
    status: 'draft' as const,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const check: JournalCheck = { ...base, ...(await drafted(school, base, now)) };
  if (!(await saveCheck(check, undefined, { actor: actorOf(by), action: 'journalCheck.create', at: now }))) throw new ConflictError('Такая проверка уже записана: обновите страницу.');
  return check;
}

export async function readCheck(schoolId: string, checkId: string): Promise<JournalCheck> {
  const check = await getCheck(schoolId, checkId);
  if (!check) throw new NotFoundError('Проверка не найдена.');
  return check;
}

/** A draft read at `version`; a signed-off check or a newer version is a 409 with the stored check. */
async function draftAt(schoolId: string, checkId: string, version: number): Promise<JournalCheck> {
  const check = await readCheck(schoolId, checkId);
  if (check.status !== 'draft') throw new ConflictError('Справка уже подписана: подписанную проверку изменить нельзя.', check);
  if (check.version !== version) throw new ConflictError('Проверку только что изменил другой человек: обновите страницу.', check);
  return check;
}

async function store(by: Principal, next: JournalCheck, readVersion: number, action: string, now: Date): Promise<JournalCheck> {
  if (await saveCheck(next, readVersion, { actor: actorOf(by), action, at: now })) return next;
  const current = await readCheck(next.schoolId, next.checkId);
  throw new ConflictError(current.status === 'draft' ? 'Проверку только что изменил другой человек: обновите страницу.' : 'Справка уже подписана: подписанную проверку изменить нельзя.', current);
}

export interface CheckEdit extends Partial<CheckInput> {
  version: number;
  text?: string;
  /** Draft the справка anew from the current figures (the text edited so far is replaced). */
  redraft?: boolean;
}

/** Changes a draft: its fields, its text, or its справка drafted anew from today's figures. */
export async function updateCheck(by: Principal, school: CheckSchool, checkId: string, edit: CheckEdit, now: Date): Promise<JournalCheck> {
  const check = await draftAt(school.schoolId, checkId, edit.version);
  const input: CheckInput = { date: edit.date ?? check.date, periodId: edit.periodId ?? check.periodId, classIds: edit.classIds ?? check.classIds, findings: edit.findings ?? check.findings };
  const r = await resolve(school, input, now);
  const fields = { ...check, date: input.date, periodId: r.period.periodId, periodName: r.period.name, classIds: r.classIds, classNames: r.classNames, findings: input.findings, updatedAt: now.toISOString(), version: check.version + 1 };
  const next: JournalCheck = edit.redraft ? { ...fields, ...(await drafted(school, fields, now)) } : { ...fields, ...(edit.text !== undefined ? { text: edit.text } : {}) };
  return store(by, next, check.version, edit.redraft ? 'journalCheck.redraft' : 'journalCheck.update', now);
}

/** Signs the справка off: from then on the check is kept as it is (clause 8.4). */
export async function signOffCheck(by: Principal, school: CheckSchool, checkId: string, version: number, now: Date): Promise<JournalCheck> {
  const check = await draftAt(school.schoolId, checkId, version);
  if (!check.text.trim()) throw new BadRequestError('Текст справки пуст: заполните его перед подписанием.');
  const at = now.toISOString();
  return store(by, { ...check, status: 'signedOff', signedOffAt: at, updatedAt: at, version: check.version + 1 }, check.version, 'journalCheck.signOff', now);
}

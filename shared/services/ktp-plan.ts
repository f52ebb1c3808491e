/**
 * The calendar-thematic plan (R-14, clause 5): reading, editing, importing, approving and listing
 * KTPs with their hours check. Handlers load the scope (`ktpScope`), check the policy on its
 * object, and call one of the functions below.
 */
import { may } from '../auth/policy';
import type { Principal } from '../auth/roles';
import type { KtpObject } from '../auth/rules/ktp';
import { WHOLE_CLASS } from '../domain/curriculum';
import { ktpHoursCheck, nonRussianTopics, rowProblems, type HoursCheck, type Ktp, type KtpRow } from '../domain/ktp';
import type { AcademicYear } from '../domain/year';
import { BadRequestError, ConflictError, LockedError, NotFoundError } from '../errors';
import { approvedMessage, getKtp, getKtpSummaries, listKtpSummariesOfClass, saveKtpRows, setKtpStatus, type KtpRef, type KtpSummary } from '../repos/ktp';
import { className, getClass, getClasses, type School, type SchoolClass } from '../repos/school';
import { getYear } from '../repos/year';
import type { KtpFileResult } from './ktp-import';
import {
  curriculumHoursOf,
  linesOfClass,
  linesOfClassSubject,
  linesOfTeacher,
  subjectNames,
  teacherNames,
  timetableCounter,
  type Actor,
  type PlanLine,
} from './ktp-sources';

export interface KtpScope {
  school: School;
  year: AcademicYear;
  cls: SchoolClass;
  line: PlanLine;
  ref: KtpRef;
  object: KtpObject;
}

const yearName = (yearId: string) => `${yearId}/${Number(yearId) + 1}`;

export async function yearOf(schoolId: string, yearId: string): Promise<AcademicYear> {
  const year = await getYear(schoolId, yearId);
  if (!year) throw new NotFoundError(/^\d{4}$/.test(yearId) ? `Учебный год ${yearName(yearId)} в школе не создан.` : 'Учебный год не найден.');
  return year;
}

/** The school year, class and curriculum line a KTP belongs to, and the object the policy checks. */
export async function ktpScope(school: School, params: { yearId: string; classId: string; subjectId: string; groupId: string }): Promise<KtpScope> {
  const [year, cls, lines] = await Promise.all([
    yearOf(school.schoolId, params.yearId),
    getClass(school.schoolId, params.classId),
    linesOfClassSubject(school.schoolId, params.yearId, params.classId, params.subjectId),
  ]);
  if (!cls) throw new NotFoundError('Класс не найден.');
  if (lines.length === 0) throw new NotFoundError(`В учебном плане ${className(cls)} класса нет этого предмета.`);
  const line = lines.find((l) => l.groupId === params.groupId);
  if (!line) {
    throw new NotFoundError(
      params.groupId === WHOLE_CLASS ? 'Этот предмет ведётся по подгруппам: КТП составляется для каждой подгруппы.' : 'В учебном плане нет такой подгруппы.',
    );
  }
  const ref: KtpRef = { schoolId: school.schoolId, yearId: params.yearId, classId: cls.classId, subjectId: params.subjectId, groupId: params.groupId };
  return {
    school,
    year,
    cls,
    line,
    ref,
    object: { departmentId: school.departmentId, schoolId: school.schoolId, classId: cls.classId, subjectId: params.subjectId, groupId: params.groupId, teacherIds: line.teacherIds },
  };
}

// --- the view -----------------------------------------------------------------------------------

export interface KtpHeader {
  classId: string;
  className: string;
  subjectId: string;
  subjectName: string;
  groupId: string;
  groupName?: string;
  teachers: Array<{ userId: string; displayName: string }>;
  hoursPerWeek: number | null;
  exists: boolean;
  status: 'draft' | 'approved';
  approvedByName?: string;
  approvedAt?: string;
  updatedByName?: string;
  updatedAt?: string;
  version: number;
  check: HoursCheck;
}

export interface KtpView extends KtpHeader {
  rows: KtpRow[];
  warnings: string[];
  yearStartsOn: string;
  mayEdit: boolean;
  mayApprove: boolean;
}

function header(
  line: PlanLine,
  cls: SchoolClass,
  ktp: KtpSummary | null,
  names: { subjects: Map<string, string>; teachers: Map<string, string> },
  timetable: number | null,
): KtpHeader {
  const planned = ktp?.totalHours ?? 0;
  return {
    classId: cls.classId,
    className: className(cls),
    subjectId: line.subjectId,
    subjectName: names.subjects.get(line.subjectId) ?? line.subjectId,
    groupId: line.groupId,
    ...(line.groupName ? { groupName: line.groupName } : {}),
    teachers: line.teacherIds.map((userId) => ({ userId, displayName: names.teachers.get(userId) ?? userId })),
    hoursPerWeek: line.hoursPerWeek,
    exists: ktp !== null,
    status: ktp?.status ?? 'draft',
    ...(ktp?.approvedByName ? { approvedByName: ktp.approvedByName } : {}),
    ...(ktp?.approvedAt ? { approvedAt: ktp.approvedAt } : {}),
    ...(ktp ? { updatedByName: ktp.updatedByName, updatedAt: ktp.updatedAt } : {}),
    version: ktp?.version ?? 0,
    check: ktpHoursCheck({ planned, curriculum: curriculumHoursOf(line, cls.grade), timetable }),
  };
}

async function view(scope: KtpScope, p: Principal, ktp: Ktp | null): Promise<KtpView> {
  const [subjects, teachers, counter] = await Promise.all([
    subjectNames(scope.school.schoolId),
    teacherNames(scope.line.teacherIds),
    timetableCounter(scope.year, scope.cls),
  ]);
  const h = header(scope.line, scope.cls, ktp, { subjects, teachers }, counter(scope.line.subjectId, scope.line.groupId));
  const rows = ktp?.rows ?? [];
  return {
    ...h,
    rows,
    warnings: nonRussianTopics(rows),
    yearStartsOn: scope.year.startDate,
    mayEdit: h.status === 'draft' && may(p, 'ktp.write', scope.object),
    mayApprove: may(p, 'ktp.approve', scope.object),
  };
}

export async function readKtp(scope: KtpScope, p: Principal): Promise<KtpView> {
  return view(scope, p, await getKtp(scope.ref));
}

// --- changes ------------------------------------------------------------------------------------

const approvedLock = (k: Ktp) => new LockedError(approvedMessage(k));

/** The plan as it is now, refusing a change that started from another version or touches an approved plan. */
async function currentFor(scope: KtpScope, p: Principal, expectedVersion: number): Promise<Ktp | null> {
  const current = await getKtp(scope.ref, true);
  if (current?.status === 'approved') throw approvedLock(current);
  if ((current?.version ?? 0) !== expectedVersion) {
    throw new ConflictError('КТП только что изменил другой пользователь. Обновите страницу: ниже текущая версия.', current ? await view(scope, p, current) : null);
  }
  return current;
}

export async function saveKtp(scope: KtpScope, p: Principal, body: { version: number; rows: KtpRow[] }, now: Date): Promise<KtpView> {
  const problems = rowProblems(body.rows);
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  const before = await currentFor(scope, p, body.version);
  const saved = await saveKtpRows({ ref: scope.ref, rows: body.rows, expectedVersion: body.version, by: actor(p), now, action: 'ktp.update', before });
  return view(scope, p, saved);
}

export interface ImportResult {
  applied: boolean;
  format?: string;
  rows: KtpRow[];
  sourceRows: number[];
  errors: Array<{ row: number | null; message: string }>;
  warnings: Array<{ row: number | null; message: string }>;
  totalHours: number;
  check: HoursCheck;
  ktp?: KtpView;
}

/**
 * A spreadsheet read into KTP rows (by `readKtpFile`, in the ktp-import function, which alone
 * carries the spreadsheet reader). Without `apply` nothing is stored (the preview); with it the
 * file, read again, replaces the plan's rows only when it has no errors at all.
 */
export async function importKtp(
  scope: KtpScope,
  p: Principal,
  body: { fileName: string; file: KtpFileResult; apply: boolean; version: number },
  now: Date,
): Promise<ImportResult> {
  const { file } = body;
  const counter = await timetableCounter(scope.year, scope.cls);
  const check = ktpHoursCheck({
    planned: file.totalHours,
    curriculum: curriculumHoursOf(scope.line, scope.cls.grade),
    timetable: counter(scope.line.subjectId, scope.line.groupId),
  });
  const result: ImportResult = {
    applied: false,
    ...(file.format ? { format: file.format } : {}),
    rows: file.rows,
    sourceRows: file.sourceRows,
    errors: file.errors,
    warnings: file.warnings,
    totalHours: file.totalHours,
    check,
  };
  if (!body.apply) return result;
  // An approved or meanwhile changed plan is refused before the file's own errors: fixing the file
  // would not help.
  const before = await currentFor(scope, p, body.version);
  if (file.errors.length > 0) {
    throw new BadRequestError(
      `КТП не загружен: в файле ${file.errors.length === 1 ? 'есть ошибка' : `есть ошибки (${file.errors.length})`}. Исправьте файл и загрузите его снова. ${file.errors[0]!.message}`,
      { errors: file.errors },
    );
  }
  const saved = await saveKtpRows({
    ref: scope.ref,
    rows: file.rows,
    expectedVersion: body.version,
    by: actor(p),
    now,
    action: 'ktp.import',
    reason: `Импорт из файла «${body.fileName}»`,
    before,
  });
  return { ...result, applied: true, ktp: await view(scope, p, saved) };
}

export async function approveKtp(scope: KtpScope, p: Principal, body: { version: number }, now: Date): Promise<KtpView> {
  const current = await getKtp(scope.ref, true);
  if (!current) throw new NotFoundError('КТП ещё не составлен: утверждать нечего.');
  if (current.version !== body.version) {
    throw new ConflictError('КТП только что изменил другой пользователь. Обновите страницу: ниже текущая версия.', await view(scope, p, current));
  }
  if (current.status === 'approved') throw new ConflictError('КТП уже утверждён.', await view(scope, p, current));
  const curriculum = curriculumHoursOf(scope.line, scope.cls.grade);
  if (current.topicCount === 0) throw new BadRequestError('В КТП нет ни одной темы: утверждать нечего.');
  if (current.totalHours !== curriculum) {
    const check = ktpHoursCheck({ planned: current.totalHours, curriculum, timetable: null });
    throw new BadRequestError(`Нельзя утвердить КТП: ${check.summary}. По п. 5 Положения количество часов в КТП должно соответствовать учебному плану.`);
  }
  const saved = await setKtpStatus({ ktp: current, to: 'approved', expectedVersion: body.version, by: actor(p), now });
  return view(scope, p, saved);
}

export async function reopenKtp(scope: KtpScope, p: Principal, body: { version: number; reason: string }, now: Date): Promise<KtpView> {
  const current = await getKtp(scope.ref, true);
  if (!current) throw new NotFoundError('КТП ещё не составлен.');
  if (current.version !== body.version) {
    throw new ConflictError('КТП только что изменил другой пользователь. Обновите страницу: ниже текущая версия.', await view(scope, p, current));
  }
  if (current.status !== 'approved') throw new ConflictError('КТП не утверждён: возвращать на доработку нечего.', await view(scope, p, current));
  const saved = await setKtpStatus({ ktp: current, to: 'draft', expectedVersion: body.version, by: actor(p), now, reason: body.reason });
  return view(scope, p, saved);
}

function actor(p: Principal): Actor {
  return { userId: p.userId, displayName: p.displayName };
}

// --- lists --------------------------------------------------------------------------------------

export interface KtpList {
  yearId: string;
  startsOn: string;
  items: Array<KtpHeader & { topicCount: number }>;
}

const refOf = (schoolId: string, yearId: string, l: PlanLine): KtpRef => ({ schoolId, yearId, classId: l.classId, subjectId: l.subjectId, groupId: l.groupId });
const lineKey = (l: Pick<PlanLine, 'classId' | 'subjectId' | 'groupId'>) => `${l.classId}|${l.subjectId}|${l.groupId}`;

async function listOf(school: School, year: AcademicYear, lines: PlanLine[], classes: SchoolClass[], summaries: KtpSummary[]): Promise<KtpList> {
  const classById = new Map(classes.map((c) => [c.classId, c]));
  const byKey = new Map(summaries.map((s) => [lineKey(s), s]));
  const [subjects, teachers, counters] = await Promise.all([
    subjectNames(school.schoolId),
    teacherNames(lines.flatMap((l) => l.teacherIds)),
    Promise.all(classes.map(async (c) => [c.classId, await timetableCounter(year, c)] as const)).then((e) => new Map(e)),
  ]);
  const items = lines
    .filter((l) => classById.has(l.classId))
    .map((l) => {
      const cls = classById.get(l.classId)!;
      const summary = byKey.get(lineKey(l)) ?? null;
      return { ...header(l, cls, summary, { subjects, teachers }, counters.get(l.classId)!(l.subjectId, l.groupId)), topicCount: summary?.topicCount ?? 0 };
    })
    .sort(
      (a, b) =>
        classById.get(a.classId)!.grade - classById.get(b.classId)!.grade ||
        a.className.localeCompare(b.className, 'ru') ||
        a.subjectName.localeCompare(b.subjectName, 'ru') ||
        a.groupId.localeCompare(b.groupId),
    );
  return { yearId: year.yearId, startsOn: year.startDate, items };
}

/** A teacher's own KTPs: one per line of their load, made or not yet. */
export async function listOwnKtps(school: School, yearId: string, teacherId: string): Promise<KtpList> {
  const [year, lines] = await Promise.all([yearOf(school.schoolId, yearId), linesOfTeacher(school.schoolId, yearId, teacherId)]);
  const classIds = [...new Set(lines.map((l) => l.classId))];
  const [classes, summaries] = await Promise.all([
    getClasses(classIds.map((classId) => ({ schoolId: school.schoolId, classId }))),
    getKtpSummaries(lines.map((l) => refOf(school.schoolId, yearId, l))),
  ]);
  return listOf(school, year, lines, classes, summaries);
}

/** Every KTP of one class (all subjects and subgroups of its curriculum): the deputy's approval screen. */
export async function listClassKtps(school: School, yearId: string, cls: SchoolClass): Promise<KtpList> {
  const [year, lines, summaries] = await Promise.all([
    yearOf(school.schoolId, yearId),
    linesOfClass(school.schoolId, yearId, cls.classId),
    listKtpSummariesOfClass(school.schoolId, yearId, cls.classId),
  ]);
  return listOf(school, year, lines, [cls], summaries);
}

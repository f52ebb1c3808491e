/**
 * The demo school (issue 2, item 5) as table items: department, school, classes, students'
 * personal cards, and the accounts of staff, students and parents with their login guards.
 * Pure and deterministic; `infra/local/seed.ts` writes the items into an empty table.
 *
 * Most accounts are `pending` (they receive activation codes, R-03); the fixed demo logins are
 * active with the one demo password, whose hash the caller computes once and passes in.
 */
import { ruDate } from '../domain/calendar';
import { ROLE_TITLES } from '../auth/roles';
import { keys, sortName } from '../db/keys';
import { accountItem, type Account } from '../repos/accounts';
import type { SchoolClass, StudentCard } from '../repos/school';
import { buildDemoModel, type DemoModel, type DemoParent, type DemoStaff, type DemoStudent, type FixedLogin } from './model';
import { fullName, shortName } from './names';
import { demoCurriculumItems } from './curriculum';
import { withDemoJournal } from './journal';
import { demoKtpItems } from './ktp';
import { demoMessageItems } from './messages';
import { withDemoPeople } from './people';
import { demoTimetableItems } from './timetable';
import { demoYear, demoYearItems } from './year';

export * from './model';

export interface DemoLogin {
  login: string;
  /** The role, in Russian, as `npm start` prints it. */
  role: string;
  /** Who the login belongs to, in Russian. */
  who: string;
}

export interface DemoSchool {
  items: Array<Record<string, unknown>>;
  logins: DemoLogin[];
}

type Item = Record<string, unknown>;

/**
 * The demo school in two parts. `items`: the people (with this year's movements) and the year —
 * enough to sign in as every role, a few thousand items. `setUp()`: everything a deputy would have
 * set up by `now` and the journal kept since (curriculum and subgroups, the timetable and its
 * lessons, KTPs and the assessment schedule, marks and attendance) — about twenty thousand items,
 * so the local stack loads it after it is already serving, and tests ask for it only when they need it.
 */
export function buildDemoSchool(opts: { passwordHash: string; now: Date }): DemoSchool & { setUp(): Item[] } {
  const model = buildDemoModel({ now: opts.now });
  const items = withDemoPeople(demoItems(model, opts.passwordHash), model, opts.now);
  return { items, logins: demoLogins(model), setUp: () => demoSetUpItems(items, model, opts.now) };
}

/**
 * Order matters: each part reads what the earlier ones made, and the journal replaces the lessons
 * it fills. Nothing here replaces an item of the people part, so the set-up is only new items.
 */
function demoSetUpItems(people: Item[], model: DemoModel, now: Date): Item[] {
  const planned = [...demoCurriculumItems(model), ...demoTimetableItems(model, { now })];
  const withKtp = [...planned, ...demoKtpItems({ model, year: demoYear(model.school.schoolId), items: [...people, ...planned] })];
  const journal = withDemoJournal([...people, ...withKtp], model, now);
  // Messages and a survey (issue 12) close the set-up: new items only, keyed apart from everything above.
  return [...journal.slice(people.length), ...demoMessageItems(model, now)];
}

export function demoItems(model: DemoModel, passwordHash: string): Item[] {
  const { department, school } = model;
  const sch = school.schoolId;
  const staffById = new Map(model.staff.map((s) => [s.userId, s]));

  const items: Item[] = [
    { ...keys.department(department.departmentId), type: 'department', ...department },
    { ...keys.school(department.departmentId, sch), type: 'school', ...school },
  ];

  for (const c of model.classes) {
    const teacher = staffById.get(c.classTeacherId)!;
    const value: SchoolClass = {
      classId: c.classId,
      schoolId: sch,
      grade: c.grade,
      letter: c.letter,
      yearId: model.yearId,
      classTeacherId: c.classTeacherId,
      classTeacherName: fullName(teacher),
    };
    items.push({ ...keys.class(sch, c.classId), type: 'class', ...value });
  }

  for (const s of model.students) {
    const card: StudentCard = {
      studentId: s.studentId,
      schoolId: sch,
      classId: s.classId,
      lastName: s.lastName,
      firstName: s.firstName,
      middleName: s.middleName,
      birthDate: s.birthDate,
      parentIds: [...s.parentIds],
      ...(s.consentRecordedAt ? { consentRecordedAt: s.consentRecordedAt } : {}),
    };
    items.push({
      ...keys.studentCard(sch, s.studentId),
      ...keys.studentsOfClass(sch, s.classId, sortName(s.lastName, s.firstName), s.studentId),
      type: 'studentCard',
      ...card,
    });
  }

  for (const a of demoAccounts(model, passwordHash)) {
    items.push(accountItem(a));
    // The same guard item createAccountOps writes, so that later accounts cannot take a demo login.
    items.push({ ...keys.loginGuard(a.login), type: 'loginGuard', userId: a.userId });
  }
  items.push(...demoYearItems(sch));
  return items;
}

export function demoAccounts(model: DemoModel, passwordHash: string): Account[] {
  const { departmentId } = model.department;
  const schoolId = model.school.schoolId;
  const base = (p: DemoStaff | DemoStudent | DemoParent, fixed: string | undefined) => ({
    userId: p.userId,
    login: p.login,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    departmentId,
    ...(fixed ? { status: 'active' as const, passwordHash } : { status: 'pending' as const }),
    version: 1,
  });
  const cardOf = new Map(model.students.map((s) => [s.studentId, s]));

  const staff = model.staff.map(
    (s): Account => ({
      ...base(s, s.fixed),
      kind: s.kind,
      ...(s.kind === 'staff' ? { schoolId } : {}),
      position: s.position,
      grants: s.grants.map((g) => ({ ...g })),
      ...(s.activeUntil ? { activeUntil: s.activeUntil } : {}),
      ...(s.application ? { temporary: true, application: { ...s.application } } : {}),
    }),
  );
  const students = model.students.map(
    (s): Account => ({
      ...base(s, s.fixed),
      kind: 'student',
      schoolId,
      classId: s.classId,
      grants: [{ role: 'student', schoolId, studentId: s.studentId }],
    }),
  );
  const parents = model.parents.map(
    (p): Account => ({
      ...base(p, p.fixed),
      kind: 'parent',
      schoolId,
      classId: cardOf.get(p.childIds[0]!)!.classId,
      grants: p.childIds.map((studentId) => ({ role: 'parent' as const, schoolId, studentId })),
    }),
  );
  return [...staff, ...students, ...parents];
}

function className(model: DemoModel, classId: string): string {
  const c = model.classes.find((x) => x.classId === classId)!;
  return `${c.grade}${c.letter}`;
}

/** The fixed logins with a Russian description each, in the order `npm start` prints them. */
export function demoLogins(model: DemoModel): DemoLogin[] {
  const staff = (f: FixedLogin) => model.staff.find((s) => s.fixed === f)!;
  const parent = (f: 'parent' | 'parent2') => model.parents.find((p) => p.fixed === f)!;
  const student = model.students.find((s) => s.fixed === 'student')!;
  const children = (p: DemoParent) =>
    p.childIds
      .map((id) => model.students.find((s) => s.studentId === id)!)
      .map((s) => `${s.lastName} ${s.firstName} (${className(model, s.classId)})`)
      .join(', ');
  const ct = staff('classteacher');
  const inspector = staff('inspector');
  const until = ruDate(inspector.activeUntil!);
  const p1 = parent('parent');
  const p2 = parent('parent2');
  const ofStaff = (f: FixedLogin, role: string, what?: string): DemoLogin => {
    const s = staff(f);
    return { login: f, role, who: what ? `${fullName(s)}, ${what}` : fullName(s) };
  };
  return [
    ofStaff('director', ROLE_TITLES.director),
    ofStaff('deputy', ROLE_TITLES.deputy, 'по учебной работе'),
    ofStaff('secretary', ROLE_TITLES.secretary),
    ofStaff('admin', 'Администратор ЭЖ'),
    ofStaff('uo', 'Специалист УО', 'департамент образования г. Краснодара'),
    ofStaff('teacher', ROLE_TITLES.teacher, staff('teacher').position),
    ofStaff('teacher2', ROLE_TITLES.teacher, staff('teacher2').position),
    ofStaff('classteacher', `Классный руководитель ${className(model, ct.ledClassId!)}`, ct.position),
    { login: 'parent', role: 'Родитель (двое детей)', who: `${shortName(p1)}: ${children(p1)}` },
    { login: 'parent2', role: ROLE_TITLES.parent, who: `${shortName(p2)}: ${children(p2)}` },
    { login: 'student', role: `Обучающийся ${className(model, student.classId)}`, who: fullName(student) },
    ofStaff('inspector', 'Временный доступ (только просмотр)', `до ${until} включительно`),
  ];
}

/**
 * The demo school as a model of people and classes, before it becomes table items (./index.ts).
 * Pure and deterministic: the same `now` gives the same school; `now` only moves the dates that
 * must lie around it (a temporary access's end, consent dates never in the future).
 *
 * Later parts of the demo (the year's periods, curriculum, subgroups, timetable, KTP) are built
 * from this model: teachers carry the subjects they can teach, classes their grade.
 */
import type { RoleGrant } from '../auth/roles';
import { addDays, dateInZone } from '../domain/calendar';
import { REGULATION_LOCK_DAYS } from '../domain/settings';
import type { Department, School } from '../repos/school';
import {
  BOYS_NAMES,
  fullName,
  GIRLS_NAMES,
  MALE_NAMES,
  patronymic,
  SURNAMES,
  surnameFor,
  transliterate,
  WOMEN_NAMES,
  type Gender,
  type PersonName,
} from './names';
import { rngStream, type Rng } from './random';
import { PRIMARY, SUBJECT_TEACHERS, type DemoSubjectId, type Specialisation } from './subjects';

export const DEMO_DEPARTMENT_ID = 'krd';
export const DEMO_SCHOOL_ID = 'sch53';
export const DEMO_YEAR_ID = '2026';
/** First day of the demo school year 2026/27. */
export const DEMO_YEAR_START = '2026-09-01';
export const DEMO_TIME_ZONE = 'Europe/Moscow';
/** The password of every fixed demo login (printed by `npm start`). */
export const DEMO_PASSWORD = 'Demo-2026!';

/** The logins `npm start` prints; each is active with the demo password. */
export const FIXED_LOGINS = [
  'director',
  'deputy',
  'secretary',
  'admin',
  'uo',
  'teacher',
  'teacher2',
  'classteacher',
  'parent',
  'parent2',
  'student',
  'inspector',
] as const;
export type FixedLogin = (typeof FIXED_LOGINS)[number];

/** Classes of the year: two parallel classes in grades 1-10, one in grade 11. */
export const CLASS_PLAN: ReadonlyArray<{ grade: number; letters: readonly string[] }> = [
  { grade: 1, letters: ['А', 'Б'] },
  { grade: 2, letters: ['А', 'Б'] },
  { grade: 3, letters: ['А', 'Б'] },
  { grade: 4, letters: ['А', 'Б'] },
  { grade: 5, letters: ['А', 'Б'] },
  { grade: 6, letters: ['А', 'Б'] },
  { grade: 7, letters: ['А', 'Б'] },
  { grade: 8, letters: ['А', 'Б'] },
  { grade: 9, letters: ['А', 'Б'] },
  { grade: 10, letters: ['А', 'Б'] },
  { grade: 11, letters: ['А'] },
];

const LETTER_IDS: Record<string, string> = { А: 'a', Б: 'b', В: 'v', Г: 'g', Д: 'd' };

/** The ascii class id of a class: 5 + «А» → '5a'. */
export function classIdOf(grade: number, letter: string): string {
  const id = LETTER_IDS[letter];
  if (!id) throw new Error(`No class id for letter ${letter}`);
  return `${grade}${id}`;
}

export interface DemoClass {
  classId: string;
  grade: number;
  letter: string;
  size: number;
  classTeacherId: string;
}

export interface DemoStaff extends PersonName {
  userId: string;
  login: string;
  kind: 'staff' | 'department';
  position: string;
  grants: RoleGrant[];
  /** What this teacher can teach (empty for administration). */
  subjects: DemoSubjectId[];
  specialisation?: string;
  ledClassId?: string;
  activeUntil?: string;
  /** Temporary access: the written application it was given on (clause 4.5). */
  application?: { number: string; date: string };
  fixed?: FixedLogin;
}

export interface DemoStudent extends PersonName {
  studentId: string;
  /** The student's account; deliberately not the same string as the studentId. */
  userId: string;
  login: string;
  classId: string;
  birthDate: string;
  /** Parents' account userIds. */
  parentIds: string[];
  consentRecordedAt?: string;
  fixed?: 'student';
}

export interface DemoParent extends PersonName {
  userId: string;
  login: string;
  /** Children's studentIds, the first one decides the parent's classId. */
  childIds: string[];
  fixed?: 'parent' | 'parent2';
}

export interface DemoModel {
  department: Department;
  school: School;
  yearId: string;
  classes: DemoClass[];
  staff: DemoStaff[];
  students: DemoStudent[];
  parents: DemoParent[];
}

// ---------------------------------------------------------------------------------------------

const DAY_MS = 24 * 3600 * 1000;


function adultName(rng: Rng, gender: Gender, maleSurname = rng.pick(SURNAMES)): PersonName {
  const father = rng.pick(MALE_NAMES);
  return {
    gender,
    lastName: surnameFor(maleSurname, gender),
    firstName: gender === 'm' ? rng.pick(MALE_NAMES)[0] : rng.pick(WOMEN_NAMES),
    middleName: patronymic(father, gender),
  };
}

/** Hands out ids in order and unique logins «фамилия.ио» (transliterated), with a number if taken. */
class Registry {
  private readonly logins = new Set<string>(FIXED_LOGINS);
  private readonly counters = new Map<string, number>();

  id(prefix: string, width: number): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${String(n).padStart(width, '0')}`;
  }

  login(p: PersonName, fixed?: FixedLogin): string {
    if (fixed) return fixed;
    const base = `${transliterate(p.lastName)}.${transliterate(p.firstName.slice(0, 1))}${transliterate(p.middleName.slice(0, 1))}`;
    let login = base;
    for (let n = 2; this.logins.has(login); n++) login = `${base}${n}`;
    this.logins.add(login);
    return login;
  }
}

// --- classes ---------------------------------------------------------------------------------

function planClasses(): Array<Omit<DemoClass, 'classTeacherId'>> {
  const rng = rngStream('classes');
  return CLASS_PLAN.flatMap(({ grade, letters }) =>
    letters.map((letter) => ({
      classId: classIdOf(grade, letter),
      grade,
      letter,
      // Senior classes are smaller: many leave after grade 9.
      size: grade >= 10 ? rng.int(21, 26) : rng.int(24, 28),
    })),
  );
}

// --- staff -----------------------------------------------------------------------------------

function buildStaff(reg: Registry, classes: Array<Omit<DemoClass, 'classTeacherId'>>, now: Date): DemoStaff[] {
  const rng = rngStream('staff');
  const usedNames = new Set<string>();
  const sch = DEMO_SCHOOL_ID;
  const person = (men: number): PersonName => {
    for (;;) {
      const p = adultName(rng, rng.chance(men) ? 'm' : 'f');
      if (!usedNames.has(fullName(p))) {
        usedNames.add(fullName(p));
        return p;
      }
    }
  };
  const staff: DemoStaff[] = [];
  const add = (s: Omit<DemoStaff, 'userId' | 'login' | keyof PersonName> & { men: number }) => {
    const { men, ...rest } = s;
    const p = person(men);
    const member: DemoStaff = { ...p, ...rest, userId: reg.id(rest.kind === 'department' ? 'u-uo' : 'u-sf', 3), login: reg.login(p, rest.fixed) };
    staff.push(member);
    return member;
  };
  const school = (role: 'administrator' | 'secretary' | 'teacher' | 'deputy' | 'director'): RoleGrant => ({ role, schoolId: sch });

  add({ kind: 'staff', position: 'директор', grants: [school('director')], subjects: [], fixed: 'director', men: 0.4 });
  add({ kind: 'staff', position: 'заместитель директора по учебной работе', grants: [school('deputy')], subjects: [], fixed: 'deputy', men: 0.2 });
  add({ kind: 'staff', position: 'заместитель директора по воспитательной работе', grants: [school('deputy')], subjects: [], men: 0.2 });
  add({ kind: 'staff', position: 'секретарь', grants: [school('secretary')], subjects: [], fixed: 'secretary', men: 0 });
  add({ kind: 'staff', position: 'администратор электронного журнала', grants: [school('administrator')], subjects: [], fixed: 'admin', men: 0.6 });

  const teacher = (spec: Specialisation, fixed?: FixedLogin) =>
    add({ kind: 'staff', position: spec.position, grants: [school('teacher')], subjects: [...spec.subjects], specialisation: spec.id, fixed, men: spec.men });

  const primary = Array.from({ length: PRIMARY.count }, () => teacher(PRIMARY));
  const subject: DemoStaff[] = [];
  for (const spec of SUBJECT_TEACHERS) {
    for (let i = 0; i < spec.count; i++) {
      // The first Russian teacher leads 5А (login classteacher); the first mathematician is the
      // plain subject teacher (login teacher).
      const fixed = i === 0 && spec.id === 'russian' ? 'classteacher' : i === 0 && spec.id === 'math' ? 'teacher' : undefined;
      subject.push(teacher(spec, fixed));
    }
  }

  // Class teachers: primary teachers lead grades 1-4; subject teachers the rest.
  const lead = (t: DemoStaff, classId: string) => {
    t.ledClassId = classId;
    t.grants.push({ role: 'classTeacher', schoolId: sch, classId });
  };
  const juniors = classes.filter((c) => c.grade <= 4);
  const seniors = classes.filter((c) => c.grade >= 5);
  if (juniors.length > primary.length) throw new Error('Not enough primary teachers for grades 1-4');
  juniors.forEach((c, i) => lead(primary[i]!, c.classId));
  const classteacher = subject.find((t) => t.fixed === 'classteacher')!;
  lead(classteacher, '5a');
  const candidates = rngStream('classTeachers').shuffle(subject.filter((t) => !t.fixed));
  const rest = seniors.filter((c) => c.classId !== '5a');
  if (rest.length > candidates.length) throw new Error('Not enough subject teachers to lead every class');
  rest.forEach((c, i) => lead(candidates[i]!, c.classId));
  // A second plain teacher (login teacher2) for the tests that need two: a subgroup's teacher, a
  // substitute. A subject teacher who leads no class (a mathematician when one is free), named only
  // after the class teachers are chosen, so the demo's people, logins and classes stay what they were.
  const second = subject.find((t) => !t.fixed && !t.ledClassId && t.specialisation === 'math') ?? subject.find((t) => !t.fixed && !t.ledClassId)!;
  Object.assign(second, { fixed: 'teacher2', login: 'teacher2' });

  // Department specialist (no school) and a temporary access on written application.
  add({
    kind: 'department',
    position: 'главный специалист департамента образования',
    grants: [{ role: 'department', departmentId: DEMO_DEPARTMENT_ID }],
    subjects: [],
    fixed: 'uo',
    men: 0.3,
  });
  // Read-only (clauses 4.1, 4.5): the journal and reports of every class on a written application,
  // exactly as the administrator's temporary-access form grants it (shared/services/people-staff.ts).
  const inspectorUntil = dateInZone(new Date(now.getTime() + 30 * DAY_MS), DEMO_TIME_ZONE);
  add({
    kind: 'staff',
    position: 'методист (временный доступ по заявлению)',
    grants: [{ role: 'viewer', schoolId: sch, classIds: 'all', areas: ['journal', 'reports'], until: inspectorUntil }],
    subjects: [],
    fixed: 'inspector',
    activeUntil: inspectorUntil,
    application: { number: '14-М', date: dateInZone(new Date(now.getTime() - 2 * DAY_MS), DEMO_TIME_ZONE) },
    men: 0.3,
  });
  return staff;
}

// --- students and families -------------------------------------------------------------------

interface Family {
  maleSurname: string;
  father: readonly [string, string, string];
  mother: PersonName;
  fatherPerson: PersonName;
}

function birthDate(rng: Rng, grade: number): string {
  // Grade 1 in 2026/27: born October 2018 - December 2019 (6.5-8 years old on 1 September).
  const first = `${2018 - (grade - 1)}-10-01`;
  const last = `${2019 - (grade - 1)}-12-31`;
  const span = Math.round((Date.parse(last) - Date.parse(first)) / DAY_MS);
  return addDays(first, rng.int(0, span));
}

function buildFamilies(reg: Registry, classes: Array<Omit<DemoClass, 'classTeacherId'>>, now: Date) {
  const rng = rngStream('families');
  const free = new Map(classes.map((c) => [c.classId, c.size]));
  const gradeOf = new Map(classes.map((c) => [c.classId, c.grade]));
  const students: DemoStudent[] = [];
  const parents: DemoParent[] = [];

  const newFamily = (): Family => {
    const maleSurname = rng.pick(SURNAMES);
    const father = rng.pick(MALE_NAMES);
    // Most mothers carry the family surname; some kept their own.
    const mother = adultName(rng, 'f', rng.chance(0.9) ? maleSurname : rng.pick(SURNAMES));
    const fatherPerson: PersonName = { gender: 'm', lastName: maleSurname, firstName: father[0], middleName: adultName(rng, 'm').middleName };
    return { maleSurname, father, mother, fatherPerson };
  };

  const child = (f: Family, classId: string, taken: string[], fixed?: 'student'): DemoStudent => {
    free.set(classId, free.get(classId)! - 1);
    const gender: Gender = rng.chance(0.5) ? 'm' : 'f';
    let firstName: string;
    do firstName = rng.pick(gender === 'm' ? BOYS_NAMES : GIRLS_NAMES);
    while (taken.includes(firstName) || firstName === f.father[0]);
    taken.push(firstName);
    const p: PersonName = { gender, lastName: surnameFor(f.maleSurname, gender), firstName, middleName: patronymic(f.father, gender) };
    const n = reg.id('st', 4);
    return {
      ...p,
      studentId: n,
      userId: `u-${n}`,
      login: fixed ?? reg.login(p),
      classId,
      birthDate: birthDate(rng, gradeOf.get(classId)!),
      parentIds: [],
      ...(fixed ? { fixed } : {}),
    };
  };

  const parent = (p: PersonName, kids: DemoStudent[], fixed?: 'parent' | 'parent2'): DemoParent => {
    const a: DemoParent = { ...p, userId: reg.id('u-pa', 4), login: reg.login(p, fixed), childIds: kids.map((k) => k.studentId), ...(fixed ? { fixed } : {}) };
    for (const k of kids) k.parentIds.push(a.userId);
    parents.push(a);
    return a;
  };

  const family = (classIds: string[], who: 'mother' | 'father' | 'both', fixed?: 'parent' | 'parent2' | 'student') => {
    const f = newFamily();
    const taken: string[] = [];
    const kids = classIds.map((c) => child(f, c, taken, fixed === 'student' ? fixed : undefined));
    const fixedParent = fixed === 'student' ? undefined : fixed;
    students.push(...kids);
    if (who !== 'father') parent(f.mother, kids, fixedParent);
    if (who !== 'mother') parent(f.fatherPerson, kids, who === 'father' ? fixedParent : undefined);
  };

  // The fixed demo families first: `parent` (5А and 8Б), `parent2` (5А), `student` (5А).
  family(['5a', '8b'], 'mother', 'parent');
  family(['5a'], 'father', 'parent2');
  family(['5a'], 'mother', 'student');

  // Everybody else: mostly one child, sometimes two in different grades; usually the mother is
  // registered, sometimes the father, sometimes both.
  const open = () => classes.filter((c) => free.get(c.classId)! > 0);
  for (let left = open(); left.length > 0; left = open()) {
    // A class with more free places is proportionally more likely.
    let place = rng.int(0, left.reduce((n, c) => n + free.get(c.classId)!, 0) - 1);
    const first = left.find((c) => (place -= free.get(c.classId)!) < 0)!.classId;
    const classIds = [first];
    if (rng.chance(0.1)) {
      const siblings = left.filter((c) => c.grade !== gradeOf.get(first));
      if (siblings.length > 0) classIds.push(rng.pick(siblings).classId);
    }
    const roll = rng.next();
    family(classIds, roll < 0.72 ? 'mother' : roll < 0.93 ? 'father' : 'both');
  }

  // Consent to personal-data processing: recorded at enrolment for nearly everyone; a few
  // cards lack it, at least one in 5А, so that "no consent, no access" can be shown there.
  const crng = rngStream('consent');
  const fixedParents = new Set(parents.filter((p) => p.fixed).flatMap((p) => p.childIds));
  const protectedIds = new Set([...fixedParents, ...students.filter((s) => s.fixed).map((s) => s.studentId)]);
  const nowMs = now.getTime();
  const missing = (s: DemoStudent) => !protectedIds.has(s.studentId) && crng.chance(0.03);
  let missingIn5a = false;
  for (const s of students) {
    if (missing(s)) {
      missingIn5a ||= s.classId === '5a';
      continue;
    }
    const grade = gradeOf.get(s.classId)!;
    // Enrolment: spring-summer of the year the pupil entered grade 1.
    const enrolled = Date.parse(`${2026 - (grade - 1)}-04-01T06:00:00Z`) + crng.int(0, 140) * DAY_MS + crng.int(0, 8 * 3600) * 1000;
    s.consentRecordedAt = new Date(Math.min(enrolled, nowMs - crng.int(1, 30) * DAY_MS)).toISOString();
  }
  if (!missingIn5a) {
    const s = students.filter((x) => x.classId === '5a' && !protectedIds.has(x.studentId)).at(-1);
    if (s) delete s.consentRecordedAt;
  }
  return { students, parents };
}

// ---------------------------------------------------------------------------------------------

export function buildDemoModel(opts: { now: Date }): DemoModel {
  const reg = new Registry();
  const planned = planClasses();
  const staff = buildStaff(reg, planned, opts.now);
  const { students, parents } = buildFamilies(reg, planned, opts.now);
  const leaderOf = new Map(staff.flatMap((s) => (s.ledClassId ? [[s.ledClassId, s.userId] as const] : [])));
  const classes = planned.map((c) => {
    const classTeacherId = leaderOf.get(c.classId);
    if (!classTeacherId) throw new Error(`Class ${c.classId} has no class teacher`);
    return { ...c, classTeacherId };
  });
  return {
    department: {
      departmentId: DEMO_DEPARTMENT_ID,
      name: 'Департамент образования администрации МО г. Краснодар',
      lockDays: { ...REGULATION_LOCK_DAYS },
      marksInAdvanceAllowed: false,
    },
    school: {
      schoolId: DEMO_SCHOOL_ID,
      departmentId: DEMO_DEPARTMENT_ID,
      name: 'МАОУ СОШ № 53',
      shortName: 'СОШ № 53',
      city: 'Краснодар',
      timeZone: DEMO_TIME_ZONE,
    },
    yearId: DEMO_YEAR_ID,
    classes,
    staff,
    students,
    parents,
  };
}

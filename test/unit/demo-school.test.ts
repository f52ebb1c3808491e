/**
 * The demo school generator (issue 2, item 5): its items hang together the way the repositories
 * and the access rules expect.
 */
import { describe, expect, it } from 'vitest';
import type { RoleGrant } from '../../shared/auth/roles';
import { REGULATION_LOCK_DAYS } from '../../shared/domain/settings';
import { keys, sortName } from '../../shared/db/keys';
import { buildDemoModel, buildDemoSchool, demoItems, demoLogins, FIXED_LOGINS } from '../../shared/demo/index';
import { BOYS_NAMES, femaleSurname, GIRLS_NAMES, SURNAMES } from '../../shared/demo/names';
import type { Account } from '../../shared/repos/accounts';
import type { SchoolClass, StudentCard } from '../../shared/repos/school';

const now = new Date('2026-11-29T05:00:00Z');
const HASH = 'scrypt$131072$8$1$c2FsdA==$a2V5';
// The people as generated, before this year's movements (test/integration/people-demo covers those).
const base = (at: Date) => {
  const model = buildDemoModel({ now: at });
  return { items: demoItems(model, HASH), logins: demoLogins(model) };
};
const demo = base(now);

type Stored<T> = T & { pk: string; sk: string; type: string; gsi1pk?: string; gsi1sk?: string; gsi2pk?: string; gsi2sk?: string };
const ofType = <T>(type: string) => demo.items.filter((i) => i.type === type) as Array<Stored<T>>;
const classes = ofType<SchoolClass>('class');
const cards = ofType<StudentCard>('studentCard');
const accounts = ofType<Account>('account');
const guards = ofType<{ userId: string }>('loginGuard');
const byLogin = new Map(accounts.map((a) => [a.login, a]));
const byUser = new Map(accounts.map((a) => [a.userId, a]));
const classById = new Map(classes.map((c) => [c.classId, c]));
const cardById = new Map(cards.map((c) => [c.studentId, c]));
const grantsOf = <R extends RoleGrant['role']>(a: Account, role: R) =>
  a.grants.filter((g): g is Extract<RoleGrant, { role: R }> => g.role === role);

describe('demo school items', () => {
  it('should give every item a pk, sk and type, with no two items on the same key', () => {
    for (const i of demo.items) {
      expect(typeof i.pk, JSON.stringify(i)).toBe('string');
      expect(typeof i.sk, JSON.stringify(i)).toBe('string');
      expect(typeof i.type, JSON.stringify(i)).toBe('string');
      expect(Object.values(i)).not.toContain(undefined);
    }
    const ids = demo.items.map((i) => `${i.pk}|${i.sk}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should be deterministic for the same input', () => {
    expect(base(new Date(now))).toEqual(demo);
    const a = buildDemoSchool({ passwordHash: HASH, now });
    const b = buildDemoSchool({ passwordHash: HASH, now: new Date(now) });
    expect(b.items).toEqual(a.items);
    expect(b.logins).toEqual(a.logins);
  });

  it('should hold the Krasnodar department with the regulation lock days and school No. 53', () => {
    const dep = demo.items.find((i) => i.type === 'department')!;
    expect(dep).toMatchObject({ ...keys.department('krd'), departmentId: 'krd', lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false });
    expect(dep.name).toBe('Департамент образования администрации МО г. Краснодар');
    const school = demo.items.find((i) => i.type === 'school')!;
    expect(school).toMatchObject({
      ...keys.school('krd', 'sch53'),
      schoolId: 'sch53',
      departmentId: 'krd',
      name: 'МАОУ СОШ № 53',
      shortName: 'СОШ № 53',
      city: 'Краснодар',
      timeZone: 'Europe/Moscow',
    });
  });

  it('should have grades 1-11 with two parallel classes in grades 1, 5, 9 and 10, 20-28 pupils each', () => {
    for (const c of classes) {
      expect(c).toMatchObject({ ...keys.class('sch53', c.classId), schoolId: 'sch53', yearId: '2026' });
      expect(c.classId).toMatch(/^(1[01]|[1-9])[a-z]$/);
      expect(c.classId).toBe(`${c.grade}${({ А: 'a', Б: 'b' } as Record<string, string>)[c.letter]}`);
    }
    expect(new Set(classes.map((c) => c.grade))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    for (const grade of [1, 5, 9, 10]) {
      expect(classes.filter((c) => c.grade === grade).map((c) => c.letter).sort()).toEqual(['А', 'Б']);
    }
    for (const c of classes) {
      const size = cards.filter((s) => s.classId === c.classId).length;
      expect(size, c.classId).toBeGreaterThanOrEqual(20);
      expect(size, c.classId).toBeLessThanOrEqual(28);
    }
    expect(cards.length).toBeGreaterThan(500);
    expect(cards.length).toBeLessThan(600);
  });

  it('should put every student in an existing class, with a matching account and index keys', () => {
    const studentAccounts = accounts.filter((a) => a.kind === 'student');
    expect(studentAccounts).toHaveLength(cards.length);
    for (const card of cards) {
      expect(classById.has(card.classId)).toBe(true);
      expect(card).toMatchObject(keys.studentCard('sch53', card.studentId));
      expect(card).toMatchObject(keys.studentsOfClass('sch53', card.classId, sortName(card.lastName, card.firstName), card.studentId));
    }
    for (const a of studentAccounts) {
      const [grant, ...more] = grantsOf(a, 'student');
      expect(more).toHaveLength(0);
      const card = cardById.get(grant!.studentId)!;
      expect(card).toBeDefined();
      expect(a.classId).toBe(card.classId);
      expect(a).toMatchObject({ schoolId: 'sch53', departmentId: 'krd', lastName: card.lastName, firstName: card.firstName });
    }
  });

  it('should give students names whose surname and patronymic agree with their gender, born to fit their grade', () => {
    const male = new Set(SURNAMES);
    const female = new Set(SURNAMES.map(femaleSurname));
    for (const s of cards) {
      const boy = BOYS_NAMES.includes(s.firstName);
      expect(boy || GIRLS_NAMES.includes(s.firstName), s.firstName).toBe(true);
      expect(s.middleName, `${s.lastName} ${s.firstName} ${s.middleName}`).toMatch(boy ? /(ич)$/ : /(на)$/);
      expect((boy ? male : female).has(s.lastName), s.lastName).toBe(true);
      const grade = classById.get(s.classId)!.grade;
      const year = Number(s.birthDate.slice(0, 4));
      expect(s.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(year === 2019 - (grade - 1) || (year === 2018 - (grade - 1) && s.birthDate.slice(5) >= '10-01'), `${s.classId} ${s.birthDate}`).toBe(true);
    }
    // Grade 1 is born in ~2019.
    const firstGraders = cards.filter((s) => classById.get(s.classId)!.grade === 1);
    expect(firstGraders.filter((s) => s.birthDate.startsWith('2019')).length / firstGraders.length).toBeGreaterThan(0.6);
  });

  it('should link parents and children both ways, with some parents of two children in different classes', () => {
    const parents = accounts.filter((a) => a.kind === 'parent');
    for (const p of parents) {
      const grants = grantsOf(p, 'parent');
      expect(grants.length).toBeGreaterThan(0);
      expect(p.grants).toHaveLength(grants.length);
      for (const g of grants) {
        expect(g.schoolId).toBe('sch53');
        const child = cardById.get(g.studentId);
        expect(child, `${p.login} -> ${g.studentId}`).toBeDefined();
        expect(child!.parentIds).toContain(p.userId);
      }
      expect(p.classId).toBe(cardById.get(grants[0]!.studentId)!.classId);
    }
    for (const card of cards) {
      expect(card.parentIds.length).toBeGreaterThan(0);
      for (const id of card.parentIds) {
        const p = byUser.get(id)!;
        expect(p.kind).toBe('parent');
        expect(grantsOf(p, 'parent').map((g) => g.studentId)).toContain(card.studentId);
      }
    }
    const twoClasses = parents.filter((p) => new Set(grantsOf(p, 'parent').map((g) => cardById.get(g.studentId)!.classId)).size > 1);
    expect(twoClasses.length).toBeGreaterThan(5);
  });

  it('should give every class a class teacher who holds the classTeacher grant for it', () => {
    for (const c of classes) {
      const t = byUser.get(c.classTeacherId!)!;
      expect(t, c.classId).toBeDefined();
      expect(t.kind).toBe('staff');
      expect(t.grants).toContainEqual({ role: 'classTeacher', schoolId: 'sch53', classId: c.classId });
      expect(t.grants).toContainEqual({ role: 'teacher', schoolId: 'sch53' });
      expect(c.classTeacherName).toBe([t.lastName, t.firstName, t.middleName].join(' '));
    }
    const leads = accounts.flatMap((a) => grantsOf(a, 'classTeacher').map((g) => g.classId));
    expect(leads.sort()).toEqual(classes.map((c) => c.classId).sort());
  });

  it('should have a full staff with positions and a department specialist without a school', () => {
    const staff = accounts.filter((a) => a.kind === 'staff');
    expect(staff.length).toBeGreaterThanOrEqual(30);
    expect(staff.length).toBeLessThanOrEqual(40);
    for (const s of staff) {
      expect(s.position, s.login).toBeTruthy();
      expect(s.schoolId).toBe('sch53');
    }
    const roles = (role: string) => staff.filter((s) => s.grants.some((g) => g.role === role));
    expect(roles('director')).toHaveLength(1);
    expect(roles('deputy').map((s) => s.position).sort()).toEqual([
      'заместитель директора по воспитательной работе',
      'заместитель директора по учебной работе',
    ]);
    expect(roles('secretary')).toHaveLength(1);
    expect(roles('administrator')).toHaveLength(1);
    expect(staff.some((s) => s.position === 'учитель математики')).toBe(true);
    const uo = byLogin.get('uo')!;
    expect(uo).toMatchObject({ kind: 'department', departmentId: 'krd', grants: [{ role: 'department', departmentId: 'krd' }] });
    expect(uo.schoolId).toBeUndefined();
    expect(uo.gsi2pk).toBeUndefined();
  });

  it('should give unique ascii logins and userIds, each with its login guard', () => {
    expect(new Set(accounts.map((a) => a.login)).size).toBe(accounts.length);
    expect(new Set(accounts.map((a) => a.userId)).size).toBe(accounts.length);
    for (const a of accounts) {
      expect(a.login).toMatch(/^[a-z0-9.]+$/);
      expect(a.userId).toMatch(/^[a-z0-9_-]{1,64}$/);
      expect(a.version).toBe(1);
      expect(a).toMatchObject({ ...keys.account(a.userId), ...keys.accountByLogin(a.login) });
    }
    expect(guards).toHaveLength(accounts.length);
    for (const g of guards) expect(byUser.get(g.userId)).toMatchObject({ login: g.pk.replace(/^LOGIN#/, '') });
    expect(accounts.length).toBeGreaterThan(700);
  });

  it('should make the fixed demo logins active with the demo hash and leave everyone else pending', () => {
    expect(demo.logins.map((l) => l.login)).toEqual([...FIXED_LOGINS]);
    for (const l of demo.logins) {
      expect(byLogin.get(l.login), l.login).toMatchObject({ status: 'active', passwordHash: HASH });
      expect(l.role).toMatch(/[А-Яа-яЁё]/);
      expect(l.who).toMatch(/[А-Яа-яЁё]/);
    }
    const fixed = new Set<string>(FIXED_LOGINS);
    for (const a of accounts.filter((x) => !fixed.has(x.login))) {
      expect(a.status, a.login).toBe('pending');
      expect(a.passwordHash).toBeUndefined();
    }
  });

  it('should shape the fixed logins as the demo needs them', () => {
    const sch = 'sch53';
    expect(byLogin.get('director')!.grants).toEqual([{ role: 'director', schoolId: sch }]);
    expect(byLogin.get('deputy')!.position).toBe('заместитель директора по учебной работе');
    expect(byLogin.get('secretary')!.grants).toEqual([{ role: 'secretary', schoolId: sch }]);
    expect(byLogin.get('admin')!.grants).toEqual([{ role: 'administrator', schoolId: sch }]);
    const teacher = byLogin.get('teacher')!;
    expect(teacher).toMatchObject({ position: 'учитель математики', grants: [{ role: 'teacher', schoolId: sch }] });
    const ct = byLogin.get('classteacher')!;
    expect(ct.grants).toContainEqual({ role: 'classTeacher', schoolId: sch, classId: '5a' });
    expect(ct.position).toMatch(/русского языка/);
    expect(classById.get('5a')!.classTeacherId).toBe(ct.userId);

    const childClasses = (login: string) => grantsOf(byLogin.get(login)!, 'parent').map((g) => cardById.get(g.studentId)!.classId);
    expect(childClasses('parent')).toEqual(['5a', '8b']);
    expect(byLogin.get('parent')!.classId).toBe('5a');
    expect(childClasses('parent2')).toEqual(['5a']);

    const student = byLogin.get('student')!;
    const [grant] = grantsOf(student, 'student');
    expect(grant!.studentId).not.toBe(student.userId);
    expect(cardById.get(grant!.studentId)).toMatchObject({ classId: '5a', consentRecordedAt: expect.any(String) });

    // A second plain teacher for the tests that need two; nobody's class teacher.
    expect(byLogin.get('teacher2')!.grants).toEqual([{ role: 'teacher', schoolId: sch }]);
    // The inspector reads only, as temporary access on an application does in the product.
    const inspector = byLogin.get('inspector')!;
    expect(inspector).toMatchObject({ kind: 'staff', activeUntil: '2026-12-29', temporary: true, application: { number: '14-М', date: '2026-11-27' } });
    expect(inspector.grants).toEqual([{ role: 'viewer', schoolId: sch, classIds: 'all', areas: ['journal', 'reports'], until: '2026-12-29' }]);
  });

  it('should record consent for most students but not a few, one of them in 5А', () => {
    const without = cards.filter((c) => !c.consentRecordedAt);
    expect(without.length).toBeGreaterThan(0);
    expect(without.length / cards.length).toBeLessThan(0.1);
    expect(without.some((c) => c.classId === '5a')).toBe(true);
    for (const c of cards.filter((x) => x.consentRecordedAt)) {
      expect(Date.parse(c.consentRecordedAt!)).toBeLessThan(now.getTime());
    }
    // The fixed families can all be issued codes and sign in.
    for (const login of ['parent', 'parent2', 'student']) {
      for (const g of byLogin.get(login)!.grants) {
        if ('studentId' in g) expect(cardById.get(g.studentId)!.consentRecordedAt).toBeTruthy();
      }
    }
  });

  it('should move the temporary access end with now but keep the people', () => {
    const later = base(new Date('2027-02-10T21:30:00Z'));
    const acc = (d: typeof demo, login: string) => d.items.find((i) => i.type === 'account' && i.login === login)!;
    // 21:30 UTC is already 11 February in Moscow (in UTC it would give 12 March).
    expect(acc(later, 'inspector').activeUntil).toBe('2027-03-13');
    expect(later.logins.map((l) => l.who).slice(0, 10)).toEqual(demo.logins.map((l) => l.who).slice(0, 10));
    expect(later.items.filter((i) => i.type === 'account').map((i) => i.login)).toEqual(accounts.map((a) => a.login));
  });
});

describe('the demo school set-up part (issue 3 item 7)', () => {
  const full = buildDemoSchool({ passwordHash: HASH, now });
  const setUp = full.setUp();
  const count = (type: string) => setUp.filter((i) => i.type === type).length;

  it('should only add items, never replace one of the people part', () => {
    const people = new Set(full.items.map((i) => `${i.pk}|${i.sk}`));
    const added = setUp.map((i) => `${i.pk}|${i.sk}`);
    expect(added.filter((k) => people.has(k))).toEqual([]);
    expect(new Set(added).size).toBe(added.length);
  });

  it('should hold a curriculum, a timetable with lessons, KTPs, assessments and a kept journal', () => {
    for (const type of ['subject', 'loadLine', 'subgroups', 'timetableSlot', 'lesson', 'ktp', 'assessment', 'mark', 'attendance', 'changeLog']) {
      expect(count(type), type).toBeGreaterThan(0);
    }
  });
});

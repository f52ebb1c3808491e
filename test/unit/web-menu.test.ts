/**
 * The app shell's menu (web/src/lib/shell/menu.ts): per role, the links it offers are the home
 * cards' working sections plus the screens reached only from lists, each under the server's `may`;
 * the school being looked at; breadcrumbs as the way back.
 */
import { describe, expect, it } from 'vitest';
import { breadcrumbs, currentItem, currentSchool, menuFor, roleTitles, schoolsOf, type MenuGroup } from '../../web/src/lib/shell/menu';
import type { Me, RoleGrant } from '../../web/src/lib/types';

const S53 = { schoolId: 'sch53', name: 'МАОУ СОШ № 53' };
const S7 = { schoolId: 'sch7', name: 'МБОУ СОШ № 7' };

function me(grants: RoleGrant[], extra: Partial<Me> = {}): Me {
  return { userId: 'u-1', login: 'someone', displayName: 'Иванова Анна Петровна', departmentId: 'krd', grants, csrfToken: 'csrf', children: [], schools: [S53, S7], ...extra };
}

const links = (groups: MenuGroup[]) => groups.map((g) => [g.title, g.items.map((i) => `${i.title} ${i.href}`)]);
const hrefs = (groups: MenuGroup[]) => groups.flatMap((g) => g.items.map((i) => i.href));
const at = (address: string) => new URL(address, 'https://journal.example');

describe('menuFor', () => {
  it('should give the director every class journal and the school screens a director may read', () => {
    expect(links(menuFor(me([{ role: 'director', schoolId: 'sch53' }]), 'sch53'))).toEqual([
      ['Директор', [
        'Журналы всех классов /journal?school=sch53',
        'Итоговые отметки /final-marks?school=sch53',
        'Отчёты /reports?school=sch53',
        'Проверки электронного журнала /reports/checks?school=sch53',
        'Архив документов /archive?school=sch53',
        'Закрытие периодов /period-close?school=sch53',
        'Заявки на корректировку /corrections?school=sch53',
        'Реестр выданных логинов /schools/sch53/logins',
        'Доступ к персональным данным /people/sch53/personal-data',
        'Настройки школы /settings',
        'Учебный год /year',
        'Классы и списки /people/sch53/classes',
        'Движение обучающихся /people/sch53/movements',
        'Сотрудники и доступ /people/sch53/staff',
        'Расписание /timetable?school=sch53',
        'КТП /ktp?school=sch53',
        'График оценочных процедур /assessments?school=sch53',
        'Мероприятия /events?school=sch53',
        'Сообщения /messages?school=sch53',
      ]],
    ]);
  });

  it('should give the deputy every class journal beside the curriculum, timetable and KTP approval', () => {
    const groups = menuFor(me([{ role: 'deputy', schoolId: 'sch53' }]), 'sch53');
    expect(hrefs(groups)).toEqual([
      '/journal?school=sch53',
      '/final-marks?school=sch53',
      '/reports?school=sch53',
      '/reports/checks?school=sch53',
      '/archive?school=sch53',
      '/period-close?school=sch53',
      '/corrections?school=sch53',
      '/settings',
      '/year',
      '/people/sch53/classes',
      '/people/sch53/movements',
      '/curriculum?school=sch53',
      '/curriculum/subgroups?school=sch53',
      '/curriculum/substitutes?school=sch53',
      '/timetable?school=sch53',
      '/timetable/changes?school=sch53',
      '/ktp?school=sch53',
      '/assessments?school=sch53',
      '/journal/exams?school=sch53',
      '/events?school=sch53',
      '/messages?school=sch53',
    ]);
    expect(groups[0]!.items.find((i) => i.href === '/journal?school=sch53')?.title).toBe('Журналы всех классов');
  });

  it('should give the secretary personal files, import, movements and exams, and no journal', () => {
    expect(hrefs(menuFor(me([{ role: 'secretary', schoolId: 'sch53' }]), 'sch53'))).toEqual([
      '/people/sch53',
      '/people/sch53/import',
      '/people/sch53/movements',
      '/journal/exams?school=sch53',
      '/paper-reports?school=sch53',
      '/messages?school=sch53',
    ]);
  });

  it('should give the administrator the login register, staff codes, staff and classes, and no journal', () => {
    expect(hrefs(menuFor(me([{ role: 'administrator', schoolId: 'sch53' }]), 'sch53'))).toEqual([
      '/schools/sch53/logins',
      '/people/sch53/personal-data',
      '/people/sch53/personal-data/check',
      '/people/sch53/codes',
      '/people/sch53/staff',
      '/people/sch53/classes',
      '/messages?school=sch53',
    ]);
  });

  it('should give the department specialist the lock settings and the list of its schools, each with its settings', () => {
    const uo = me([{ role: 'department', departmentId: 'krd' }]);
    expect(links(menuFor(uo, null))).toEqual([
      ['Специалист управления образования', [
        'Настройки блокировок /settings',
        'Школы управления /schools',
        'Заявки на корректировку /corrections',
        'Отчёты по школам /reports/schools',
      ]],
    ]);
    // Another department's specialist is offered nothing of this one.
    expect(menuFor({ ...uo, grants: [{ role: 'department', departmentId: 'other' }] }, null)).toEqual([]);
  });

  it('should give a subject teacher the journal, their timetable and their KTPs', () => {
    expect(hrefs(menuFor(me([{ role: 'teacher', schoolId: 'sch53' }]), 'sch53'))).toEqual([
      '/final-marks?school=sch53',
      '/journal?school=sch53',
      '/timetable/teacher?school=sch53',
      '/ktp?school=sch53',
      '/corrections?school=sch53',
      '/messages?school=sch53',
    ]);
  });

  it('should list a class teacher group, named after the class, first, and each link once', () => {
    const groups = menuFor(me([{ role: 'teacher', schoolId: 'sch53' }, { role: 'classTeacher', schoolId: 'sch53', classId: '5a' }]), 'sch53', {
      classNames: { 'sch53/5a': '5А' },
    });
    expect(groups.map((g) => [g.title, g.scope])).toEqual([
      ['Классный руководитель', 'Класс 5А · МАОУ СОШ № 53'],
      ['Учитель', 'МАОУ СОШ № 53'],
    ]);
    expect(groups[0]!.items[0]).toEqual({ key: 'journal', title: 'Классный журнал', href: '/journal?school=sch53' });
    expect(groups[1]!.items.map((i) => i.href)).toEqual(['/timetable/teacher?school=sch53', '/ktp?school=sch53']);
    // Messages (with their unread badge) and surveys once, in the class teacher's group.
    expect(groups[0]!.items.filter((i) => i.key === 'messages' || i.key === 'surveys')).toEqual([
      { key: 'messages', title: 'Сообщения', href: '/messages?school=sch53', unreadIn: 'sch53' },
      { key: 'surveys', title: 'Опросы', href: '/surveys?school=sch53' },
    ]);
    // The correction register is the class teacher's item too (the teacher's is the same link).
    expect(groups[0]!.items.find((i) => i.key === 'corrections')).toEqual({ key: 'corrections', title: 'Заявки на корректировку', href: '/corrections?school=sch53', waitingIn: 'sch53' });
    // Absence documents (clause 3.7): the class teacher's own class; the subject teacher has none.
    expect(groups[0]!.items.find((i) => i.key === 'absence-documents')).toEqual({ key: 'absence-documents', title: 'Справки об отсутствии', href: '/absence-documents?school=sch53&class=5a' });
    expect(groups[1]!.items.some((i) => i.key === 'absence-documents')).toBe(false);
    const all = hrefs(groups);
    expect(new Set(all).size).toBe(all.length);
  });

  it('should give parents and students their diary and marks for the period: a parent each child\'s diary too, a student each screen once', () => {
    const parent = menuFor(me([{ role: 'parent', schoolId: 'sch53', studentId: 'st-1' }]), 'sch53');
    expect(parent.flatMap((g) => g.items.map((i) => [i.title, i.href]))).toEqual([
      ['Дневник', '/diary'],
      ['Отметки за период', '/marks'],
      ['Обучающийся', '/diary?student=st-1'],
      ['Сообщения', '/messages?school=sch53'],
      ['Опросы', '/surveys?school=sch53'],
    ]);
    expect(hrefs(menuFor(me([{ role: 'student', schoolId: 'sch53', studentId: 'st-1' }]), 'sch53'))).toEqual(['/diary', '/marks', '/messages?school=sch53']);
  });

  it('should show only the school being looked at, and the department group in any case', () => {
    const person = me([{ role: 'department', departmentId: 'krd' }, { role: 'teacher', schoolId: 'sch53' }, { role: 'director', schoolId: 'sch7' }], { schools: [S53, S7] });
    expect(menuFor(person, 'sch7').map((g) => g.title)).toEqual(['Специалист управления образования', 'Директор']);
    expect(menuFor(person, 'sch53').map((g) => g.title)).toEqual(['Специалист управления образования', 'Учитель']);
    expect(roleTitles(person, 'sch53')).toEqual(['Специалист управления образования', 'Учитель']);
  });
});

describe('currentSchool', () => {
  const person = me([{ role: 'teacher', schoolId: 'sch53' }, { role: 'deputy', schoolId: 'sch7' }]);

  it('should take the school the address names when the person works there', () => {
    expect(currentSchool(person, at('/journal?school=sch7'), 'sch53')).toBe('sch7');
    expect(currentSchool(person, at('/people/sch7/classes'), null)).toBe('sch7');
    expect(currentSchool(person, at('/schools/sch7/logins'), null)).toBe('sch7');
  });

  it('should fall back to the remembered choice, then to the first school, never to a stranger one', () => {
    expect(currentSchool(person, at('/'), 'sch7')).toBe('sch7');
    expect(currentSchool(person, at('/journal?school=sch99'), 'sch99')).toBe('sch53');
    expect(currentSchool(me([{ role: 'department', departmentId: 'krd' }]), at('/'), null)).toBeNull();
  });

  it('should offer a school switch only to a person with several schools', () => {
    expect(schoolsOf(person).map((s) => s.name)).toEqual(['МАОУ СОШ № 53', 'МБОУ СОШ № 7']);
    expect(schoolsOf(me([{ role: 'teacher', schoolId: 'sch53' }, { role: 'classTeacher', schoolId: 'sch53', classId: '5a' }]))).toHaveLength(1);
  });
});

describe('breadcrumbs', () => {
  const groups = menuFor(me([{ role: 'deputy', schoolId: 'sch53' }]), 'sch53');

  it('should lead from a journal page back to every class journal, then home', () => {
    expect(breadcrumbs(groups, at('/journal/5a/math/q1?school=sch53'))).toEqual([
      { title: 'Главная', href: '/' },
      { title: 'Журналы всех классов', href: '/journal?school=sch53' },
    ]);
    expect(currentItem(groups, at('/journal/5a/math/q1?school=sch53'))?.href).toBe('/journal?school=sch53');
  });

  it('should lead from a menu screen (with more in its address) home, and from home nowhere', () => {
    expect(breadcrumbs(groups, at('/timetable?school=sch53&class=5a'))).toEqual([{ title: 'Главная', href: '/' }]);
    expect(currentItem(groups, at('/timetable/changes?school=sch53'))?.href).toBe('/timetable/changes?school=sch53');
    expect(breadcrumbs(groups, at('/'))).toEqual([]);
  });

  it('should add the screens a deep screen names between the menu item and itself, each once', () => {
    const secretary = menuFor(me([{ role: 'secretary', schoolId: 'sch53' }]), 'sch53');
    const trail = [{ title: 'Класс 5А', href: '/people/sch53/classes/5a' }];
    expect(breadcrumbs(secretary, at('/people/sch53/students/st-1'), trail)).toEqual([
      { title: 'Главная', href: '/' },
      { title: 'Личные дела обучающихся', href: '/people/sch53' },
      { title: 'Класс 5А', href: '/people/sch53/classes/5a' },
    ]);
    expect(breadcrumbs(groups, at('/people/sch53/classes/5a'), [{ title: 'Классы и списки', href: '/people/sch53/classes' }])).toEqual([
      { title: 'Главная', href: '/' },
      { title: 'Классы и списки', href: '/people/sch53/classes' },
    ]);
  });

  it('should not put a screen of another school under this school menu', () => {
    expect(breadcrumbs(groups, at('/journal/5a/math/q1?school=sch7'))).toEqual([{ title: 'Главная', href: '/' }]);
  });
});

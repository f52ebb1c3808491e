/**
 * The home screen's cards (web/src/lib/home.ts): one per role with its scope, and the sections
 * each role may open. Later issues turn «скоро» sections into links here.
 */
import { describe, expect, it } from 'vitest';
import { HOME_TEXT, sectionsFor, type HomeCard } from '../../web/src/lib/home';
import type { Me, RoleGrant } from '../../web/src/lib/types';

const SCHOOL = { schoolId: 'sch53', name: 'МАОУ СОШ № 53' };

function me(grants: RoleGrant[], extra: Partial<Me> = {}): Me {
  return {
    userId: 'u-1',
    login: 'someone',
    displayName: 'Иванова Анна Петровна',
    departmentId: 'krd',
    grants,
    csrfToken: 'csrf',
    children: [],
    schools: [SCHOOL],
    ...extra,
  };
}

const summary = (cards: HomeCard[]) =>
  cards.map((c) => ({ role: c.role, title: c.title, scope: c.scope, sections: c.sections.map((s) => [s.title, s.href ?? 'скоро']) }));

describe('sectionsFor', () => {
  it('should give read-only access the journal when it names the journal, and nothing to change', () => {
    const viewer = (areas: Array<'journal' | 'reports' | 'people'>) => sectionsFor(me([{ role: 'viewer', schoolId: 'sch53', classIds: ['5a'], areas, until: '2026-12-31' }]));
    expect(summary(viewer(['journal']))).toEqual([{ role: 'viewer', title: 'Просмотр (временный доступ)', scope: 'МАОУ СОШ № 53', sections: [['Классный журнал', '/journal?school=sch53']] }]);
    expect(summary(viewer(['reports']))[0]!.sections).toEqual([]);
  });

  it('should give a subject teacher the journal, their timetable and their KTPs', () => {
    expect(summary(sectionsFor(me([{ role: 'teacher', schoolId: 'sch53' }])))).toEqual([
      { role: 'teacher', title: 'Учитель', scope: 'МАОУ СОШ № 53', sections: [
          ['Классный журнал', '/journal?school=sch53'],
          ['Моё расписание', '/timetable/teacher?school=sch53'],
          ['КТП', '/ktp?school=sch53'],
          ['Заявки на корректировку', '/corrections?school=sch53'],
        ] },
    ]);
  });

  it('should put a class teacher card, named after the class, before the same person teacher card', () => {
    const cards = sectionsFor(me([{ role: 'teacher', schoolId: 'sch53' }, { role: 'classTeacher', schoolId: 'sch53', classId: '5a' }]), {
      classNames: { 'sch53/5a': '5А' },
    });
    expect(summary(cards)).toEqual([
      {
        role: 'classTeacher',
        title: 'Классный руководитель',
        scope: 'Класс 5А · МАОУ СОШ № 53',
        sections: [
          ['Мой класс', '/people/sch53/classes/5a'],
          ['Отчёты', '/reports?school=sch53'],
          ['Коды активации для учеников и родителей', '/people/sch53/codes?class=5a'],
          ['Незаполненные уроки класса', '/journal/check/5a?school=sch53'],
          ['Мероприятия класса', '/events?school=sch53&class=5a'],
          ['Расписание', '/timetable?school=sch53&class=5a'],
          ['Подгруппы', '/curriculum/subgroups?school=sch53&class=5a'],
          ['Бумажные отчёты для родителей', '/paper-reports?school=sch53&class=5a'],
          ['КТП', '/ktp?school=sch53&class=5a'],
          ['График оценочных процедур', '/assessments?school=sch53&class=5a'],
          ['Справки об отсутствии', '/absence-documents?school=sch53&class=5a'],
          ['Заявки на корректировку', '/corrections?school=sch53'],
        ],
      },
      { role: 'teacher', title: 'Учитель', scope: 'МАОУ СОШ № 53', sections: [
          ['Классный журнал', '/journal?school=sch53'],
          ['Моё расписание', '/timetable/teacher?school=sch53'],
          ['КТП', '/ktp?school=sch53'],
          ['Заявки на корректировку', '/corrections?school=sch53'],
        ] },
    ]);
  });

  it('should fall back to the class id when the class name is unknown', () => {
    const [card] = sectionsFor(me([{ role: 'classTeacher', schoolId: 'sch53', classId: '5a' }]));
    expect(card?.scope).toBe('Класс 5a · МАОУ СОШ № 53');
  });

  it('should give the administrator the working register of logins and staff activation codes', () => {
    expect(summary(sectionsFor(me([{ role: 'administrator', schoolId: 'sch53' }])))).toEqual([
      {
        role: 'administrator',
        title: 'Администратор',
        scope: 'МАОУ СОШ № 53',
        sections: [
          ['Реестр выданных логинов', '/schools/sch53/logins'],
          ['Доступ к персональным данным', '/people/sch53/personal-data'],
          ['Проверка персональных данных', '/people/sch53/personal-data/check'],
          ['Коды активации сотрудникам', '/people/sch53/codes'],
          ['Сотрудники и доступ', '/people/sch53/staff'],
          ['Классы и списки', '/people/sch53/classes'],
        ],
      },
    ]);
  });

  it('should give the director reports, the register, the school settings and the year', () => {
    const [card] = sectionsFor(me([{ role: 'director', schoolId: 'sch53' }]));
    expect(card?.title).toBe('Директор');
    expect(card?.sections.map((s) => [s.title, s.href ?? 'скоро', s.detail])).toEqual([
      ['Отчёты', '/reports?school=sch53', 'сводная ведомость и итоги успеваемости класса: на экране, в PDF и XLSX'],
      ['Проверки электронного журнала', '/reports/checks?school=sch53', 'справки по итогам проверок, п. 8.2–8.4'],
      ['Архив документов', '/archive?school=sch53', 'ведомости и журналы на хранении, утверждение, контрольные суммы'],
      ['Закрытие периодов', '/period-close?school=sch53', 'ход закрытия по классам, что не было заполнено, сохранённые документы'],
      ['Заявки на корректировку', '/corrections?school=sch53', undefined],
      ['Реестр выданных логинов', '/schools/sch53/logins', undefined],
      ['Доступ к персональным данным', '/people/sch53/personal-data', undefined],
      ['Настройки школы', '/settings', 'блокировки, веса отметок, пороги, контрольные'],
      ['Учебный год', '/year', 'четверти, полугодия, каникулы'],
      ['Классы и списки', '/people/sch53/classes', undefined],
      ['Движение обучающихся', '/people/sch53/movements', undefined],
      ['Сотрудники и доступ', '/people/sch53/staff', undefined],
      ['Расписание', '/timetable?school=sch53', undefined],
      ['КТП', '/ktp?school=sch53', undefined],
      ['График оценочных процедур', '/assessments?school=sch53', undefined],
      ['Мероприятия', '/events?school=sch53', 'для школы, параллели или класса'],
    ]);
  });

  it('should give a deputy reports but not the register of logins', () => {
    const [card] = sectionsFor(me([{ role: 'deputy', schoolId: 'sch53' }]));
    expect(card?.title).toBe('Заместитель директора');
    expect(card?.sections.map((s) => s.title)).toEqual([
      'Отчёты', 'Проверки электронного журнала', 'Архив документов', 'Закрытие периодов', 'Заявки на корректировку', 'Настройки школы', 'Учебный год', 'Классы и списки', 'Движение обучающихся', 'Учебный план и нагрузка', 'Подгруппы',
      'Замещения', 'Расписание', 'Изменения в расписании', 'КТП классов и утверждение', 'График оценочных процедур', 'Результаты ОГЭ, ЕГЭ, ГВЭ',
      'Мероприятия',
    ]);
    expect(card?.sections.map((s) => s.title)).not.toContain('Реестр выданных логинов');
    expect(card?.sections[0]?.href).toBe('/reports?school=sch53');
  });

  it('should give the secretary the personal files, the class-list import, movement and exam results', () => {
    expect(summary(sectionsFor(me([{ role: 'secretary', schoolId: 'sch53' }])))).toEqual([
      {
        role: 'secretary',
        title: 'Секретарь',
        scope: 'МАОУ СОШ № 53',
        sections: [
          ['Личные дела обучающихся', '/people/sch53'],
          ['Загрузка списков классов', '/people/sch53/import'],
          ['Движение обучающихся', '/people/sch53/movements'],
          ['Результаты ОГЭ, ЕГЭ, ГВЭ', '/journal/exams?school=sch53'],
          ['Бумажные отчёты для родителей', '/paper-reports?school=sch53'],
        ],
      },
    ]);
  });

  it('should give the department specialist the lock settings of the department', () => {
    expect(summary(sectionsFor(me([{ role: 'department', departmentId: 'krd' }], { schools: [] })))).toEqual([
      {
        role: 'department',
        title: 'Специалист управления образования',
        scope: 'Управление образования: все школы',
        sections: [
          ['Настройки блокировок', '/settings'],
          ['Школы управления', '/schools'],
          ['Заявки на корректировку', '/corrections'],
          ['Отчёты по школам', '/reports/schools'],
        ],
      },
    ]);
  });

  it('should give a parent one card with each child by name and class, youngest class first', () => {
    const parent = me(
      [
        { role: 'parent', schoolId: 'sch53', studentId: 'st-1' },
        { role: 'parent', schoolId: 'sch53', studentId: 'st-2' },
      ],
      {
        children: [
          { studentId: 'st-2', schoolId: 'sch53', classId: '8b', displayName: 'Аксёнов Даниил', className: '8Б' },
          { studentId: 'st-1', schoolId: 'sch53', classId: '11a', displayName: 'Аксёнова Мария', className: '11А' },
        ],
      },
    );
    const cards = sectionsFor(parent);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.title).toBe('Родитель');
    expect(cards[0]?.sections.map((s) => [s.title, s.detail, s.href])).toEqual([
      ['Аксёнов Даниил, 8Б', 'Дневник', '/diary?student=st-2'],
      ['Аксёнова Мария, 11А', 'Дневник', '/diary?student=st-1'],
      ['Отметки за период', undefined, '/marks'],
    ]);
  });

  it('should still list a child whose card could not be read', () => {
    const [card] = sectionsFor(me([{ role: 'parent', schoolId: 'sch53', studentId: 'st-9' }]));
    expect(card?.sections[0]?.title).toBe(HOME_TEXT.unknownChild);
  });

  it('should give a student their own diary and marks for the period', () => {
    expect(summary(sectionsFor(me([{ role: 'student', schoolId: 'sch53', studentId: 'st-4' }])))).toEqual([
      { role: 'student', title: 'Обучающийся', scope: 'МАОУ СОШ № 53', sections: [['Мой дневник', '/diary'], ['Отметки за период', '/marks']] },
    ]);
  });

  it('should make one card per school for a role held in two schools, and name an unknown school by id', () => {
    const cards = sectionsFor(me([{ role: 'teacher', schoolId: 'sch53' }, { role: 'teacher', schoolId: 'sch7' }]));
    expect(cards.map((c) => c.scope)).toEqual(['МАОУ СОШ № 53', 'Школа sch7']);
  });

  it('should order cards from the department down to the student', () => {
    const cards = sectionsFor(
      me([
        { role: 'student', schoolId: 'sch53', studentId: 'st-4' },
        { role: 'teacher', schoolId: 'sch53' },
        { role: 'director', schoolId: 'sch53' },
        { role: 'department', departmentId: 'krd' },
      ]),
    );
    expect(cards.map((c) => c.role)).toEqual(['department', 'director', 'teacher', 'student']);
  });

  it('should offer nothing for a role this version does not know, and nothing without grants', () => {
    const unknown = { role: 'librarian', schoolId: 'sch53' } as unknown as RoleGrant;
    expect(sectionsFor(me([unknown]))).toEqual([]);
    expect(sectionsFor(me([]))).toEqual([]);
  });

  it('should give every card a unique key, and every section within a card a unique key', () => {
    const cards = sectionsFor(
      me([
        { role: 'administrator', schoolId: 'sch53' },
        { role: 'director', schoolId: 'sch53' },
        { role: 'teacher', schoolId: 'sch53' },
        { role: 'classTeacher', schoolId: 'sch53', classId: '5a' },
        { role: 'classTeacher', schoolId: 'sch53', classId: '6b' },
      ]),
    );
    expect(new Set(cards.map((c) => c.key)).size).toBe(cards.length);
    for (const c of cards) expect(new Set(c.sections.map((s) => s.key)).size).toBe(c.sections.length);
  });
});

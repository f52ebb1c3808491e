/**
 * Pure rules of the people area: names and dates as people type them, classes, the authorisation
 * rules of clause 5 (who keeps lists, who issues codes), the demo movements and the code sheet.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { may } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/roles';
import { buildDemoModel, demoItems } from '../../shared/demo/index';
import { demoPeopleItems, withDemoPeople } from '../../shared/demo/people';
import { birthDateProblem, classIdFor, classProblem, gradeAgeWarning, parseClassName } from '../../shared/domain/people-classes';
import { dateInZone, planningYearOf, ruDate } from '../../shared/domain/calendar';
import { ageOn, parseDateCell } from '../../shared/domain/people-dates';
import { loginBase, loginCandidates, nameProblem, normaliseName, personKey } from '../../shared/domain/people-names';
import { activationSheetDoc, renderActivationSheet } from '../../shared/reports/activation-sheet';

describe('names', () => {
  it('should tidy ALL-CAPS and lower-case names but keep deliberate mixed case', () => {
    expect(normaliseName('  ИВАНОВА-ПЕТРОВА ')).toBe('Иванова-Петрова');
    expect(normaliseName('анна  мария')).toBe('Анна Мария');
    expect(normaliseName('Гасан оглы')).toBe('Гасан оглы');
    expect(normaliseName('Иванов - Петров')).toBe('Иванов-Петров');
  });

  it('should demand Cyrillic names and say which field is wrong', () => {
    expect(nameProblem('lastName', '')).toBe('Не указано поле «Фамилия».');
    expect(nameProblem('middleName', '')).toBeNull();
    expect(nameProblem('firstName', 'Anna')).toMatch(/Имя «Anna»: нужно писать русскими буквами/);
    expect(nameProblem('lastName', 'Иванов2')).toMatch(/только русские буквы/);
    expect(nameProblem('lastName', "Д'Артаньян")).toBeNull();
  });

  it('should build a person key that ignores case and ё, and logins like the demo ones', () => {
    expect(personKey({ lastName: 'Алёшин', firstName: 'Пётр', birthDate: '2015-01-01' })).toBe(personKey({ lastName: 'АЛЕШИН', firstName: 'петр', middleName: '', birthDate: '2015-01-01' }));
    expect(loginBase({ lastName: 'Шевченко', firstName: 'Анна', middleName: 'Петровна' })).toBe('shevchenko.ap');
    expect(loginBase({ lastName: 'Ким', firstName: 'Ян' })).toBe('kim.ya');
    expect(loginCandidates('kim.ya', 3)).toEqual(['kim.ya', 'kim.ya2', 'kim.ya3']);
  });
});

describe('dates', () => {
  it('should read Russian dates, ISO dates, two-digit years and Excel serials, and refuse the rest', () => {
    expect(parseDateCell('1.9.2026')).toEqual({ ok: true, date: '2026-09-01' });
    expect(parseDateCell('01.09.15')).toEqual({ ok: true, date: '2015-09-01' });
    expect(parseDateCell('2015-09-01')).toEqual({ ok: true, date: '2015-09-01' });
    expect(parseDateCell(42248)).toEqual({ ok: true, date: '2015-09-01' });
    expect(parseDateCell(new Date(Date.UTC(2015, 8, 1) - 1))).toEqual({ ok: true, date: '2015-09-01' });
    expect(parseDateCell('29.02.2015', 'Дата рождения')).toEqual({ ok: false, message: 'Дата рождения «29.02.2015» не существует.' });
    expect(parseDateCell('', 'Дата рождения')).toEqual({ ok: false, message: 'Дата рождения: не указана.' });
  });

  it('should count age in full years and the school day in Moscow, not UTC', () => {
    expect(ageOn('2015-09-02', '2026-09-01')).toBe(10);
    expect(ageOn('2015-09-01', '2026-09-01')).toBe(11);
    expect(dateInZone(new Date('2026-08-31T21:30:00Z'), 'Europe/Moscow')).toBe('2026-09-01');
    expect(ruDate('2026-09-01')).toBe('01.09.2026');
    expect(planningYearOf('2026-05-31')).toBe('2025');
    expect(planningYearOf('2026-06-01')).toBe('2026');
  });
});

describe('classes', () => {
  it('should parse class names with Latin look-alikes and give ASCII ids like the demo', () => {
    expect(parseClassName('5А')).toEqual({ grade: 5, letter: 'А' });
    expect(parseClassName('11 б класс')).toEqual({ grade: 11, letter: 'Б' });
    expect(parseClassName('5A')).toEqual({ grade: 5, letter: 'А' });
    expect(parseClassName('12А')).toBeNull();
    expect(parseClassName('5Ъ')).toBeNull();
    expect([classIdFor(5, 'А'), classIdFor(8, 'Б'), classIdFor(10, 'Ж')]).toEqual(['5a', '8b', '10zh']);
    expect(classProblem(0, 'А')).toMatch(/от 1 до 11/);
    expect(classProblem(5, 'Q')).toMatch(/русская буква/);
  });

  it('should warn on an unusual age for the grade and refuse impossible ones', () => {
    expect(gradeAgeWarning('2015-05-01', 5, '2026-09-01')).toBeNull();
    expect(gradeAgeWarning('2017-05-01', 5, '2026-09-01')).toMatch(/9 лет, для 5 класса обычно 10–12/);
    expect(birthDateProblem('2022-05-01', '2026-09-01')).toMatch(/4 года/);
    expect(birthDateProblem('2000-05-01', '2026-09-01')).toMatch(/26 лет/);
  });
});

describe('people policy (clause 5)', () => {
  const sch = { departmentId: 'krd', schoolId: 'sch53' };
  const who = (grants: Principal['grants'], departmentId = 'krd'): Principal => ({ userId: 'u', departmentId, displayName: 'x', grants });
  const secretary = who([{ role: 'secretary', schoolId: 'sch53' }]);
  const admin = who([{ role: 'administrator', schoolId: 'sch53' }]);
  const director = who([{ role: 'director', schoolId: 'sch53' }]);
  const ct5a = who([{ role: 'teacher', schoolId: 'sch53' }, { role: 'classTeacher', schoolId: 'sch53', classId: '5a' }]);
  const teacher = who([{ role: 'teacher', schoolId: 'sch53' }]);
  const parent = who([{ role: 'parent', schoolId: 'sch53', studentId: 'st-1' }]);
  const otherAdmin = who([{ role: 'administrator', schoolId: 'sch7' }]);
  const student5a = { ...sch, classId: '5a', studentId: 'st-1' };
  const student5b = { ...sch, classId: '5b', studentId: 'st-2' };

  it('should let the secretary and the administrator keep lists, movement and imports, nobody else', () => {
    for (const action of ['student.move', 'student.update', 'import.run', 'class.write', 'student.create'] as const) {
      expect([action, may(secretary, action, student5a), may(admin, action, student5a)]).toEqual([action, true, true]);
      expect([action, may(director, action, student5a), may(ct5a, action, student5a), may(teacher, action, student5a), may(parent, action, student5a), may(otherAdmin, action, student5a)]).toEqual([action, false, false, false, false, false]);
    }
  });

  it('should let a class teacher record consent and issue the sheet of their own class only', () => {
    expect(may(ct5a, 'student.recordConsent', student5a)).toBe(true);
    expect(may(ct5a, 'student.recordConsent', student5b)).toBe(false);
    expect(may(ct5a, 'activationSheet.issueClass', { ...sch, classId: '5a' })).toBe(true);
    expect(may(ct5a, 'activationSheet.issueClass', { ...sch, classId: '5b' })).toBe(false);
    expect(may(admin, 'activationSheet.issueClass', { ...sch, classId: '5b' })).toBe(true);
    expect(may(secretary, 'activationSheet.issueClass', { ...sch, classId: '5b' })).toBe(false);
    expect(may(ct5a, 'student.readFull', student5a)).toBe(true);
    expect(may(ct5a, 'student.readFull', student5b)).toBe(false);
    expect(may(parent, 'student.readFull', student5a)).toBe(false);
  });

  it('should keep roles, temporary access and staff codes with the administrator (clauses 4.5, 5)', () => {
    for (const action of ['staff.setRoles', 'access.grantTemporary', 'activationSheet.issueStaff'] as const) {
      expect([action, may(admin, action, sch), may(secretary, action, sch), may(director, action, sch), may(otherAdmin, action, sch)]).toEqual([action, true, false, false, false]);
    }
    expect(may(secretary, 'staff.write', sch)).toBe(true);
    expect(may(director, 'staff.read', sch)).toBe(true);
    expect(may(teacher, 'staff.read', sch)).toBe(false);
    expect(may(who([{ role: 'secretary', schoolId: 'sch53' }], 'other'), 'staff.write', sch)).toBe(false);
  });
});

describe('demo movements', () => {
  const now = new Date('2027-02-01T09:00:00Z');
  const model = buildDemoModel({ now });
  const base = demoItems(model, 'hash');

  it('should transfer one 5А pupil to 5Б, enrol a newcomer in 6А and close a 7Б pupil with their parents', () => {
    const { items, plan } = demoPeopleItems(model, base, now);
    const moves = items.filter((i) => i.type === 'movement');
    expect(moves.map((m) => [m.kind, m.fromClassId, m.toClassId, m.date])).toEqual([
      ['transfer', '5a', '5b', '2026-10-05'],
      ['leave', '7b', undefined, '2026-11-16'],
      ['enrol', undefined, '6a', '2026-11-09'],
    ]);
    const card = (id: string) => items.find((i) => i.type === 'studentCard' && i.studentId === id)!;
    expect(card(plan.transfer.studentId)).toMatchObject({ classId: '5b', gsi2pk: 'SCH#sch53#CLS#5b#STUDENTS' });
    expect(card(plan.leave.studentId)).toMatchObject({ status: 'left', gsi2pk: 'SCH#sch53#FORMER' });
    expect(card(plan.enrol.studentId)).toMatchObject({ classId: '6a', consentRecordedAt: expect.any(String) });
    const closed = items.filter((i) => i.type === 'account' && i.status === 'disabled');
    expect(closed.length).toBeGreaterThanOrEqual(2);
    for (const a of closed) expect(a.disabledReason).toMatch(/transfer_out|children_left/);
  });

  it('should replace base items in place and never put a movement after today', () => {
    const all = withDemoPeople(base, model, now);
    const keys = all.map((i) => `${i.pk}|${i.sk}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(all.length).toBe(base.length + 3 + 1 + 4);
    const early = new Date('2026-10-01T09:00:00Z');
    const { items } = demoPeopleItems(buildDemoModel({ now: early }), demoItems(buildDemoModel({ now: early }), 'hash'), early);
    for (const m of items.filter((i) => i.type === 'movement')) expect(String(m.date) < '2026-10-01').toBe(true);
  });
});

describe('activation-code sheet', () => {
  const input = {
    schoolName: 'МАОУ СОШ № 53',
    title: '5А класс',
    issuedAt: '2026-09-03T07:00:00Z',
    expiresAt: '2026-09-17T07:00:00Z',
    issuedBy: 'Романова Ольга Игоревна',
    timeZone: 'Europe/Moscow',
    entries: [
      { displayName: 'Шевченко Анна Петровна', role: 'обучающийся', login: 'shevchenko.ap', code: 'ABCD-EFGH-JKLM-NPQR' },
      { displayName: 'Шевченко Ольга Ивановна', role: 'родитель: Шевченко Анна', login: 'shevchenko.oi', code: 'BCDE-FGHJ-KLMN-PQRS' },
    ],
  };

  it('should list every person with login and code, with at most one star column (toolchain trap 6)', () => {
    const doc = activationSheetDoc(input) as { content: Array<Record<string, any>> };
    const table = doc.content.find((c) => c.table)!.table;
    expect(table.widths.filter((w: unknown) => w === '*')).toHaveLength(1);
    expect(table.body).toHaveLength(3);
    expect(table.body[1].slice(1, 4)).toEqual(['Шевченко Анна Петровна', 'обучающийся', 'shevchenko.ap']);
    expect(JSON.stringify(doc)).toContain('17.09.2026 10:00 (время московское)');
    expect(JSON.stringify(activationSheetDoc({ ...input, timeZone: 'Asia/Yekaterinburg' }))).toContain('17.09.2026 12:00 (время местное: Asia/Yekaterinburg, GMT+5)');
  });

  it('should render a PDF whose text is Cyrillic', async () => {
    const pdf = await renderActivationSheet(input);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (!existsSync('/usr/bin/pdftotext')) return;
    const file = join(mkdtempSync(join(tmpdir(), 'sheet-')), 's.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Коды активации — 5А класс');
    expect(text).toContain('BCDE-FGHJ-KLMN-PQRS');
    expect(text).toContain('родитель: Шевченко Анна');
    expect(text).toContain('shevchenko.oi');
  });
});

/**
 * Activation codes in one go and their printable sheet (R-03, clause 3.1; the register of clause 5):
 * the class teacher issues the codes of their class (students and parents with recorded consent),
 * the administrator those of staff; every code lands in the register of issued logins and works
 * once; the PDF is Cyrillic and lists name, login and code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { LOGIN_TEXT } from '../../web/src/routes/login/login';
import { findAccountByLogin, getAccount } from '../../shared/repos/accounts';
import { listStudentsOfClass } from '../../shared/repos/school';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

const NOW = new Date('2026-09-03T07:00:00Z');
const S = '/api/schools/sch53';
let api: ApiServer;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  setClock(() => NOW);
  await useTestTable();
  await seedDemoSchool(NOW);
  api = await startApi();
  for (const login of ['admin', 'classteacher', 'secretary', 'teacher', 'parent', 'director']) {
    as[login] = new ApiClient(api.url);
    if ((await as[login]!.signIn(login)).status !== 200) throw new Error(`demo login ${login} failed`);
  }
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

function pdfText(base64: string): string | null {
  if (!existsSync('/usr/bin/pdftotext')) return null;
  const file = join(mkdtempSync(join(tmpdir(), 'codes-')), 'sheet.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
}

describe('class sheet', () => {
  let sheet: any;

  it('should issue codes to the students and parents of the class teacher’s own class and return the PDF', async () => {
    // The page's origin is the site's address printed on the sheet (no SITE_URL in the tests).
    const res = await as.classteacher!.send('POST', `${S}/classes/5a/activation-sheet`, {}, { origin: 'https://zhurnal.example.ru' });
    expect(res.status).toBe(201);
    sheet = res.body;
    const roster = await listStudentsOfClass('sch53', '5a');
    const withoutConsent = roster.filter((s) => !s.consentRecordedAt);
    expect(withoutConsent.length).toBeGreaterThan(0);
    expect(sheet.title).toBe('5А класс');
    expect(sheet.issued.length).toBeGreaterThan(20);
    for (const s of withoutConsent) {
      expect(sheet.skipped).toContainEqual(expect.objectContaining({ userId: `u-${s.studentId}`, reason: 'нет записи о согласии на обработку персональных данных' }));
    }
    // The fixed demo logins are active already: skipped, not re-coded.
    expect(sheet.skipped).toContainEqual(expect.objectContaining({ reason: 'уже активировал(а) учётную запись' }));
    expect(sheet.issued.every((e: { code: string }) => /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/.test(e.code))).toBe(true);
    expect(sheet.pdf).toMatchObject({ contentType: 'application/pdf', fileName: 'kody-5a.pdf' });
    expect(Buffer.from(sheet.pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(sheet.pdf.base64);
    if (text) {
      expect(text).toContain('Коды активации — 5А класс');
      expect(text).toContain('Адрес журнала: https://zhurnal.example.ru');
      expect(text).toContain(`нажмите «${LOGIN_TEXT.activate}»`);
      for (const e of sheet.issued.slice(0, 5)) {
        expect(text).toContain(e.login);
        expect(text).toContain(e.code);
      }
    }
  });

  it('should have written each code to the register, and each code should work', async () => {
    const register = await as.admin!.get(`${S}/logins`);
    const registered = new Set(register.body.entries.map((e: { userId: string }) => e.userId));
    for (const e of sheet.issued) expect(registered.has(e.userId)).toBe(true);
    const one = sheet.issued.find((e: { kind: string }) => e.kind === 'student');
    const person = new ApiClient(api.url);
    expect((await person.post('/api/auth/activate', { code: one.code, password: 'Пятый-класс-2026' })).status).toBe(200);
    expect((await getAccount(one.userId))!.status).toBe('active');
  });

  it('should skip the activated next time, and only give the kinds asked for', async () => {
    const again = await as.classteacher!.post(`${S}/classes/5a/activation-sheet`, { kinds: ['student'], onlyNew: true });
    expect(again.status).toBe(201);
    expect(again.body.issued.every((e: { kind: string }) => e.kind === 'student')).toBe(true);
    const one = sheet.issued.find((e: { kind: string }) => e.kind === 'student');
    expect(again.body.skipped).toContainEqual(expect.objectContaining({ userId: one.userId, reason: 'уже активировал(а) учётную запись' }));
  });

  it('should refuse a class teacher of another class, and everyone but the administrator', async () => {
    const other = await as.classteacher!.post(`${S}/classes/5b/activation-sheet`, {});
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/классный руководитель их класса/);
    for (const login of ['secretary', 'teacher', 'parent', 'director']) {
      expect((await as[login]!.post(`${S}/classes/5a/activation-sheet`, {})).status, login).toBe(403);
    }
    expect((await as.admin!.post(`${S}/classes/5b/activation-sheet`, { kinds: ['parent'] })).status).toBe(201);
    const bad = await as.admin!.post(`${S}/classes/5b/activation-sheet`, { kinds: ['teacher'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Кому: student или parent/);
    expect((await as.admin!.post(`${S}/classes/9z/activation-sheet`, {})).status).toBe(404);
  });
});

describe('staff sheet', () => {
  it('should let the administrator issue the codes of staff who have not activated, with a PDF', async () => {
    const res = await as.admin!.post(`${S}/staff/activation-sheet`, {});
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('Сотрудники');
    expect(res.body.issued.length).toBeGreaterThan(10);
    expect(res.body.issued.every((e: { kind: string }) => e.kind === 'staff')).toBe(true);
    expect(res.body.skipped).toContainEqual(expect.objectContaining({ reason: 'уже активировал(а) учётную запись' }));
    expect(res.body.pdf.fileName).toBe('kody-sotrudniki.pdf');
    const chosen = await as.admin!.post(`${S}/staff/activation-sheet`, { userIds: [res.body.issued[0].userId], onlyNew: false });
    expect(chosen.body.issued.map((e: { userId: string }) => e.userId)).toEqual([res.body.issued[0].userId]);
    for (const login of ['secretary', 'director', 'classteacher']) {
      expect((await as[login]!.post(`${S}/staff/activation-sheet`, {})).status, login).toBe(403);
    }
  });

  it('should reset an active account through a sheet for one person: old password and sessions end', async () => {
    const teacher = await findAccountByLogin('teacher');
    const res = await as.admin!.post(`${S}/staff/activation-sheet`, { userIds: [teacher!.userId], onlyNew: false });
    expect(res.body.issued.map((e: { login: string }) => e.login)).toEqual(['teacher']);
    expect((await new ApiClient(api.url).signIn('teacher')).status).toBe(401);
    expect((await as.teacher!.post('/api/auth/sign-out')).body.error.code).toBe('session_ended');
    const after = await getAccount(teacher!.userId);
    expect(after).toMatchObject({ status: 'pending', sessionEpoch: (teacher!.sessionEpoch ?? 0) + 1 });
    expect(after!.passwordHash).toBeUndefined();
  });

  it('should answer pdf null when nobody is left to issue a code to', async () => {
    const res = await as.admin!.post(`${S}/staff/activation-sheet`, { userIds: ['u-nobody'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ issued: [], pdf: null });
  });
});

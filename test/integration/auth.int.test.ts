/**
 * Sign-in, sessions, CSRF, throttling and activation codes through the real HTTP adapter against
 * DynamoDB Local with the demo school.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { hashCode } from '../../shared/auth/activation';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { disableAccount, findAccountByLogin, getAccount, listAccountsOfSchool, type Account } from '../../shared/repos/accounts';
import { getStudentCard } from '../../shared/repos/school';
import { signIn } from '../../shared/services/sign-in';
import { recordFailure } from '../../shared/repos/throttle';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

let api: ApiServer;
let accounts: Account[];

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(new Date());
  api = await startApi();
  accounts = await listAccountsOfSchool('sch53');
});
afterAll(() => api.stop());
afterEach(() => setClock(null));

const client = () => new ApiClient(api.url);

describe('sign-in', () => {
  it('should sign a teacher in with a __Host- HttpOnly Secure SameSite=Strict cookie and answer /me', async () => {
    const c = client();
    const res = await c.signIn('teacher');
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^__Host-zh_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toMatch(/Domain=/i);
    const me = await c.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.login).toBe('teacher');
    expect(me.body.grants.map((g: { role: string }) => g.role)).toContain('teacher');
  });

  it('should give the same Russian answer for a wrong password and an unknown login', async () => {
    const wrong = await client().signIn('director', 'not-the-password');
    const unknown = await client().signIn('nobody-here', 'whatever-123');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe('Неверный логин или пароль.');
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('should refuse bad input with a 400 and a Russian message', async () => {
    const c = client();
    const empty = await c.post('/api/auth/sign-in', { login: '', password: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('Укажите логин.');
    const notJson = await c.send('POST', '/api/auth/sign-in', '{"login":', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/JSON/);
    const form = await c.send('POST', '/api/auth/sign-in', 'login=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    const wrongTypes = await c.post('/api/auth/sign-in', { login: 5, password: ['x'] });
    expect(wrongTypes.status).toBe(400);
    const unknownRoute = await c.get('/api/nowhere');
    expect(unknownRoute.status).toBe(404);
  });

  it('should refuse a session token that was tampered with', async () => {
    const c = client();
    await c.signIn('parent');
    const [name, token] = c.cookie.split('=') as [string, string];
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.grants = [{ role: 'director', schoolId: 'sch53' }];
    c.cookie = `${name}=${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const me = await c.get('/api/me');
    expect(me.status).toBe(401);
  });

  it('should refuse a state-changing request without the CSRF token', async () => {
    const c = client();
    await c.signIn('admin');
    const csrf = c.csrf;
    c.csrf = '';
    const res = await c.post('/api/auth/sign-out');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/подделки/);
    c.csrf = csrf;
    const ok = await c.post('/api/auth/sign-out');
    expect(ok.status).toBe(204);
    expect(c.cookie).toBe('');
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('should expire the session after its lifetime', async () => {
    const c = client();
    await c.signIn('deputy');
    setClock(() => new Date(Date.now() + 31 * 60 * 1000));
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('should renew an ageing session and end it when the account is disabled', async () => {
    const c = client();
    await c.signIn('secretary');
    setClock(() => new Date(Date.now() + 11 * 60 * 1000));
    const renewed = await c.get('/api/me');
    expect(renewed.status).toBe(200);
    expect(renewed.headers.getSetCookie()[0]).toMatch(/^__Host-zh_session=/);

    const account = (await findAccountByLogin('secretary'))!;
    expect(await disableAccount(account.userId, 'employment_ended', account.version)).toBe(true);
    setClock(() => new Date(Date.now() + 22 * 60 * 1000));
    const ended = await c.get('/api/me');
    expect(ended.status).toBe(401);
    expect(ended.body.error.message).toMatch(/Доступ к системе закрыт/);
    expect((await client().signIn('secretary')).status).toBe(403);
  });
});

describe('throttling of failed sign-ins', () => {
  it('should slow down an account after 5 failures without locking it out for good', async () => {
    const t0 = new Date('2026-12-01T07:00:00Z');
    const ip = '203.0.113.7';
    for (let i = 0; i < 5; i++) {
      await expect(signIn({ login: 'classteacher', password: 'wrong-password', sourceIp: ip, now: t0 })).rejects.toMatchObject({ status: 401 });
    }
    // Even the right password waits: the attacker cannot tell when they guessed it.
    await expect(signIn({ login: 'classteacher', password: 'Demo-2026!', sourceIp: '198.51.100.1', now: t0 })).rejects.toMatchObject({
      status: 429,
      message: expect.stringMatching(/Слишком много неудачных попыток/),
    });
    // Another account from the same address is not affected by this account's limit.
    await expect(signIn({ login: 'deputy', password: 'Demo-2026!', sourceIp: ip, now: t0 })).resolves.toMatchObject({
      account: { login: 'deputy' },
    });
    // The next window lets the teacher in again: throttled, never locked out.
    const later = new Date(t0.getTime() + 15 * 60 * 1000);
    await expect(signIn({ login: 'classteacher', password: 'Demo-2026!', sourceIp: ip, now: later })).resolves.toMatchObject({
      account: { login: 'classteacher' },
    });
  });

  it('should throttle one address that tries many accounts', async () => {
    const t0 = new Date('2026-12-02T07:00:00Z');
    const ip = '203.0.113.99';
    // 29 failures from this address on other accounts (recorded directly: 29 more scrypt runs
    // would only slow the test), then the 30th through the service itself.
    for (const a of accounts.slice(0, 29)) await recordFailure({ ACC: a.login, IP: ip }, t0);
    await expect(signIn({ login: accounts[29]!.login, password: 'wrong-password', sourceIp: ip, now: t0 })).rejects.toMatchObject({ status: 401 });
    await expect(signIn({ login: 'director', password: 'Demo-2026!', sourceIp: ip, now: t0 })).rejects.toMatchObject({ status: 429 });
    await expect(signIn({ login: 'director', password: 'Demo-2026!', sourceIp: '203.0.113.100', now: t0 })).resolves.toBeTruthy();
  });

  it('should answer 429 with Retry-After over HTTP', async () => {
    const c = client();
    let last = await c.signIn('student', 'wrong-password');
    for (let i = 0; i < 5 && last.status !== 429; i++) last = await c.signIn('student', 'wrong-password');
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last.body.error.message).toMatch(/мин/);
  });
});

describe('activation codes', () => {
  const pendingStaff = () => accounts.find((a) => a.kind === 'staff' && a.status === 'pending')!;

  it('should let the administrator issue a staff code that works once and is registered', async () => {
    const admin = client();
    await admin.signIn('admin');
    const target = pendingStaff();
    const issued = await admin.post('/api/schools/sch53/activation-codes', { userId: target.userId });
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // The code is stored only as its hash.
    const stored = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.activationCode(hashCode(issued.body.code)) }));
    expect(stored.Item?.userId).toBe(target.userId);
    expect(JSON.stringify(stored.Item)).not.toContain(issued.body.code);

    const person = client();
    const weak = await person.post('/api/auth/activate', { code: issued.body.code, password: '12345678' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(/распространён/);
    const ok = await person.post('/api/auth/activate', { code: issued.body.code.toLowerCase().replace(/-/g, ' '), password: 'Учитель-Весна-2027' });
    expect(ok.status).toBe(200);
    expect(ok.body.login).toBe(target.login);
    const again = await client().post('/api/auth/activate', { code: issued.body.code, password: 'Другой-пароль-2027' });
    expect(again.status).toBe(400);
    expect((await client().signIn(target.login, 'Учитель-Весна-2027')).status).toBe(200);

    const register = await admin.get('/api/schools/sch53/logins');
    expect(register.status).toBe(200);
    const entry = register.body.entries.find((e: { userId: string }) => e.userId === target.userId);
    expect(entry).toMatchObject({ login: target.login, kind: 'staff', issuedBy: expect.any(String) });
    expect(entry.redeemedAt).toBeTruthy();
  });

  it('should refuse an expired code', async () => {
    const admin = client();
    await admin.signIn('admin');
    const target = accounts.filter((a) => a.kind === 'staff' && a.status === 'pending')[1]!;
    const issued = await admin.post('/api/schools/sch53/activation-codes', { userId: target.userId });
    expect(issued.status).toBe(201);
    setClock(() => new Date(Date.now() + 15 * 24 * 3600 * 1000));
    const res = await client().post('/api/auth/activate', { code: issued.body.code, password: 'Долгий-путь-2027' });
    expect(res.status).toBe(400);
    expect((await getAccount(target.userId))?.status).toBe('pending');
  });

  it('should let a class teacher issue codes only to students and parents of their own class, with consent', async () => {
    const ct = client();
    const me = await ct.signIn('classteacher');
    const own = me.body.grants.find((g: { role: string }) => g.role === 'classTeacher').classId as string;
    const students = accounts.filter((a) => a.kind === 'student' && a.status === 'pending');
    const withConsent: Account[] = [];
    const withoutConsent: Account[] = [];
    for (const s of students.filter((a) => a.classId === own)) {
      const grant = s.grants.find((g) => g.role === 'student')!;
      const card = await getStudentCard('sch53', (grant as { studentId: string }).studentId);
      (card?.consentRecordedAt ? withConsent : withoutConsent).push(s);
    }
    const otherClass = students.find((a) => a.classId !== own)!;

    expect((await ct.post('/api/schools/sch53/activation-codes', { userId: withConsent[0]!.userId })).status).toBe(201);
    const staff = await ct.post('/api/schools/sch53/activation-codes', { userId: pendingStaff().userId });
    expect(staff.status).toBe(403);
    expect(staff.body.error.message).toMatch(/администратор/);
    expect((await ct.post('/api/schools/sch53/activation-codes', { userId: otherClass.userId })).status).toBe(403);
    if (withoutConsent[0]) {
      const noConsent = await ct.post('/api/schools/sch53/activation-codes', { userId: withoutConsent[0].userId });
      expect(noConsent.status).toBe(400);
      expect(noConsent.body.error.message).toMatch(/согласи/);
    }
    expect((await ct.get('/api/schools/sch53/logins')).status).toBe(403);
  });

  it('should refuse bad input to the code routes and store nothing', async () => {
    const admin = client();
    await admin.signIn('admin');
    const before = (await admin.get('/api/schools/sch53/logins')).body.entries.length;
    expect((await admin.post('/api/schools/sch53/activation-codes', { userId: '../../etc' })).status).toBe(400);
    expect((await admin.post('/api/schools/sch53/activation-codes', {})).status).toBe(400);
    expect((await admin.post('/api/schools/sch53/activation-codes', { userId: 'no-such-user' })).status).toBe(404);
    expect((await admin.post('/api/schools/other-school/activation-codes', { userId: pendingStaff().userId })).status).toBe(404);
    expect((await client().post('/api/auth/activate', { code: 'AAAA-BBBB-CCCC-DDDD', password: 'Хороший-пароль-1' })).status).toBe(400);
    expect((await client().post('/api/auth/activate', { code: 5 })).status).toBe(400);
    const after = (await admin.get('/api/schools/sch53/logins')).body.entries.length;
    expect(after).toBe(before);
  });
});

describe('shared computers: reset codes, sign out everywhere, idle time, password again', () => {
  const t0 = Date.now();
  const at = (minutes: number) => setClock(() => new Date(t0 + minutes * 60_000));
  const codeFor = (c: ApiClient, login: string) => c.post('/api/schools/sch53/activation-codes', { userId: accounts.find((a) => a.login === login)!.userId });
  const lastPendingStaff = () => accounts.findLast((a) => a.kind === 'staff' && a.status === 'pending')!.login;

  it('should end the old password and every open session when a reset code is issued', async () => {
    at(0);
    const admin = client();
    await admin.signIn('admin');
    const teacher = client();
    await teacher.signIn('teacher');
    const issued = await codeFor(admin, 'teacher');
    expect(issued.status).toBe(201);
    expect(issued.body.reset).toBe(true);

    expect((await client().signIn('teacher')).status).toBe(401);
    // A write reads the account: refused at once. A read needs no database round trip and is
    // refused at the next renewal (at most RENEW_AFTER_SECONDS later).
    const write = await teacher.post('/api/auth/sign-out');
    expect(write).toMatchObject({ status: 401, body: { error: { code: 'session_ended' } } });
    expect((await teacher.get('/api/me')).status).toBe(200);
    at(11);
    expect((await teacher.get('/api/me')).body.error.code).toBe('session_ended');

    const register = await admin.get('/api/schools/sch53/logins');
    expect(register.body.entries.find((e: { login: string }) => e.login === 'teacher')?.reset).toBe(true);
    const fresh = client();
    expect((await fresh.post('/api/auth/activate', { code: issued.body.code, password: 'Новый-пароль-2027' })).status).toBe(200);
    expect((await fresh.post('/api/auth/sign-out')).status).toBe(204);
    expect((await client().signIn('teacher', 'Новый-пароль-2027')).status).toBe(200);
  });

  it('should end every session of a person on «Выйти на всех устройствах», and only theirs', async () => {
    at(0);
    const [here, there, other] = [client(), client(), client()];
    await here.signIn('director');
    await there.signIn('director');
    await other.signIn('deputy');
    const out = await here.post('/api/auth/sign-out-everywhere');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toContain('Max-Age=0');
    expect((await there.post('/api/auth/sign-out')).body.error.code).toBe('session_ended');
    expect((await other.post('/api/auth/sign-out')).status).toBe(204);
    at(11);
    expect((await there.get('/api/me')).status).toBe(401);
    expect((await client().signIn('director')).status).toBe(200);
  });

  it("should sign a staff session out after the school's idle time, counting every request as activity", async () => {
    at(0);
    const [deputy, parent] = [client(), client()];
    await deputy.signIn('deputy');
    await parent.signIn('parent');
    expect((await deputy.get('/api/auth/session')).body).toMatchObject({ idleMinutes: 15, warningSeconds: 60 });
    expect((await parent.get('/api/auth/session')).body.idleMinutes).toBe(0);
    at(14);
    expect((await deputy.get('/api/me')).status).toBe(200);
    at(28);
    expect((await deputy.get('/api/me')).status).toBe(200);
    at(43.5);
    const idle = await deputy.get('/api/me');
    expect(idle).toMatchObject({ status: 401, body: { error: { code: 'session_idle' } } });
    expect(idle.body.error.message).toMatch(/долго не было действий/);
    // Students and parents work at home: no idle limit (the token's own 30 minutes still apply).
    expect((await parent.get('/api/me')).status).toBe(401);
    at(0);
  });

  it("should take the idle time from the school's settings, within 5 to 240 minutes", async () => {
    at(0);
    const director = client();
    await director.signIn('director');
    const save = async (idleMinutes: number | null) => {
      const view = (await director.get('/api/schools/sch53/settings')).body;
      return director.send('PUT', '/api/schools/sch53/settings', { version: view.version, lockDays: view.settings.lockDays, testLimits: view.settings.testLimits, idleMinutes });
    };
    const idleOf = async (login: string) => {
      const c = client();
      await c.signIn(login);
      return (await c.get('/api/auth/session')).body.idleMinutes;
    };
    expect((await save(30)).body.settings.idleMinutes).toBe(30);
    expect(await idleOf('deputy')).toBe(30);
    const bad = await save(2);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/от 5 до 240/);
    expect((await save(null)).body.settings.idleMinutes).toBeUndefined();
    expect(await idleOf('deputy')).toBe(15);
  });

  it('should ask for the password again before a sensitive action 5 minutes after it was entered', async () => {
    at(0);
    const admin = client();
    await admin.signIn('admin');
    expect((await codeFor(admin, lastPendingStaff())).status).toBe(201);
    at(5.5);
    const refused = await codeFor(admin, lastPendingStaff());
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'reauth_required', message: 'Для этого действия введите пароль ещё раз.' } } });
    // Reads and ordinary writes go on without it.
    expect((await admin.get('/api/schools/sch53/logins')).status).toBe(200);
    const wrong = await admin.post('/api/auth/reauth', { password: 'not-my-password' });
    expect(wrong).toMatchObject({ status: 400, body: { error: { message: 'Неверный пароль.' } } });
    expect((await admin.post('/api/auth/reauth', {})).status).toBe(400);
    const ok = await admin.post('/api/auth/reauth', { password: 'Demo-2026!' });
    expect(ok.status).toBe(200);
    expect(ok.body.authAt).toBe(Math.floor((t0 + 5.5 * 60_000) / 1000));
    expect((await codeFor(admin, lastPendingStaff())).status).toBe(201);
    at(11);
    expect((await codeFor(admin, lastPendingStaff())).body.error.code).toBe('reauth_required');
  });
});

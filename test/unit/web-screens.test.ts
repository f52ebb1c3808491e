/** The plain logic beside the web screens: form checks, safe redirects, table rows. */
import { describe, expect, it } from 'vitest';
import { loginHref, paths, safeNext } from '../../web/src/lib/paths';
import { checkSignIn } from '../../web/src/routes/login/login';
import { ACTIVATE_TEXT, checkActivation } from '../../web/src/routes/activate/activate';
import { loginRows } from '../../web/src/routes/schools/[schoolId]/logins/logins';

describe('safeNext', () => {
  it('should return to a path of this site', () => {
    expect(safeNext('/schools/sch53/logins')).toBe('/schools/sch53/logins');
    expect(safeNext('/people/sch53/codes?class=5a')).toBe('/people/sch53/codes?class=5a');
  });

  it.each([[null], [''], ['https://evil.example/'], ['//evil.example'], ['/\\evil.example'], ['javascript:alert(1)'], ['/login'], ['/login?next=/'], ['/activate']])(
    'should go home instead of %s',
    (next) => {
      expect(safeNext(next)).toBe(paths.home);
    },
  );
});

describe('loginHref', () => {
  it('should bring the person back where they were, except from home', () => {
    expect(loginHref({ pathname: '/schools/sch53/logins', search: '' })).toBe('/login?next=%2Fschools%2Fsch53%2Flogins');
    expect(loginHref({ pathname: '/people/sch53/codes', search: '?class=5a' })).toBe('/login?next=%2Fpeople%2Fsch53%2Fcodes%3Fclass%3D5a');
    expect(loginHref({ pathname: '/', search: '' })).toBe('/login');
  });
});

describe('checkSignIn', () => {
  it('should ask for the login first, then the password', () => {
    expect(checkSignIn({ login: '  ', password: '' })).toEqual({ field: 'login', message: 'Укажите логин.' });
    expect(checkSignIn({ login: 'teacher', password: '' })).toEqual({ field: 'password', message: 'Укажите пароль.' });
    expect(checkSignIn({ login: 'teacher', password: 'x' })).toBeNull();
  });
});

describe('checkActivation', () => {
  const ok = { code: 'ABCD-EFGH', password: 'Ёлка-2026!', repeat: 'Ёлка-2026!' };

  it('should accept a code and two equal passwords of at least 8 characters', () => {
    expect(checkActivation(ok)).toBeNull();
    expect(checkActivation({ ...ok, password: '12345678', repeat: '12345678' })).toBeNull();
  });

  it('should ask for the code', () => {
    expect(checkActivation({ ...ok, code: ' ' })).toEqual({ field: 'code', message: ACTIVATE_TEXT.noCode });
  });

  it('should refuse a password shorter than 8 characters', () => {
    expect(checkActivation({ ...ok, password: '1234567', repeat: '1234567' })).toEqual({
      field: 'password',
      message: 'Пароль должен быть не короче 8 символов.',
    });
  });

  it('should refuse two different passwords', () => {
    expect(checkActivation({ ...ok, repeat: 'Ёлка-2027!' })).toEqual({ field: 'repeat', message: 'Пароли не совпадают.' });
  });
});

describe('loginRows', () => {
  it('should show kinds in Russian and dates as DD.MM.YYYY HH:MM, with «нет» for an unused code', () => {
    const rows = loginRows(
      [
        {
          userId: 'u-sf-018',
          login: 'teacher',
          displayName: 'Ильин Максим Андреевич',
          kind: 'staff',
          issuedAt: '2026-09-01T06:00:00.000Z',
          issuedBy: 'Жданова Лариса Артёмовна',
          expiresAt: '2026-09-15T06:00:00.000Z',
        },
        {
          userId: 'u-pa-1',
          login: 'parent',
          displayName: 'Аксёнова Алёна',
          kind: 'parent',
          issuedAt: '2026-09-01T06:00:00.000Z',
          issuedBy: 'Беляева Надежда Геннадьевна',
          expiresAt: '2026-09-15T06:00:00.000Z',
          redeemedAt: '2026-09-02T15:30:00.000Z',
          reset: true,
        },
      ],
      'Europe/Moscow',
    );
    expect(rows.map((r) => [r.kind, r.issuedAt, r.expiresAt, r.redeemedAt])).toEqual([
      ['Сотрудник', '01.09.2026 09:00', '15.09.2026 09:00', 'нет'],
      ['Родитель (сброс пароля)', '01.09.2026 09:00', '15.09.2026 09:00', '02.09.2026 18:30'],
    ]);
  });
});


/**
 * The web app's one HTTP client (web/src/lib/api.ts): JSON and CSRF headers, the server's Russian
 * message on failure, and a Russian message when there is no server to answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, fallbackMessage, messageOf, NETWORK_MESSAGE, send, setCsrfToken, TIMEOUT_MESSAGE } from '../../web/src/lib/api';

interface Call {
  url: string;
  init: RequestInit;
}

let calls: Call[];

function answer(status: number, body?: unknown, raw?: string) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(raw ?? (body === undefined ? null : JSON.stringify(body)), { status });
  });
  vi.stubGlobal('fetch', fetchMock);
}

const headersOf = (c: Call | undefined) => (c?.init.headers ?? {}) as Record<string, string>;

beforeEach(() => {
  calls = [];
  setCsrfToken('');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('send', () => {
  it('should send a body as JSON with the CSRF token of the session', async () => {
    setCsrfToken('tok-1');
    answer(201, { userId: 'u-1', login: 'teacher', code: 'ABCD-EFGH', expiresAt: '2026-09-15T00:00:00Z' });

    const issued = await api.issueActivationCode('sch53', 'u-1');

    expect(issued.code).toBe('ABCD-EFGH');
    expect(calls[0]?.url).toBe('/api/schools/sch53/activation-codes');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"userId":"u-1"}');
    expect(headersOf(calls[0])).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': 'tok-1' });
  });

  it('should send no content type and no CSRF token on a GET', async () => {
    setCsrfToken('tok-1');
    answer(200, { classes: [] });

    await api.classes('sch53');

    expect(headersOf(calls[0])).not.toHaveProperty('content-type');
    expect(headersOf(calls[0])).not.toHaveProperty('x-csrf-token');
  });

  it('should send no CSRF token on sign-in and activation, which start a session', async () => {
    setCsrfToken('old');
    answer(200, { csrfToken: 'new' });

    await api.signIn('teacher', 'secret-pass');
    await api.activate('ABCD', 'secret-pass');

    expect(calls.map((c) => headersOf(c)['x-csrf-token'])).toEqual([undefined, undefined]);
    expect(headersOf(calls[0])['content-type']).toBe('application/json');
  });

  it('should keep the CSRF token of the latest answer that carries one', async () => {
    answer(200, { userId: 'u-1', csrfToken: 'from-me' });
    await api.me();
    answer(204);

    await api.signOut();

    expect(headersOf(calls[1])['x-csrf-token']).toBe('from-me');
  });

  it('should resolve to undefined on 204 No Content', async () => {
    setCsrfToken('t');
    answer(204);
    await expect(send('POST', '/api/auth/sign-out')).resolves.toBeUndefined();
  });

  it('should throw the server message, code and status of an error answer', async () => {
    answer(401, { error: { code: 'unauthenticated', message: 'Неверный логин или пароль.' } });

    const err = await api.signIn('teacher', 'wrong').catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'unauthenticated', message: 'Неверный логин или пароль.' });
  });

  it('should expose the per-field messages of a validation error', async () => {
    answer(400, {
      error: {
        code: 'bad_request',
        message: 'Укажите логин.',
        details: { fields: [{ path: 'login', message: 'Укажите логин.' }, { path: 'login', message: 'второе' }, { bad: true }] },
      },
    });

    const err = (await api.signIn('', 'x').catch((e: unknown) => e)) as ApiError;

    expect(err.fields).toEqual({ login: 'Укажите логин.' });
    expect(new ApiError(400, 'x', 'bad_request').fields).toEqual({});
  });

  it('should fall back to a Russian message when the answer has none (a proxy page, an empty body)', async () => {
    answer(502, undefined, '<html>Bad gateway</html>');
    await expect(api.me()).rejects.toMatchObject({ status: 502, code: 'http_502', message: fallbackMessage(502) });
    answer(429, { error: { message: '' } });
    await expect(api.me()).rejects.toMatchObject({ status: 429, message: fallbackMessage(429) });
    expect(fallbackMessage(502)).toMatch(/Сервер временно недоступен/);
  });

  it('should map a failed connection to «Нет связи с сервером»', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));

    const err = await api.me().catch((e: unknown) => e);

    expect(err).toMatchObject({ status: 0, code: 'network', message: NETWORK_MESSAGE });
    expect(NETWORK_MESSAGE).toMatch(/^Нет связи с сервером/);
  });

  it('should map a timeout to its own Russian message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'))));
    await expect(api.me()).rejects.toMatchObject({ status: 0, code: 'timeout', message: TIMEOUT_MESSAGE });
  });

  it('should encode ids in paths', async () => {
    answer(200, { entries: [] });
    await api.loginRegister('a/b');
    expect(calls[0]?.url).toBe('/api/schools/a%2Fb/logins');
  });
});

describe('messageOf', () => {
  it('should give the API message, and a Russian one for anything else', () => {
    expect(messageOf(new ApiError(403, 'Нет прав.', 'forbidden'))).toBe('Нет прав.');
    expect(messageOf(new Error('boom'))).toMatch(/^Что-то пошло не так/);
  });
});

/**
 * The one HTTP client of the web app: every call to the API goes through `send()`, which adds the
 * JSON content type and the CSRF token, and turns any failure into an `ApiError` whose message a
 * person can read (the server's own Russian message when there is one).
 */
import type { ClassSummary, DepartmentSettings, IssuedCode, LoginRegisterEntry, Me, SessionTimes, StudentListItem } from './types';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const NETWORK_MESSAGE = 'Нет связи с сервером. Проверьте подключение к интернету и повторите попытку.';
export const TIMEOUT_MESSAGE = 'Сервер не ответил вовремя. Повторите попытку чуть позже.';

/** Without a message from the server (a proxy's error page, an empty answer), say at least this. */
export function fallbackMessage(status: number): string {
  if (status === 401) return 'Войдите в систему.';
  if (status === 403) return 'Недостаточно прав для этого действия.';
  if (status === 404) return 'Не найдено.';
  if (status === 429) return 'Слишком много запросов. Подождите немного и повторите.';
  if (status >= 500) return 'Сервер временно недоступен. Повторите попытку позже.';
  return `Не удалось выполнить запрос (код ${status}).`;
}

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The per-field messages of a validation error (400 `details.fields`), by field name. */
  get fields(): Record<string, string> {
    const list = (this.details as { fields?: unknown } | undefined)?.fields;
    const out: Record<string, string> = {};
    if (!Array.isArray(list)) return out;
    for (const f of list as Partial<FieldProblem>[]) {
      if (typeof f?.path === 'string' && typeof f.message === 'string') out[f.path] ??= f.message;
    }
    return out;
  }
}

const STATE_CHANGING = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);
// These two start a session, so there is no token yet; the server requires JSON on them instead,
// which a cross-site form cannot send.
const WITHOUT_CSRF = new Set(['/api/auth/sign-in', '/api/auth/activate']);
const TIMEOUT_MS = 30_000;

let csrfToken = '';

/**
 * Sensitive actions answer 403 `reauth_required` when the password was entered more than 5 minutes
 * ago (shared/auth/session-rules.ts). The shell registers the password dialog here: `send` asks it
 * and, if the person confirmed, repeats the request once.
 */
export const REAUTH_REQUIRED = 'reauth_required';
let askPassword: (() => Promise<boolean>) | null = null;
export function onReauthRequired(ask: (() => Promise<boolean>) | null): void {
  askPassword = ask;
}

/** Every answer from the server counts as activity there; the idle watch (lib/shell/idle) listens. */
let heard: (() => void) | null = null;
export function onServerHeard(listener: (() => void) | null): void {
  heard = listener;
}

/** The token of the current session; every answer that carries one (me, sign-in) refreshes it. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export async function send<T>(method: Method, path: string, body?: unknown): Promise<T> {
  try {
    return await sendOnce<T>(method, path, body);
  } catch (e) {
    if (!(e instanceof ApiError && e.code === REAUTH_REQUIRED && askPassword && (await askPassword()))) throw e;
    return sendOnce<T>(method, path, body);
  }
}

async function sendOnce<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(method) && !WITHOUT_CSRF.has(path) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  let text: string;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await res.text();
  } catch (e) {
    const timedOut = e instanceof DOMException && e.name === 'TimeoutError';
    throw new ApiError(0, timedOut ? TIMEOUT_MESSAGE : NETWORK_MESSAGE, timedOut ? 'timeout' : 'network');
  }

  heard?.();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }

  if (!res.ok) {
    const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    const message = typeof error?.message === 'string' && error.message.trim() ? error.message : fallbackMessage(res.status);
    const code = typeof error?.code === 'string' ? error.code : `http_${res.status}`;
    throw new ApiError(res.status, message, code, error?.details);
  }

  const token = (parsed as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (typeof token === 'string') setCsrfToken(token);
  return parsed as T;
}

const school = (schoolId: string) => `/api/schools/${encodeURIComponent(schoolId)}`;

/** The API's routes as the screens use them (functions/<area>/routes.ts). */
export const api = {
  signIn: (login: string, password: string) => send<Me>('POST', '/api/auth/sign-in', { login, password }),
  activate: (code: string, password: string) => send<Me>('POST', '/api/auth/activate', { code, password }),
  signOut: () => send<void>('POST', '/api/auth/sign-out'),
  signOutEverywhere: () => send<void>('POST', '/api/auth/sign-out-everywhere'),
  reauth: (password: string) => send<SessionTimes>('POST', '/api/auth/reauth', { password }),
  session: () => send<SessionTimes>('GET', '/api/auth/session'),
  me: () => send<Me>('GET', '/api/me'),
  classes: (schoolId: string) => send<{ classes: ClassSummary[] }>('GET', `${school(schoolId)}/classes`),
  students: (schoolId: string, classId: string) =>
    send<{ classId: string; students: StudentListItem[] }>('GET', `${school(schoolId)}/classes/${encodeURIComponent(classId)}/students`),
  loginRegister: (schoolId: string) => send<{ entries: LoginRegisterEntry[] }>('GET', `${school(schoolId)}/logins`),
  issueActivationCode: (schoolId: string, userId: string) => send<IssuedCode>('POST', `${school(schoolId)}/activation-codes`, { userId }),
  departmentSettings: (departmentId: string) =>
    send<DepartmentSettings>('GET', `/api/departments/${encodeURIComponent(departmentId)}/settings`),
};

/** What to tell the person about a failure of any kind. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return 'Что-то пошло не так. Обновите страницу и повторите попытку.';
}

/**
 * The API on a real local HTTP server (the same adapter `npm start` uses) over a test table, and
 * a small client that keeps the session cookie and CSRF token the way the web app does.
 */
import type { AddressInfo } from 'node:net';
import { createLocalServer } from '../../infra/local/server';

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
}

export async function startApi(): Promise<ApiServer> {
  const server = createLocalServer({});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  cookie = '';
  csrf = '';
  constructor(
    readonly base: string,
    readonly ip?: string,
  ) {}

  async send<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(this.ip ? { 'x-forwarded-for': this.ip } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      this.cookie = c.includes('Max-Age=0') ? '' : pair!;
    }
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (parsed && typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.send<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.send<T>('POST', path, body ?? {});
  }
  signIn(login: string, password = 'Demo-2026!') {
    return this.post('/api/auth/sign-in', { login, password });
  }
}

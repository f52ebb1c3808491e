/**
 * The API on a real local HTTP server (the same adapter `npm start` uses) over a test table, and
 * a small client that keeps the session cookie and CSRF token the way the web app does.
 *
 * The client checks the contract on every call: a successful answer must match its route's
 * `response` schema in the manifest, or the call throws and the test fails. So every integration
 * test that reads an answer also tests the schema the web's types are inferred from.
 */
import type { AddressInfo } from 'node:net';
import { createLocalServer, matchRoute } from '../../infra/local/server';
import { routeKey } from '../../functions/routes';

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
    // A rendered document (a PDF or XLSX route's `produces`) comes back as its bytes.
    if (/^application\/(pdf|vnd\.openxmlformats)/.test(res.headers.get('content-type') ?? '')) {
      const bytes = Buffer.from(await res.arrayBuffer());
      if (res.status >= 200 && res.status < 300) checkDocument(method, path, res.status, res.headers.get('content-type')!);
      return { status: res.status, body: bytes as T, headers: res.headers };
    }
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (res.status >= 200 && res.status < 300) checkContract(method, path, res.status, parsed);
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

/** Thrown when a successful answer does not match what the manifest says the route answers. */
export class ContractError extends Error {}

/** A document answer: only from a route that says it produces that type. */
function checkDocument(method: string, path: string, status: number, type: string): void {
  const route = matchRoute(method, new URL(path, 'http://x').pathname)?.spec;
  if (!route) return;
  if (!route.produces || !type.startsWith(route.produces)) throw new ContractError(`${routeKey(route)} answered ${type}, the manifest says ${route.produces ?? 'JSON'}`);
  if (status !== (route.successStatus ?? 200)) throw new ContractError(`${routeKey(route)} answered ${status}`);
}

export function checkContract(method: string, path: string, status: number, body: unknown): void {
  const match = matchRoute(method, new URL(path, 'http://x').pathname);
  if (!match) return; // not an API route: the test asserts the 404 itself
  const route = match.spec;
  const key = routeKey(route);
  if (route.produces) throw new ContractError(`${key} answered JSON, the manifest says ${route.produces}`);
  const expected = route.successStatus ?? (route.response ? 200 : 204);
  if (status !== expected) throw new ContractError(`${key} answered ${status}, the manifest says ${expected}`);
  if (!route.response) {
    if (body !== undefined) throw new ContractError(`${key} has no response schema but answered ${JSON.stringify(body).slice(0, 200)}`);
    return;
  }
  const checked = route.response.safeParse(body);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).slice(0, 10);
    throw new ContractError(`${key} answered a body that does not match its response schema:\n  ${issues.join('\n  ')}`);
  }
  // The schema's objects drop fields they do not name: a field that did not survive parsing is
  // one the answer has and the contract (and so the web's inferred types) does not.
  const undeclared = droppedFields(body, checked.data).slice(0, 10);
  if (undeclared.length) throw new ContractError(`${key} answered fields its response schema does not declare: ${undeclared.join(', ')}`);
}

function droppedFields(sent: unknown, kept: unknown, at = ''): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) return sent.flatMap((v, i) => droppedFields(v, kept[i], `${at}${i}.`));
  if (!sent || !kept || typeof sent !== 'object' || typeof kept !== 'object') return [];
  return Object.entries(sent as Record<string, unknown>).flatMap(([k, v]) =>
    k in (kept as Record<string, unknown>) ? droppedFields(v, (kept as Record<string, unknown>)[k], `${at}${k}.`) : v === undefined ? [] : [`${at}${k}`],
  );
}

/**
 * The API fuzzed as an outside client would, generated from the manifest: signed in as someone
 * with rights on the route, every path id and every declared query parameter of every route gets
 * malformed values. Nothing a user can send may answer 5xx; a malformed query parameter is 400 in
 * Russian wherever the request gets as far as reading it; a malformed id in the path is 400.
 * And a stranger sending an empty body to any guarded route learns nothing of its fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { setClock } from '../../functions/http/clock';
import { PATH_ID } from '../../functions/http/area';
import { routeKey, routes, type RouteSpec } from '../../functions/routes';
import { seedDemoSchool } from '../../infra/local/seed';
import { listStudentsOfClass } from '../../shared/repos/school';
import { ApiClient, startApi, type ApiResponse, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

const NOW = new Date('2026-11-30T09:00:00Z');
// Tried in this order; a route is fuzzed as the first who is not refused its well-formed request.
const LOGINS = ['deputy', 'director', 'secretary', 'admin', 'classteacher', 'teacher', 'uo'] as const;
const CYRILLIC = /[А-Яа-яЁё]/;

let api: ApiServer;
const as: Record<string, ApiClient> = {};
let parent: ApiClient;
let ids: Record<string, string>;

beforeAll(async () => {
  await useTestTable();
  setClock(() => NOW);
  await seedDemoSchool(NOW, { setUp: true });
  api = await startApi();
  for (const login of [...LOGINS, 'parent']) {
    const client = new ApiClient(api.url);
    const res = await client.signIn(login);
    if (res.status !== 200) throw new Error(`demo login ${login} failed: ${res.status}`);
    as[login] = client;
  }
  parent = as.parent!;
  const teacherId = (await as.teacher!.get('/api/me')).body.userId as string;
  const studentId = (await listStudentsOfClass('sch53', '5a'))[0]!.studentId;
  // Ids of the demo school, so that a well-formed request reaches its handler's checks.
  ids = {
    schoolId: 'sch53',
    departmentId: 'krd',
    classId: '5a',
    yearId: '2026',
    periodId: '2026-q2',
    subjectId: 'math',
    groupId: 'all',
    studentId,
    teacherId,
    userId: teacherId,
    lessonId: '2026-11-27.1.all',
    date: '2026-12-01',
    slotId: 'mon.1.5a',
    changeId: 'chg-1',
    substituteId: 'sub-1',
    importId: 'imp-1',
    examId: '2026-05-20.OGE.math',
  };
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

const pathParams = (r: RouteSpec) => [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const fill = (r: RouteSpec, values: Record<string, string>) => r.path.replace(/\{(\w+)\}/g, (_m, n: string) => values[n] ?? `no-${n}`);
const withQuery = (path: string, query: Record<string, string>) => {
  const q = new URLSearchParams(query).toString();
  return q ? `${path}?${q}` : path;
};

/** The request fuzzing starts from: well-formed ids, no query, an empty body (so that nothing is written). */
function send(client: ApiClient, r: RouteSpec, path: string): Promise<ApiResponse> {
  return client.send(r.method, path, r.body ? {} : undefined);
}

/** Who may use the route: the first demo login whose well-formed request is not refused. */
async function withRights(r: RouteSpec): Promise<{ client: ApiClient; baseline: ApiResponse }> {
  let last: { client: ApiClient; baseline: ApiResponse } | undefined;
  for (const login of LOGINS) {
    const client = as[login]!;
    const baseline = await send(client, r, fill(r, ids));
    last = { client, baseline };
    if (baseline.status !== 401 && baseline.status !== 403) return last;
  }
  return last!;
}

// Encoded as they would sit in an address bar; what the adapter sees is the decoded value.
const BAD_IDS = ['x'.repeat(65), 'a%20b', '%D1%8F', '%00', 'nope', '-_.'];
const QUERY_VALUES = ['', 'x', '-1', '0', '1.5', '2026-02-30', 'h3', 'x'.repeat(200)];

const fuzzed = routes.filter((r) => r.permission !== 'public' && r.permission !== 'session' && (pathParams(r).length > 0 || r.query));

describe('fuzzing every route of the manifest', () => {
  it.each(fuzzed.map((r) => [routeKey(r), r] as const))('%s should answer malformed path ids and query values with 4xx, never 5xx', async (_key, r) => {
    const { client, baseline } = await withRights(r);
    expect(baseline.status, JSON.stringify(baseline.body)).toBeLessThan(500);
    const failures: string[] = [];
    const expectStatus = (what: string, res: ApiResponse, ok: (s: number) => boolean, wanted: string) => {
      if (!ok(res.status) || (res.status >= 400 && !CYRILLIC.test(res.body?.error?.message ?? ''))) {
        failures.push(`${what}: ${res.status} (wanted ${wanted}) ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    };

    await Promise.all(
      pathParams(r).flatMap((name) =>
        BAD_IDS.map(async (bad) => {
          const res = await send(client, r, fill(r, { ...ids, [name]: bad }));
          if (PATH_ID.test(decodeURIComponent(bad))) expectStatus(`${name}=${bad}`, res, (s) => s < 500, '< 500');
          else expectStatus(`${name}=${bad}`, res, (s) => s === 400, '400');
        }),
      ),
    );

    // A request refused before its query is read (the object of the path does not exist for the
    // demo) cannot show the query's 400; every other one must.
    const readsQuery = baseline.status !== 404 && baseline.status !== 403;
    const shape = (r.query?.shape ?? {}) as Record<string, z.ZodType>;
    await Promise.all(
      Object.entries(shape).flatMap(([name, field]) =>
        QUERY_VALUES.map(async (value) => {
          const res = await send(client, r, withQuery(fill(r, ids), { [name]: value }));
          if (field.safeParse(value).success) expectStatus(`?${name}=${value}`, res, (s) => s < 500, '< 500');
          else if (readsQuery) expectStatus(`?${name}=${value}`, res, (s) => s === 400, '400');
          else expectStatus(`?${name}=${value}`, res, (s) => s >= 400 && s < 500, '4xx');
        }),
      ),
    );
    expect(failures).toEqual([]);
  });

  it('should have fuzzed the query parameters of the issue on routes that read them', () => {
    const names = new Set(fuzzed.flatMap((r) => Object.keys(r.query?.shape ?? {})));
    for (const n of ['version', 'from', 'to', 'subject', 'group', 'half', 'classId']) expect(names).toContain(n);
  });
});

describe('the answers that were 500 (issue 7)', () => {
  const tt = '/api/schools/sch53/years/2026/timetable/changes';
  const moves = '/api/schools/sch53/movements';

  it.each([
    [`${tt}?from=x`, 'Начало периода'],
    [`${tt}?from=2026-12-10&to=2026-12-01`, 'позже'],
    [`${moves}?from=`, 'Начало периода'],
    [`${moves}?to=`, 'Конец периода'],
    [`${moves}?from=2026-03-01&to=2026-02-01`, 'позже'],
    [`${moves}?from=2026-02-30`, 'существующая дата'],
  ])('GET %s -> 400 in Russian', async (path, words) => {
    const res = await as.deputy!.get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(words);
  });

  it('should answer a body over 1 MiB with 413 in Russian instead of closing the connection', async () => {
    const res = await as.secretary!.send('POST', '/api/schools/sch53/imports', { fileName: 'big.csv', contentBase64: 'A'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(CYRILLIC);
    // The connection was not reset: the same client goes on working.
    expect((await as.secretary!.get('/api/schools/sch53/classes')).status).toBe(200);
  });
});

describe('a stranger learns nothing about a route\'s fields', () => {
  const withBodies = routes.filter((r) => r.body && r.permission !== 'public' && r.permission !== 'session');

  it.each(withBodies.map((r) => [routeKey(r), r] as const))('%s should refuse a parent\'s empty body without naming a field', async (_key, r) => {
    const res = await send(parent, r, fill(r, ids));
    expect([403, 404]).toContain(res.status);
    expect(res.body.error.details?.fields).toBeUndefined();
  });
});

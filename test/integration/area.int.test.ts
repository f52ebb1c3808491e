/**
 * The API adapter (functions/http/area.ts) on routes of its own, with only the two callers' accounts
 * in the table (every write reads the caller's account: shared/auth/session-rules.ts): the manifest's
 * permission is bound to the handler, the body and query are read only after authorisation, a
 * guarded handler cannot answer without having authorised, and what an action needs of the school
 * alone is refused before the handler runs.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { areaHandler, handlersOf } from '../../functions/http/area';
import { routeKey, type RouteSpec } from '../../functions/route-spec';
import type { Principal } from '../../shared/auth/roles';
import { issueSession, sessionCookie } from '../../shared/auth/session';
import { signingKey } from '../../shared/auth/signing-key';
import { resetConfig } from '../../shared/config';
import { createAccount } from '../../shared/repos/accounts';
import { useTestTable } from '../support/dynamo';
import { linesPrintedDuring, type LogLine } from '../support/log-lines';

const body = z.object({ name: z.string({ error: 'Укажите имя.' }) });
const testRoutes = [
  { method: 'POST', path: '/api/schools/{schoolId}/things', area: 'school', handler: 'create', permission: 'class.write', summary: 'x', body },
  { method: 'POST', path: '/api/schools/{schoolId}/early', area: 'school', handler: 'readsFirst', permission: 'class.write', summary: 'x', body },
  { method: 'GET', path: '/api/schools/{schoolId}/forgot', area: 'school', handler: 'forgets', permission: 'class.list', summary: 'x' },
  { method: 'GET', path: '/api/schools/{schoolId}/listed', area: 'school', handler: 'listed', permission: 'class.list', summary: 'x', query: z.object({ n: z.string().regex(/^\d+$/, 'Число.') }) },
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/page', area: 'journal', handler: 'page', permission: 'journal.read', summary: 'x' },
] as const satisfies readonly RouteSpec[];

const handler = handlersOf(testRoutes);
let ran = 0;
const handlers = {
  create: handler('create', async (req) => {
    req.authorize({ departmentId: 'krd', schoolId: req.params.schoolId!, classId: '' }, 'Только секретарь.');
    return { status: 201, body: { name: req.body.name } };
  }),
  readsFirst: handler('readsFirst', async (req) => {
    const name = req.body.name; // before authorising: a programming error, whatever the caller
    req.authorize({ departmentId: 'krd', schoolId: req.params.schoolId!, classId: '' });
    return { body: { name } };
  }),
  forgets: handler('forgets', async () => ({ body: { secret: true } })),
  listed: handler('listed', async (req) => {
    req.authorize({ departmentId: 'krd', schoolId: req.params.schoolId! });
    return { body: { n: Number(req.query.n) } };
  }),
  page: handler('page', async () => {
    ran++;
    return { body: {} };
  }),
};
const lambda = areaHandler(testRoutes, handlers);

const secretary: Principal = { userId: 'sec', departmentId: 'krd', displayName: 'Секретарь', grants: [{ role: 'secretary', schoolId: 's1' }] };
const parent: Principal = { userId: 'par', departmentId: 'krd', displayName: 'Родитель', grants: [{ role: 'parent', schoolId: 's1', studentId: 'st-1' }] };
const cookies: Record<string, { cookie: string; csrf: string }> = {};

beforeAll(async () => {
  await useTestTable();
  process.env.SECURE_COOKIES = 'false';
  resetConfig();
  for (const p of [secretary, parent]) {
    const [lastName = '', firstName = ''] = p.displayName.split(' ');
    const grants = p.grants;
    await createAccount({ userId: p.userId, login: p.userId, kind: 'staff', lastName, firstName, departmentId: 'krd', grants, status: 'active', passwordHash: 'unused', version: 1 });
    const { token, session } = await issueSession(p, await signingKey(), new Date());
    cookies[p.userId] = { cookie: sessionCookie(token, false).split(';')[0]!, csrf: session.csrf };
  }
});

afterAll(() => {
  delete process.env.SECURE_COOKIES;
  resetConfig();
});

async function call(who: Principal, route: RouteSpec, opts: { body?: string; query?: Record<string, string>; schoolId?: string } = {}) {
  const { cookie, csrf } = cookies[who.userId]!;
  const event = {
    routeKey: routeKey(route),
    cookies: [cookie],
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    pathParameters: { schoolId: opts.schoolId ?? 's1', classId: '5a' },
    queryStringParameters: opts.query,
    body: opts.body,
    isBase64Encoded: false,
    requestContext: { http: { sourceIp: '127.0.0.1' } },
  } as unknown as APIGatewayProxyEventV2;
  const res = (await lambda(event, {} as never)) as { statusCode: number; body: string };
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}

const [create, readsFirst, forgets, listed, page] = testRoutes;

describe('areaHandler', () => {
  it('should check the route permission with the handler object and answer 403 with the handler refusal', async () => {
    expect(await call(secretary, create, { body: '{"name":"5А"}' })).toEqual({ status: 201, body: { name: '5А' } });
    const refused = await call(parent, create, { body: '{"name":"5А"}' });
    expect(refused).toMatchObject({ status: 403, body: { error: { message: 'Только секретарь.' } } });
    expect((await call(secretary, create, { body: '{"name":"5А"}', schoolId: 's2' })).status).toBe(403);
  });

  it('should validate the body only after authorising, so that a stranger learns nothing of its fields', async () => {
    const stranger = await call(parent, create, { body: '{}' });
    expect(stranger.status).toBe(403);
    expect(JSON.stringify(stranger.body)).not.toContain('имя');
    const keeper = await call(secretary, create, { body: '{}' });
    expect(keeper).toMatchObject({ status: 400, body: { error: { message: 'Укажите имя.' } } });
  });

  it("should answer a body that is not a JSON object with 400 and zod's own message in Russian", async () => {
    for (const [raw, received] of [['null', 'null'], ['42', 'число'], ['[1]', 'массив'], ['"5А"', 'строка']] as const) {
      const res = await call(secretary, create, { body: raw });
      expect(res, raw).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
      expect(res.body.error.message, raw).toBe(`Неверный тип значения: ожидается объект, получено: ${received}.`);
    }
  });

  // The crash's line names where it was thrown (its message is never logged: functions/http/observe.ts).
  const crashes = (lines: LogLine[]) => lines.filter((l) => l.message === 'Unhandled error').map((l) => String(l.stack).split('\n')[0]);

  it('should fail a handler that reads its body before authorising, for everybody', async () => {
    const lines = await linesPrintedDuring(async () => {
      expect((await call(secretary, readsFirst, { body: '{"name":"x"}' })).status).toBe(500);
      expect((await call(parent, readsFirst, { body: '{"name":"x"}' })).status).toBe(500);
    });
    expect(crashes(lines)).toEqual([expect.stringMatching(/^at inputRead .*functions\/http\/area\.ts/), expect.stringMatching(/^at inputRead /)]);
  });

  it('should not let a guarded handler answer without having authorised', async () => {
    let res: { status: number; body: unknown } | undefined;
    const lines = await linesPrintedDuring(async () => {
      res = await call(secretary, forgets);
    });
    expect(res!.status).toBe(500);
    expect(JSON.stringify(res!.body)).not.toContain('secret');
    expect(crashes(lines)).toEqual([expect.stringMatching(/^at dispatch .*functions\/http\/area\.ts/)]);
  });

  it('should validate the query after authorising, with the schema message', async () => {
    expect(await call(secretary, listed, { query: { n: '7' } })).toEqual({ status: 200, body: { n: 7 } });
    expect(await call(secretary, listed, { query: { n: 'x' } })).toMatchObject({ status: 400, body: { error: { message: 'Число.' } } });
    expect((await call(parent, listed, { query: { n: 'x' } })).status).toBe(403);
  });

  it('should refuse what an action needs of the school alone before the handler runs', async () => {
    const res = await call(parent, page);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/учителям и администрации/);
    expect(ran).toBe(0);
  });
});

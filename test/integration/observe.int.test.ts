/**
 * The request lines and metrics of real requests (issue 15, items 1-2), through the local runner's
 * HTTP server, which calls the very handlers Lambda runs: what it prints is what CloudWatch gets.
 * Each answer's `x-request-id` finds exactly one line; no line carries a name, a login, a password,
 * a raw user id or a path id other than the school's, nor the message of an unhandled error.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authRoutes } from '../../functions/auth/routes';
import { areaHandler } from '../../functions/http/area';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { userHash } from '../../shared/ops/telemetry';
import { ApiClient, startApi, type ApiResponse, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';
import { capturePrinted, type LogLine } from '../support/log-lines';
import { base, journalFixture, MATH, mskNoon, Q2, SCH, type JournalFixture } from './journal-fixture';

/** What a request line may contain (shared/ops/telemetry.ts, RequestLine, plus the common fields). */
const ALLOWED_KEYS = new Set([
  'level', 'message', 'timestamp', 'service',
  'requestId', 'lambdaRequestId', 'route', 'area', 'handler', 'status', 'durationMs', 'school', 'department', 'user', 'errorCode',
]);

let api: ApiServer;
let fx: JournalFixture;
const M5 = base('5a', Q2, MATH);

beforeAll(async () => {
  await useTestTable();
  const at = mskNoon('2026-11-30');
  await seedDemoSchool(at);
  fx = await journalFixture(at);
  api = await startApi();
  setClock(() => at);
});
afterAll(async () => {
  setClock(null);
  await api.stop();
});
const printed = capturePrinted();
const requestLines = () => printed.lines().filter((l) => l.message === 'request');

/** The one request line of an answer, found by its `x-request-id`. */
function lineOf(res: ApiResponse): LogLine {
  const id = res.headers.get('x-request-id');
  expect(id, 'x-request-id').toMatch(/^[0-9a-f-]{36}$/);
  const found = requestLines().filter((l) => l.requestId === id);
  expect(found, `one line for ${id}`).toHaveLength(1);
  return found[0]!;
}

describe('request lines', () => {
  it('should log each request once with its request id, route, status, duration, school and user hash, and nothing personal', async () => {
    const client = new ApiClient(api.url);
    const refused = await client.post('/api/auth/sign-in', { login: 'teacher', password: 'Wrong-Password-1' });
    expect(refused.status).toBe(401);
    const signedIn = await client.signIn('teacher');
    expect(signedIn.status).toBe(200);
    const me = await client.get('/api/me');
    const student = fx.fiveA[0]!;
    const saved = await client.send('PUT', `${M5}/marks`, {
      lessonId: '2026-11-20.8.all', studentId: student.studentId, workType: 'lessonAnswer', value: 5, version: 0, requestId: 'observe-mark-1',
    });
    expect(saved.status).toBe(200);
    const page = await client.get(`${M5}/journal`);
    expect(page.status).toBe(200);

    expect(lineOf(refused)).toMatchObject({ level: 'WARN', route: 'POST /api/auth/sign-in', handler: 'signIn', status: 401, errorCode: 'unauthenticated' });
    expect(lineOf(refused).user).toBeUndefined();
    expect(lineOf(signedIn)).toMatchObject({ level: 'INFO', route: 'POST /api/auth/sign-in', status: 200 });
    const user = userHash(fx.teacherId);
    expect(lineOf(me)).toMatchObject({ route: 'GET /api/me', status: 200, user, school: SCH, department: 'krd' });
    expect(lineOf(saved)).toMatchObject({
      route: 'PUT /api/schools/{schoolId}/classes/{classId}/periods/{periodId}/subjects/{subjectId}/marks',
      area: 'journal', handler: 'putMark', status: 200, school: SCH, user,
    });
    expect(lineOf(page)).toMatchObject({ handler: 'getJournalPage', status: 200, school: SCH, user });
    for (const res of [refused, signedIn, me, saved, page]) {
      const line = lineOf(res);
      expect(typeof line.durationMs).toBe('number');
      expect(line.durationMs as number).toBeGreaterThanOrEqual(0);
      expect(Date.parse(line.timestamp as string)).not.toBeNaN();
      for (const key of Object.keys(line)) expect(ALLOWED_KEYS.has(key), `key ${key}`).toBe(true);
    }

    // Nothing personal anywhere in what was printed, metric lines included: not the login, the
    // passwords, the teacher's or the pupils' names, the raw user id, nor an id from the path
    // other than the school's.
    const text = printed.text();
    const displayName = me.body.displayName as string;
    expect(displayName.length).toBeGreaterThan(3);
    const forbidden = [
      'teacher"', 'Wrong-Password-1', 'Demo-2026!', displayName, ...displayName.split(' ').filter((w) => w.length > 2),
      fx.teacherId, student.studentId, student.lastName, student.firstName, ...fx.fiveA.map((s) => s.lastName), '2026-11-20.8.all', 'observe-mark-1',
    ];
    for (const word of forbidden) expect(text, word).not.toContain(word);
  });

  it('should count a saved mark and a refused sign-in as metrics, with the school as a property', async () => {
    const client = new ApiClient(api.url);
    await client.post('/api/auth/sign-in', { login: 'teacher', password: 'Wrong-Password-2' });
    await client.signIn('teacher');
    const saved = await client.send('PUT', `${M5}/marks`, {
      lessonId: '2026-11-20.8.all', studentId: fx.fiveA[1]!.studentId, workType: 'lessonAnswer', value: 4, version: 0, requestId: 'observe-mark-2',
    });
    expect(saved.status).toBe(200);
    const emf = printed.lines().filter((l) => l._aws);
    const metric = (name: string) => emf.filter((l) => name in l);
    expect(metric('SignInFailures')).toHaveLength(1);
    expect(metric('MarksSaved')).toHaveLength(1);
    expect(metric('MarksSaved')[0]).toMatchObject({ MarksSaved: 1, school: SCH, handler: 'putMark', service: 'zhurnal-local' });
    expect(metric('MarksSaved')[0]!._aws.CloudWatchMetrics).toEqual([
      { Namespace: 'Zhurnal', Dimensions: [['service']], Metrics: [{ Name: 'MarksSaved', Unit: 'Count' }] },
    ]);
  });

  it('should log a request refused by the CSRF check, with the verified caller', async () => {
    const client = new ApiClient(api.url);
    await client.signIn('teacher');
    client.csrf = 'forged';
    const forged = await client.send('PUT', `${M5}/marks`, {
      lessonId: '2026-11-20.8.all', studentId: fx.fiveA[2]!.studentId, workType: 'lessonAnswer', value: 3, version: 0, requestId: 'observe-mark-3',
    });
    expect(forged.status).toBe(403);
    expect(lineOf(forged)).toMatchObject({ status: 403, errorCode: 'forbidden', handler: 'putMark', user: userHash(fx.teacherId) });
  });

  it('should log an unhandled error with its request id, class and stack frames, never its message', async () => {
    // A fault no mapper knows, thrown inside the real adapter and middleware (functions/http/area.ts):
    // its message quotes a pupil's name and a value from the table, as a TypeError or a DynamoDB
    // ValidationException can; the second line of the message even looks like a stack frame.
    const pupil = fx.fiveA[3]!;
    const quoted = `${pupil.lastName} ${pupil.firstName}`;
    const sdkError = Object.assign(new Error(`One or more parameter values were invalid: "${quoted}"\n    at ${pupil.lastName}`, { cause: new TypeError(quoted) }), { name: 'ValidationException' });
    const failing = Object.assign(async () => Promise.reject(sdkError), { handlerName: 'signIn' });
    const handler = areaHandler(authRoutes, { signIn: failing });
    const path = '/api/auth/sign-in';
    const event = {
      version: '2.0', routeKey: `POST ${path}`, rawPath: path, rawQueryString: '', headers: { 'content-type': 'application/json' }, body: '{}', isBase64Encoded: false,
      requestContext: { requestId: 'observe-unhandled-1', http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' } },
    } as unknown as APIGatewayProxyEventV2;
    const res = await handler(event, { awsRequestId: 'lambda-unhandled-1' } as Context);
    expect(res).toMatchObject({ statusCode: 500, headers: { 'x-request-id': 'observe-unhandled-1' } });

    const errors = printed.lines().filter((l) => l.message === 'Unhandled error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: 'ERROR', requestId: 'observe-unhandled-1', lambdaRequestId: 'lambda-unhandled-1', errorClass: 'ValidationException', cause: 'TypeError' });
    expect(errors[0]!.stack).toMatch(/^at .*observe\.int\.test\.ts:\d+:\d+/);
    expect(Object.keys(errors[0]!).sort()).toEqual(['cause', 'errorClass', 'lambdaRequestId', 'level', 'message', 'requestId', 'service', 'stack', 'timestamp']);
    expect(requestLines().find((l) => l.requestId === 'observe-unhandled-1')).toMatchObject({ status: 500, errorCode: 'internal', level: 'ERROR' });
    const text = printed.text();
    for (const word of [quoted, pupil.lastName, pupil.firstName, 'parameter values']) expect(text, word).not.toContain(word);
  });

  it('should not log what someone typed into the path in place of a school id', async () => {
    const client = new ApiClient(api.url);
    await client.signIn('teacher');
    const typed = await client.get(`/api/schools/${encodeURIComponent('Петров Пётр')}/journal`);
    expect(typed.status).toBe(400);
    expect(lineOf(typed)).toMatchObject({ status: 400, handler: 'listMyJournals' });
    expect(lineOf(typed).school).toBeUndefined();
    expect(printed.text()).not.toContain('Петров');
  });
});

/**
 * The request middleware (functions/http/observe.ts) in the order the area adapter registers it,
 * before the error mapper: the line carries the status the caller got, also for a crash, and the
 * answer carries the id that finds the line.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { noteCaller, observe } from '../../functions/http/observe';
import { errorToResponse, toResponse } from '../../functions/http/respond';
import type { RouteSpec } from '../../functions/route-spec';
import { LockedError } from '../../shared/errors';
import { userHash } from '../../shared/ops/telemetry';
import { capturePrinted } from '../support/log-lines';

const route = { method: 'PUT', path: '/api/schools/{schoolId}/marks', area: 'journal', handler: 'putMark', permission: 'journal.write', summary: 'x' } as unknown as RouteSpec;
const session = {
  principal: { userId: 'u-7kq2', departmentId: 'krd', displayName: 'Сидорова Анна', grants: [{ role: 'teacher', schoolId: 'sch53' }] },
  csrf: 'c',
  issuedAt: 0,
  expiresAt: 0,
} as never;

function event(schoolId = 'sch53'): APIGatewayProxyEventV2 {
  return {
    routeKey: 'PUT /api/schools/{schoolId}/marks',
    pathParameters: { schoolId },
    requestContext: { requestId: 'req-1' },
  } as unknown as APIGatewayProxyEventV2;
}

function adapter(fn: (e: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(observe([route]))
    .use({ onError: async (request) => void (request.response = errorToResponse(request.error)) })
    .handler(async (e) => {
      noteCaller(e, session);
      return fn(e);
    });
}

describe('the request middleware', () => {
  const printed = capturePrinted();
  const requestLine = () => printed.lines().find((l) => l.message === 'request')!;

  it('should log a success with the verified caller as a hash, count it, and answer with x-request-id', async () => {
    const res = await adapter(async () => toResponse({ body: { ok: true } }))(event(), { awsRequestId: 'lambda-9' } as Context);
    expect(res.headers?.['x-request-id']).toBe('req-1');
    expect(requestLine()).toMatchObject({
      level: 'INFO', requestId: 'req-1', lambdaRequestId: 'lambda-9', route: 'PUT /api/schools/{schoolId}/marks',
      area: 'journal', handler: 'putMark', status: 200, school: 'sch53', department: 'krd', user: userHash('u-7kq2'),
    });
    expect(printed.lines().find((l) => l._aws)).toMatchObject({ MarksSaved: 1, school: 'sch53' });
    expect(printed.text()).not.toContain('Сидорова');
    expect(printed.text()).not.toContain('u-7kq2');
  });

  it('should log the mapped status and error code of a refusal, and count the lock refusal', async () => {
    const res = await adapter(async () => {
      throw new LockedError('Журнал закрыт для Сидоровой');
    })(event(), {} as Context);
    expect(res.statusCode).toBe(423);
    expect(res.headers?.['x-request-id']).toBe('req-1');
    expect(requestLine()).toMatchObject({ level: 'WARN', status: 423, errorCode: 'locked' });
    expect(printed.lines().find((l) => l._aws)).toMatchObject({ LockRefusals: 1 });
    expect(printed.text()).not.toContain('Сидоров');
  });

  it('should log a crash as a 500 at error level, and the error by its class and frames, not its message', async () => {
    const res = await adapter(async () => {
      throw new TypeError('boom: Сидорова Анна');
    })(event(), {} as Context);
    expect(res.statusCode).toBe(500);
    expect(requestLine()).toMatchObject({ level: 'ERROR', status: 500, errorCode: 'internal', requestId: 'req-1' });
    const crash = printed.lines().filter((l) => l.message === 'Unhandled error');
    expect(crash).toEqual([expect.objectContaining({ level: 'ERROR', requestId: 'req-1', errorClass: 'TypeError', stack: expect.stringMatching(/^at .*observe\.test\.ts/) })]);
    expect(printed.text()).not.toContain('boom');
    expect(printed.text()).not.toContain('Сидоров');
  });

  it('should leave out a school id that is not one of ours', async () => {
    await adapter(async () => toResponse({ body: {} }))(event('Сидорова Анна'), {} as Context);
    expect(requestLine().school).toBeUndefined();
    expect(printed.text()).not.toContain('Сидорова');
  });
});

/**
 * The request line and the request's metrics, as middy middleware around the area adapter
 * (functions/http/area.ts): every API request passes here once, whatever its outcome, and leaves
 * one JSON line (shared/ops/telemetry.ts) and its counters. It also answers with `x-request-id`,
 * the id to search the logs for (README.md, "Where the logs of a request are").
 *
 * Register it before the error mapper, so that its onError runs after the mapper has turned the
 * error into the response whose status it logs (middy runs onError handlers last-registered first).
 */
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Session } from '../../shared/auth/session';
import { countRequest, logRequest, logUnhandledError, userHash, type RequestLine } from '../../shared/ops/telemetry';
import { routeKey, type RouteSpec } from '../route-spec';

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>;

/** The caller the adapter verified for an event; keyed by the event object, so concurrent requests never mix. */
const callers = new WeakMap<APIGatewayProxyEventV2, Session>();
const started = new WeakMap<APIGatewayProxyEventV2, number>();

/** Called by the adapter once the session cookie is verified: only a verified caller is logged. */
export function noteCaller(event: APIGatewayProxyEventV2, session: Session | null): void {
  if (session) callers.set(event, session);
}

/** The error code of a JSON error answer (`{"error":{"code":...}}`), never its message. */
function errorCode(response: APIGatewayProxyStructuredResultV2 | undefined): string | undefined {
  if (!response || (response.statusCode ?? 200) < 400 || typeof response.body !== 'string') return undefined;
  try {
    const code: unknown = JSON.parse(response.body)?.error?.code;
    return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

/** A well-formed id of ours, as the adapter requires of path ids: anything else was typed by someone. */
const OUR_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/** Our school: the one in the path, else the caller's only school. */
function schoolOf(event: APIGatewayProxyEventV2, session: Session | undefined): string | undefined {
  const fromPath = event.pathParameters?.schoolId;
  if (fromPath) return OUR_ID.test(fromPath) ? fromPath : undefined;
  const schools = new Set(session?.principal.grants.flatMap((g) => ('schoolId' in g ? [g.schoolId] : [])) ?? []);
  return schools.size === 1 ? [...schools][0] : undefined;
}

export function observe(routes: readonly RouteSpec[]): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context> {
  const byKey = new Map(routes.map((r) => [routeKey(r), r]));
  const finish = async (request: Request) => {
    const { event } = request;
    const response = request.response ?? undefined;
    const status = response?.statusCode ?? 500;
    const route = byKey.get(event.routeKey);
    const session = callers.get(event);
    const requestId = event.requestContext?.requestId ?? request.context?.awsRequestId ?? 'unknown';
    const school = schoolOf(event, session);
    const line: RequestLine = {
      requestId,
      lambdaRequestId: request.context?.awsRequestId,
      route: event.routeKey,
      area: route?.area,
      handler: route?.handler,
      status,
      durationMs: Math.round(performance.now() - (started.get(event) ?? performance.now())),
      school,
      department: session?.principal.departmentId,
      user: session ? userHash(session.principal.userId) : undefined,
      errorCode: errorCode(response),
    };
    // An error no mapper knew (functions/http/respond.ts answers it 500): its class and where, not its message.
    if (request.error && status >= 500) logUnhandledError(request.error, { requestId, lambdaRequestId: line.lambdaRequestId });
    logRequest(line);
    if (route) countRequest(route.handler, status, school);
    if (response) response.headers = { ...response.headers, 'x-request-id': requestId };
  };
  return {
    before: async (request) => {
      started.set(request.event, performance.now());
    },
    after: finish,
    onError: finish,
  };
}

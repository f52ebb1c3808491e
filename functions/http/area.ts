/**
 * One Lambda per API area: this adapter finds the manifest entry for the event's route, runs the
 * session and CSRF checks the entry asks for, validates the body with the entry's schema and calls
 * the named handler. Shaping and error mapping happen here and nowhere else.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readSession, CSRF_HEADER, RENEW_AFTER_SECONDS, tokenFromCookies, type Session } from '../../shared/auth/session';
import { signingKey } from '../../shared/auth/signing-key';
import { config } from '../../shared/config';
import { BadRequestError, ForbiddenError, UnauthenticatedError } from '../../shared/errors';
import { routeKey, routes, type RouteSpec } from '../routes';
import { now as clockNow } from './clock';
import { errorToResponse, toResponse, type Reply } from './respond';
import { renewSession } from './renew';

export interface Req<B = unknown> {
  route: RouteSpec;
  body: B;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  /** Present on every route except public ones. */
  session: Session | null;
  now: Date;
  sourceIp: string;
}

export type Handler<B = unknown> = (req: Req<B>) => Promise<Reply>;

/** Types a handler's body from its schema; the adapter has already validated it. */
export function handler<B = unknown>(fn: Handler<B>): Handler<B> {
  return fn;
}

/** A signed-in caller's session, for handlers of non-public routes. */
export function sessionOf(req: Req<unknown>): Session {
  if (!req.session) throw new UnauthenticatedError();
  return req.session;
}

const byKey = new Map(routes.map((r) => [routeKey(r), r]));
// Ids in paths are ours (ascii, short); anything else is refused before it reaches a key, where
// DynamoDB's key-size limit would otherwise turn it into a server error.
const PATH_ID = /^[A-Za-z0-9_.-]{1,64}$/;

function pathParams(event: APIGatewayProxyEventV2): Record<string, string> {
  const params = Object.fromEntries(Object.entries(event.pathParameters ?? {}).map(([k, v]) => [k, v ?? '']));
  for (const v of Object.values(params)) {
    if (!PATH_ID.test(v)) throw new BadRequestError('Неверный идентификатор в адресе запроса.');
  }
  return params;
}
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function parseBody(event: APIGatewayProxyEventV2, route: RouteSpec): unknown {
  if (!route.body) return undefined;
  const type = event.headers?.['content-type'] ?? '';
  // A cross-site HTML form cannot send JSON, so requiring it also closes login CSRF.
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new BadRequestError('Запрос должен быть в формате JSON (Content-Type: application/json).');
  }
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  let parsed: unknown;
  try {
    parsed = raw === '' ? {} : JSON.parse(raw);
  } catch {
    throw new BadRequestError('Тело запроса не является корректным JSON.');
  }
  return route.body.parse(parsed);
}

async function dispatch(
  event: APIGatewayProxyEventV2,
  handlers: Record<string, Handler<never>>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const route = byKey.get(event.routeKey);
  const fn = route && handlers[route.handler];
  if (!route || !fn) return toResponse({ status: 404, body: { error: { code: 'not_found', message: 'Нет такого адреса API.' } } });
  const now = clockNow();

  let session: Session | null = null;
  let renewedCookie: string | undefined;
  const token = tokenFromCookies(event.cookies, config().secureCookies);
  if (token) session = await readSession(token, await signingKey(), now);
  if (route.permission !== 'public') {
    if (!session) throw new UnauthenticatedError('Сеанс истёк или вы не вошли в систему. Войдите снова.');
    if (STATE_CHANGING.has(route.method) && event.headers?.[CSRF_HEADER] !== session.csrf) {
      throw new ForbiddenError('Запрос отклонён защитой от подделки запросов. Обновите страницу и повторите.');
    }
    // Sliding renewal: re-read the account now and then so that a disabled account or a changed
    // role takes effect within RENEW_AFTER_SECONDS rather than at the token's expiry.
    if (now.getTime() / 1000 - session.issuedAt > RENEW_AFTER_SECONDS) {
      const renewed = await renewSession(session, now);
      session = renewed.session;
      renewedCookie = renewed.cookie;
    }
  }

  const req: Req<never> = {
    route,
    body: parseBody(event, route) as never,
    params: pathParams(event),
    query: event.queryStringParameters ?? {},
    session,
    now,
    sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
  };
  const reply = await fn(req);
  if (renewedCookie && !reply.cookies) reply.cookies = [renewedCookie];
  return toResponse(reply);
}

export function areaHandler(handlers: Record<string, Handler<never>>) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use({
      onError: async (request) => {
        request.response = errorToResponse(request.error);
      },
    })
    .handler((event) => dispatch(event, handlers));
}

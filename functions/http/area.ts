/**
 * One Lambda per API area: this adapter finds the area's manifest entry for the event's route, runs
 * the session and CSRF checks the entry asks for, and calls the named handler with a request whose
 * `authorize(object)` is bound to the entry's permission. Shaping and error mapping happen here and
 * nowhere else.
 *
 * Order of checks, so that a stranger learns nothing about a route's fields: session and CSRF
 * here; then the handler loads its object and authorises; only then are the query string and the
 * body validated. Both are parsed lazily, on first read, and on a guarded route reading them before
 * `authorize` is a programming error (a 500 that every test of the route would show). An object
 * named in the body itself (the class of a new student) is read with `peek`, which returns only a
 * well-formed id and never reports what is wrong. A guarded handler that answers without having
 * authorised fails the same way, so the manifest's permission cannot be forgotten.
 *
 * Each area passes its own routes (functions/<area>/index.ts): a bundle carries its area's schemas,
 * not the whole manifest.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { may, refusalBeforeLoading, type Action, type ObjectOf } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/roles';
import { readSession, CSRF_HEADER, tokenFromCookies, type Session } from '../../shared/auth/session';
import { signingKey } from '../../shared/auth/signing-key';
import { config } from '../../shared/config';
import { BadRequestError, ForbiddenError, UnauthenticatedError } from '../../shared/errors';
import { routeKey, type RouteSpec } from '../route-spec';
import { now as clockNow } from './clock';
import { errorToResponse, toResponse, type Reply } from './respond';
import { guardSession } from './renew';
import { noteCaller, observe } from './observe';
// zod's default messages in Russian, for every area.
import './zod-locale';

type BodyOf<R> = R extends { body: infer S extends z.ZodType } ? z.output<S> : undefined;
type QueryOf<R> = R extends { query: infer S extends z.ZodObject } ? z.output<S> : Record<never, never>;
/** The action of a guarded route; `never` for public and session routes, which authorise nothing. */
export type ActionOf<R> = R extends { permission: infer P extends Action } ? P : never;

export interface Req<R extends RouteSpec = RouteSpec> {
  readonly route: R;
  /** Path parameters, each already checked to be a well-formed id. */
  readonly params: Record<string, string>;
  /** Validated against the route's query schema on first read (after `authorize`). */
  readonly query: QueryOf<R>;
  /** Validated against the route's body schema on first read (after `authorize`). */
  readonly body: BodyOf<R>;
  /** Present on every route except public ones. */
  readonly session: Session | null;
  /** The signed-in caller; 401 where there is none. */
  readonly principal: Principal;
  readonly now: Date;
  readonly sourceIp: string;
  /** The calling page's origin (the Origin header), when it is a plain http(s) origin: the site's own address. */
  readonly origin: string | undefined;
  /** The route's permission on `object`, or 403 with `refusal`. */
  readonly authorize: (object: ObjectOf<ActionOf<R>>, refusal?: string) => void;
  /** The same check answering yes or no, for routes that answer 404 to "not yours" so that ids cannot be probed. */
  readonly allowed: (object: ObjectOf<ActionOf<R>>) => boolean;
  /** A well-formed id at `field` of the JSON body, unvalidated otherwise: for naming the object to authorise. */
  readonly peek: (field: string) => string | undefined;
}

/** What a helper needs of a request to authorise an object of type `O` for it. */
export type Authorizing<O> = Pick<Req, 'principal' | 'params' | 'now'> & { readonly authorize: (object: O, refusal?: string) => void };

export type Handler = ((req: Req<never>) => Promise<Reply>) & { readonly handlerName: string };

/**
 * The handler factory of an area: `handler('createStudent', async (req) => ...)` types `req` from
 * the manifest entry of that name (body, query, permission). The name is the export's name too
 * (test/unit/routes.test.ts holds them equal).
 */
export function handlersOf<Routes extends readonly RouteSpec[]>(_routes: Routes) {
  return <H extends Routes[number]['handler']>(name: H, fn: (req: Req<Extract<Routes[number], { handler: H }>>) => Promise<Reply>): Handler =>
    Object.assign(fn as (req: Req<never>) => Promise<Reply>, { handlerName: name });
}

/** A signed-in caller's session, for handlers of non-public routes. */
export function sessionOf(req: Pick<Req, 'session'>): Session {
  if (!req.session) throw new UnauthenticatedError();
  return req.session;
}

// Ids in paths are ours (ascii, short); anything else is refused before it reaches a key, where
// DynamoDB's key-size limit would otherwise turn it into a server error.
export const PATH_ID = /^[A-Za-z0-9_.-]{1,64}$/;

function pathParams(event: APIGatewayProxyEventV2): Record<string, string> {
  const params = Object.fromEntries(Object.entries(event.pathParameters ?? {}).map(([k, v]) => [k, v ?? '']));
  for (const v of Object.values(params)) {
    if (!PATH_ID.test(v)) throw new BadRequestError('Неверный идентификатор в адресе запроса.');
  }
  return params;
}
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;

function rawJson(event: APIGatewayProxyEventV2): unknown {
  const type = event.headers?.['content-type'] ?? '';
  // A cross-site HTML form cannot send JSON, so requiring it also closes login CSRF.
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new BadRequestError('Запрос должен быть в формате JSON (Content-Type: application/json).');
  }
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (raw === '') return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequestError('Тело запроса не является корректным JSON.');
  }
}

const NO_QUERY = {};

function request(route: RouteSpec, event: APIGatewayProxyEventV2, session: Session | null, now: Date): { req: Req; authorised: () => boolean } {
  const guarded = route.permission !== 'public' && route.permission !== 'session';
  let authorised = !guarded;
  const inputRead = (what: string) => {
    if (!authorised) throw new Error(`${route.area}.${route.handler} read its ${what} before authorising ${route.permission}`);
  };
  const principal = () => sessionOf({ session }).principal;
  const check = (object: unknown) => may(principal(), route.permission as Action, object as never);
  let body: { value: unknown } | undefined;
  let query: { value: unknown } | undefined;
  let json: { value: unknown } | undefined;
  const req: Req = {
    route,
    params: pathParams(event),
    session,
    now,
    sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
    origin: ORIGIN.test(event.headers?.origin ?? '') ? event.headers!.origin : undefined,
    get principal() {
      return principal();
    },
    get query() {
      inputRead('query string');
      query ??= { value: route.query ? route.query.parse(event.queryStringParameters ?? {}) : NO_QUERY };
      return query.value as never;
    },
    get body() {
      inputRead('body');
      if (!route.body) return undefined as never;
      body ??= { value: route.body.parse(rawJson(event)) };
      return body.value as never;
    },
    authorize: (object, refusal) => {
      if (!check(object)) throw new ForbiddenError(refusal);
      authorised = true;
    },
    allowed: (object) => {
      if (!check(object)) return false;
      authorised = true;
      return true;
    },
    peek: (field) => {
      if (!route.body) return undefined;
      if (!json) {
        try {
          json = { value: rawJson(event) };
        } catch {
          json = { value: undefined };
        }
      }
      const v = (json.value as Record<string, unknown> | undefined)?.[field];
      return typeof v === 'string' && PATH_ID.test(v) ? v : undefined;
    },
  };
  return { req, authorised: () => authorised };
}

async function dispatch(
  event: APIGatewayProxyEventV2,
  byKey: Map<string, RouteSpec>,
  handlers: Record<string, unknown>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const route = byKey.get(event.routeKey);
  const fn = route && (handlers[route.handler] as Handler | undefined);
  if (!route || typeof fn !== 'function') return toResponse({ status: 404, body: { error: { code: 'not_found', message: 'Нет такого адреса API.' } } });
  const now = clockNow();

  let session: Session | null = null;
  let renewedCookie: string | undefined;
  const token = tokenFromCookies(event.cookies, config().secureCookies);
  if (token) session = await readSession(token, await signingKey(), now);
  noteCaller(event, session);
  if (route.permission !== 'public') {
    if (!session) throw new UnauthenticatedError('Сеанс истёк или вы не вошли в систему. Войдите снова.');
    if (STATE_CHANGING.has(route.method) && event.headers?.[CSRF_HEADER] !== session.csrf) {
      throw new ForbiddenError('Запрос отклонён защитой от подделки запросов. Обновите страницу и повторите.');
    }
    // Idle limit, session epoch, renewal and recent password (functions/http/renew.ts).
    const guarded = await guardSession({ session, action: route.permission, writes: STATE_CHANGING.has(route.method) && route.callerAccount !== 'inBatch', now });
    session = guarded.session;
    renewedCookie = guarded.cookie;
  }

  const { req, authorised } = request(route, event, session, now);
  // What the action needs of the school alone is asked before the handler reads anything.
  if (session && route.permission !== 'public' && route.permission !== 'session' && req.params.schoolId) {
    const p = session.principal;
    const refusal = refusalBeforeLoading(p, route.permission, { departmentId: p.departmentId, schoolId: req.params.schoolId });
    if (refusal) throw new ForbiddenError(refusal);
  }
  const reply = await fn(req as Req<never>);
  if (!authorised()) throw new Error(`${route.area}.${route.handler} answered without authorising ${route.permission}`);
  if (renewedCookie && !reply.cookies) reply.cookies = [renewedCookie];
  return toResponse(reply);
}

/** The Lambda of one area: its own manifest entries and the handlers they name. */
export function areaHandler(routes: readonly RouteSpec[], handlers: Record<string, unknown>) {
  const byKey = new Map(routes.map((r) => [routeKey(r), r]));
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    // First, so that its onError runs after the error mapper below (functions/http/observe.ts).
    .use(observe(routes))
    .use({
      onError: async (request) => {
        request.response = errorToResponse(request.error);
      },
    })
    .handler((event) => dispatch(event, byKey, handlers));
}

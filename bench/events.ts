/**
 * What the bench modules share to call an area's Lambda handler in-process, as API Gateway would:
 * a signed-in session over the local stack's HTTP, and the HTTP API v2 event of a GET on a path of
 * the routes manifest (its route key and path parameters found by the local server's matcher).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { matchRoute } from '../infra/local/server';
import { routeKey } from '../functions/routes';

export interface BenchSession {
  cookie: string;
  csrf: string;
}

export async function signIn(baseUrl: string, login: string): Promise<BenchSession> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'Demo-2026!' }) });
  const body = (await res.json()) as { csrfToken: string };
  if (res.status !== 200) throw new Error(`bench sign-in ${login}: ${res.status}`);
  return { cookie: res.headers.getSetCookie()[0]!.split(';')[0]!, csrf: body.csrfToken };
}

/** The event of `GET path` (no query string) with the session's cookie, stamped `now`. */
export function getEvent(cookie: string, path: string, now: Date): APIGatewayProxyEventV2 {
  const match = matchRoute('GET', path);
  if (!match) throw new Error(`bench: no route for GET ${path}`);
  const key = routeKey(match.spec);
  return {
    version: '2.0',
    routeKey: key,
    rawPath: path,
    rawQueryString: '',
    cookies: [cookie],
    headers: {},
    pathParameters: match.params,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'bench', apiId: 'bench', domainName: 'localhost', domainPrefix: 'bench', requestId: 'bench', routeKey: key, stage: '$default',
      time: now.toUTCString(), timeEpoch: now.getTime(),
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
    },
  } as APIGatewayProxyEventV2;
}

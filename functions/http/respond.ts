/**
 * The one place that turns results and errors into HTTP responses.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ZodError } from 'zod';
import { DomainError, TooManyRequestsError } from '../../shared/errors';
import { API_SECURITY_HEADERS } from '../../shared/security-headers';

export interface Reply {
  status?: number;
  /** JSON, or bytes (a rendered PDF) sent as they are with the content type given in `headers`. */
  body?: unknown;
  cookies?: string[];
  headers?: Record<string, string>;
}

// The security headers too, so the API carries them however it is reached (CloudFront adds the same).
const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  ...API_SECURITY_HEADERS,
};

export function toResponse(reply: Reply): APIGatewayProxyStructuredResultV2 {
  // API Gateway carries binary answers base64-encoded, flagged so that it decodes them for the client.
  if (reply.body instanceof Uint8Array) {
    return { statusCode: reply.status ?? 200, headers: { ...BASE_HEADERS, ...reply.headers }, cookies: reply.cookies, body: Buffer.from(reply.body).toString('base64'), isBase64Encoded: true };
  }
  return {
    statusCode: reply.status ?? (reply.body === undefined ? 204 : 200),
    headers: { ...BASE_HEADERS, ...reply.headers },
    cookies: reply.cookies,
    body: reply.body === undefined ? '' : JSON.stringify(reply.body),
  };
}

function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function errorToResponse(err: unknown): APIGatewayProxyStructuredResultV2 {
  if (err instanceof DomainError) {
    const headers: Record<string, string> =
      err instanceof TooManyRequestsError ? { 'retry-after': String(err.retryAfterSeconds) } : {};
    return toResponse({ status: err.status, body: errorBody(err.code, err.message, err.details), headers });
  }
  if (err instanceof ZodError) {
    const fields = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const message = [...new Set(fields.map((f) => f.message))].join(' ');
    return toResponse({ status: 400, body: errorBody('bad_request', message || 'Неверные данные запроса.', { fields }) });
  }
  // Logged by functions/http/observe.ts with the request's id, redacted: the message may quote personal data.
  return toResponse({
    status: 500,
    body: errorBody('internal', 'Внутренняя ошибка сервера. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.'),
  });
}

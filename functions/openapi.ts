/**
 * The OpenAPI 3.1 description, generated from the routes manifest and its zod schemas, so the
 * document cannot fall behind the API.
 */
import * as z from 'zod';
import { routes, type RouteSpec } from './routes';
import { errorResponse } from './schemas';
import { CSRF_HEADER, SESSION_COOKIE } from '../shared/auth/session';
import { PATH_ID } from './http/area';

const jsonSchema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const ERROR_TEXT: Record<string, string> = {
  '400': 'Неверные данные запроса (сообщение на русском, поля в details.fields)',
  '401': 'Нет сеанса или сеанс истёк',
  '403': 'Недостаточно прав, или запрос без X-CSRF-Token',
  '404': 'Объект не найден или недоступен',
  '409': 'Одновременное изменение: в details.current текущее значение',
  '413': 'Тело запроса слишком большое',
  '422': 'Запрещено правилом Положения при любых сроках (в details.clause пункт Положения), например отметки в 1 классе',
  '423': 'Заблокировано правилами Положения (в сообщении причина и дата)',
  '429': 'Слишком много попыток; заголовок Retry-After',
};

function errorStatuses(r: RouteSpec): string[] {
  const statuses = ['400'];
  if (r.permission !== 'public') statuses.push('401', '403');
  if (r.path.includes('{')) statuses.push('404');
  if (r.method !== 'GET' && r.permission !== 'public') statuses.push('409', '422', '423');
  if (r.body) statuses.push('413');
  if (r.handler === 'signIn') statuses.push('401', '403', '429');
  return [...new Set(statuses)].sort();
}

function security(r: RouteSpec) {
  if (r.permission === 'public') return [];
  return r.method === 'GET' ? [{ session: [] }] : [{ session: [], csrf: [] }];
}

/** The query schema's fields as OpenAPI parameters, each with its own JSON Schema. */
function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  const schema = jsonSchema(query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s }));
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const params = [
      ...[...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', pattern: PATH_ID.source } })),
      ...queryParameters(r.query),
    ];
    paths[r.path] ??= {};
    paths[r.path]![r.method.toLowerCase()] = {
      operationId: `${r.area}.${r.handler}`,
      summary: r.summary,
      tags: [r.area],
      'x-permission': r.permission,
      ...(params.length ? { parameters: params } : {}),
      security: security(r),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses: {
        [String(r.successStatus ?? (r.response || r.produces ? 200 : 204))]: r.produces
          ? { description: 'Документ', content: { [r.produces]: { schema: { type: 'string', contentMediaType: r.produces } } } }
          : r.response
            ? { description: 'Успешно', content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } }
            : { description: 'Успешно' },
        ...Object.fromEntries(
          errorStatuses(r).map((s) => [s, { description: ERROR_TEXT[s], content: { 'application/json': { schema: ERROR_REF } } }]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Журнал: электронный классный журнал и дневник', version: '0.1.0' },
    components: {
      schemas: { Error: jsonSchema(errorResponse, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
      },
    },
    paths,
  };
}

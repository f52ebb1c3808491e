/**
 * The OpenAPI 3.1 description, generated from the routes manifest and its zod schemas, so the
 * document cannot fall behind the API.
 */
import { z } from 'zod';
import { routes } from './routes';
import { errorResponse } from './schemas';

const jsonSchema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const error = { description: 'Ошибка', content: { 'application/json': { schema: jsonSchema(errorResponse, 'output') } } };
    paths[r.path] ??= {};
    paths[r.path]![r.method.toLowerCase()] = {
      operationId: `${r.area}.${r.handler}`,
      summary: r.summary,
      tags: [r.area],
      'x-permission': r.permission,
      ...(params.length ? { parameters: params } : {}),
      ...(r.permission === 'public' ? { security: [] } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses: {
        [String(r.successStatus ?? (r.response ? 200 : 204))]: r.response
          ? { description: 'Успешно', content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } }
          : { description: 'Успешно' },
        '400': error,
        ...(r.permission === 'public' ? {} : { '401': error, '403': error }),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Журнал: электронный классный журнал и дневник', version: '0.1.0' },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-zh_session' }, csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' } },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}

/**
 * The OpenAPI 3.1 description (issue 2, item 7) is generated from the routes manifest and its zod
 * schemas; these tests hold the two in agreement.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { openApiDocument } from '../../functions/openapi';
import { routeKey, routes } from '../../functions/routes';
import { errorResponse } from '../../functions/schemas';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/auth/session';

interface Operation {
  operationId: string;
  tags: string[];
  'x-permission': string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
  requestBody?: { required: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

const doc = openApiDocument();
const paths = doc.paths as Record<string, Record<string, Operation>>;
const operations = Object.entries(paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
);
const opOf = (r: (typeof routes)[number]) => paths[r.path]![r.method.toLowerCase()]!;
const each = routes.map((r) => [routeKey(r), r] as const);
const toJson = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, target: 'draft-2020-12', unrepresentable: 'any' });
const errorSchema = toJson(errorResponse, 'output');

describe('openApiDocument', () => {
  it('should be OpenAPI 3.1.0 with a title', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toContain('Журнал');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('should survive a JSON round trip unchanged (it is served as /api/openapi.json)', () => {
    expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
  });

  it('should have exactly one operation per manifest route and nothing else', () => {
    expect(operations.map((o) => o.key).sort()).toEqual(routes.map(routeKey).sort());
  });

  it('should give unique operation ids of the form area.handler', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of routes) expect(opOf(r).operationId).toBe(`${r.area}.${r.handler}`);
  });

  it('should describe the session cookie and the CSRF header the server really reads', () => {
    expect(doc.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
    expect(doc.components.securitySchemes.csrf.in).toBe('header');
    expect(doc.components.securitySchemes.csrf.name.toLowerCase()).toBe(CSRF_HEADER);
    expect(doc.components.schemas.Error).toEqual(errorSchema);
  });

  it.each(each)('%s should carry its area tag and permission', (_key, r) => {
    expect(opOf(r).tags).toEqual([r.area]);
    expect(opOf(r)['x-permission']).toBe(r.permission);
  });

  it.each(each)('%s should need no session only when public, and the CSRF header only when it changes state', (_key, r) => {
    if (r.permission === 'public') expect(opOf(r).security).toEqual([]);
    else if (r.method === 'GET') expect(opOf(r).security).toEqual([{ session: [] }]);
    else expect(opOf(r).security).toEqual([{ session: [], csrf: [] }]);
  });

  it.each(each)('%s should declare each path parameter as a required string', (_key, r) => {
    const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const declared = opOf(r).parameters ?? [];
    expect(declared.map((p) => p.name)).toEqual(names);
    for (const p of declared) expect(p).toMatchObject({ in: 'path', required: true, schema: { type: 'string' } });
  });

  it.each(each)('%s should have a JSON request body exactly when the manifest has a body schema', (_key, r) => {
    const body = opOf(r).requestBody;
    if (!r.body) {
      expect(body).toBeUndefined();
      return;
    }
    expect(body?.required).toBe(true);
    expect(Object.keys(body!.content)).toEqual(['application/json']);
    expect(body!.content['application/json']!.schema).toEqual(toJson(r.body, 'input'));
  });

  it.each(each)('%s should reference the error shape for 400 (and 401, 403 unless public)', (_key, r) => {
    const responses = opOf(r).responses;
    const codes = r.permission === 'public' ? ['400'] : ['400', '401', '403'];
    for (const code of codes) expect(responses[code]?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
    if (r.permission === 'public' && r.handler !== 'signIn') expect(responses['401']).toBeUndefined();
  });

  it('should describe the error shape as { error: { code, message, details? } }', () => {
    expect(errorSchema).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
    });
  });

  it.each(routes.filter((r) => r.response).map((r) => [routeKey(r), r] as const))(
    '%s should document its success status with the response schema',
    (_key, r) => {
      const status = String(r.successStatus ?? 200);
      expect(opOf(r).responses[status]?.content?.['application/json']?.schema).toEqual(toJson(r.response!, 'output'));
    },
  );

  it('should describe the sign-in body with its fields and limits', () => {
    const signIn = paths['/api/auth/sign-in']!.post!;
    expect(signIn.requestBody!.content['application/json']!.schema).toMatchObject({
      type: 'object',
      required: ['login', 'password'],
      properties: { login: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 128 } },
    });
  });

  it('should document what sign-in can answer: wrong credentials, closed access, throttling', () => {
    expect(Object.keys(paths['/api/auth/sign-in']!.post!.responses).sort()).toEqual(['200', '400', '401', '403', '429']);
  });

  it('should document code issuing as 201 Created', () => {
    const issue = paths['/api/schools/{schoolId}/activation-codes']!.post!;
    expect(Object.keys(issue.responses)).toContain('201');
    expect(Object.keys(issue.responses)).not.toContain('200');
    expect(Object.keys(issue.responses)).not.toContain('204');
  });
});

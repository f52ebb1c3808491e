import * as z from 'zod';
import type { RouteSpec } from '../route-spec';

const openApiResponse = z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }).loose();
const healthResponse = z.object({ ok: z.boolean(), time: z.string() });

export const systemRoutes = [
  { method: 'GET', path: '/api/openapi.json', area: 'system', handler: 'openapi', permission: 'public', summary: 'Описание API (OpenAPI 3.1)', response: openApiResponse },
  { method: 'GET', path: '/api/health', area: 'system', handler: 'health', permission: 'public', summary: 'Проверка работоспособности', response: healthResponse },
] as const satisfies readonly RouteSpec[];

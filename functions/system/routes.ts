import type { RouteSpec } from '../route-spec';

export const systemRoutes: RouteSpec[] = [
  { method: 'GET', path: '/api/openapi.json', area: 'system', handler: 'openapi', permission: 'public', summary: 'Описание API (OpenAPI 3.1)' },
  { method: 'GET', path: '/api/health', area: 'system', handler: 'health', permission: 'public', summary: 'Проверка работоспособности' },
];

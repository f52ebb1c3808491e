import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

export const yearRoutes = [
  { method: 'GET', path: '/api/schools/{schoolId}/years', area: 'year', handler: 'listYears', permission: 'year.read', summary: 'Учебные годы школы', response: schemas.yearListResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/years/{yearId}', area: 'year', handler: 'getYearInfo', permission: 'year.read', summary: 'Учебный год: периоды и каникулы', response: schemas.yearResponse },
  { method: 'PUT', path: '/api/schools/{schoolId}/years/{yearId}', area: 'year', handler: 'putYear', permission: 'year.write', summary: 'Создать или заменить учебный год (версия 0 — новый)', body: schemas.yearBody, response: schemas.yearResponse },
] as const satisfies readonly RouteSpec[];

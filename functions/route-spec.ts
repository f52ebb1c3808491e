/**
 * The shape of one entry of the routes manifest (functions/routes.ts); each area lists its own
 * entries in functions/<area>/routes.ts.
 */
import type { z } from 'zod';
import type { Action } from '../shared/auth/policy';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const AREA_NAMES = ['auth', 'school', 'system', 'settings', 'year', 'people', 'curriculum', 'timetable', 'ktp', 'journal'] as const;
export type Area = (typeof AREA_NAMES)[number];

export interface RouteSpec {
  method: Method;
  path: string;
  area: Area;
  /** Named export of `functions/<area>/handlers.ts`. */
  handler: string;
  /** The authorisation action the handler checks on the object it loads (shared/auth/policy.ts);
   * `public` routes need no session, `session` ones any signed-in person. */
  permission: Action | 'public' | 'session';
  summary: string;
  body?: z.ZodType;
  response?: z.ZodType;
  /** Status of a successful answer when it is not 200 (201 for creations). */
  successStatus?: number;
}

export function routeKey(r: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${r.method} ${r.path}`;
}

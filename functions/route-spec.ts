/**
 * The shape of one entry of the routes manifest (functions/routes.ts); each area lists its own
 * entries in functions/<area>/routes.ts, `as const` so that a handler's request is typed from its
 * entry: body and query from their schemas, `authorize` from the permission.
 */
import type { z } from 'zod';
import type { Action } from '../shared/auth/policy';

/** The media type of an XLSX workbook (a report's spreadsheet). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const AREA_NAMES = ['auth', 'school', 'system', 'settings', 'year', 'people', 'curriculum', 'timetable', 'ktp', 'journal', 'people-pdf', 'people-import', 'ktp-import', 'period-marks', 'corrections', 'diary', 'paper-reports', 'messages', 'surveys', 'corrections-pdf', 'journal-control', 'reports', 'report-files', 'report-xlsx', 'checks', 'archive', 'archive-pdf'] as const;
export type Area = (typeof AREA_NAMES)[number];

/** `public` routes need no session, `session` ones any signed-in person; an action is checked on the object the handler loads. */
export type Permission = Action | 'public' | 'session';

export interface RouteSpec {
  method: Method;
  path: string;
  area: Area;
  /** Named export of `functions/<area>/handlers.ts`. */
  handler: string;
  /** The authorisation action (shared/auth/policy.ts) the adapter binds to the handler's
   * `req.authorize(object)`; a guarded route cannot answer without that check having passed. */
  permission: Permission;
  summary: string;
  /** The query string: every parameter the handler reads, validated by the adapter (400 otherwise). */
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  /** Status of a successful answer when it is not 200 (201 for creations). */
  successStatus?: number;
  /** A document answered instead of JSON (a rendered PDF or XLSX): its media type, for OpenAPI and the client. */
  produces?: 'application/pdf' | typeof XLSX_TYPE;
  /**
   * `'inBatch'`: the handler reads the caller's account in the one BatchGetItem its write already
   * makes and checks it (functions/http/renew.ts `assertLiveAccount`) before writing, so the adapter
   * does not spend a round trip of its own on it. For the hot writes only (a mark: budget 2 requests).
   */
  callerAccount?: 'inBatch';
}

export function routeKey(r: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${r.method} ${r.path}`;
}

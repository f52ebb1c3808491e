/**
 * The routes manifest (style habit 5): one list feeds the CDK stack, the local runner and the
 * OpenAPI description, so each entry must point at a real handler and a real policy action.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The handler modules must load with no configuration at all (it is read lazily, on the first
// request), so the environment is emptied before anything is imported.
const CONFIG_VARS = vi.hoisted(() => {
  const vars = ['TABLE_NAME', 'REPORT_BUCKET', 'SESSION_SIGNING_KEY', 'SESSION_SIGNING_KEY_SECRET_ARN'];
  for (const v of vars) delete process.env[v];
  return vars;
});

import * as archive from '../../functions/archive/handlers';
import * as archivePdf from '../../functions/archive-pdf/handlers';
import * as auth from '../../functions/auth/handlers';
import * as curriculum from '../../functions/curriculum/handlers';
import * as diary from '../../functions/diary/handlers';
import * as journal from '../../functions/journal/handlers';
import * as ktpImport from '../../functions/ktp-import/handlers';
import * as periodMarks from '../../functions/period-marks/handlers';
import * as reportFiles from '../../functions/report-files/handlers';
import * as reportXlsx from '../../functions/report-xlsx/handlers';
import * as checks from '../../functions/checks/handlers';
import * as reports from '../../functions/reports/handlers';
import * as corrections from '../../functions/corrections/handlers';
import * as paperReports from '../../functions/paper-reports/handlers';
import * as correctionsPdf from '../../functions/corrections-pdf/handlers';
import * as journalControl from '../../functions/journal-control/handlers';
import * as ktp from '../../functions/ktp/handlers';
import * as messages from '../../functions/messages/handlers';
import * as surveys from '../../functions/surveys/handlers';
import * as peopleImport from '../../functions/people-import/handlers';
import * as peoplePdf from '../../functions/people-pdf/handlers';
import * as people from '../../functions/people/handlers';
import { AREA_NAMES, type Area } from '../../functions/route-spec';
import { AREAS, jobs, routeKey, routes } from '../../functions/routes';
import * as school from '../../functions/school/handlers';
import * as settings from '../../functions/settings/handlers';
import * as system from '../../functions/system/handlers';
import * as timetable from '../../functions/timetable/handlers';
import * as year from '../../functions/year/handlers';
import { ACTIONS, may, type Action } from '../../shared/auth/policy';
import { readConfig } from '../../shared/config';

const handlerModules: Record<Area, Record<string, unknown>> = { auth, school, system, settings, year, people, curriculum, timetable, ktp, journal, 'people-pdf': peoplePdf, 'people-import': peopleImport, 'ktp-import': ktpImport, 'period-marks': periodMarks, corrections, diary, 'paper-reports': paperReports, messages, surveys, 'corrections-pdf': correctionsPdf, 'journal-control': journalControl, reports, 'report-files': reportFiles, 'report-xlsx': reportXlsx, checks, archive, 'archive-pdf': archivePdf };
const nobody = { userId: 'nobody', departmentId: 'krd', displayName: 'nobody', grants: [] };
const dummy = { departmentId: 'krd', schoolId: 's1', classId: '5a', studentId: 'st-1', kind: 'staff' as const };
const guarded = routes.filter((r) => r.permission !== 'public' && r.permission !== 'session');

describe('handler modules', () => {
  beforeAll(() => {
    for (const v of CONFIG_VARS) expect(process.env[v]).toBeUndefined();
  });

  it('should have been imported with no configuration in the environment', () => {
    expect(() => readConfig(process.env)).toThrow('Configuration');
    expect(typeof auth.signIn).toBe('function');
    expect(typeof school.getSchoolInfo).toBe('function');
  });

  it('should exist for every area the manifest names', () => {
    expect(Object.keys(handlerModules).sort()).toEqual([...AREA_NAMES].sort());
  });
});

describe('routes manifest', () => {
  it('should list the routes of issue 2', () => {
    expect(routes.map(routeKey)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/sign-in',
        'POST /api/auth/sign-out',
        'POST /api/auth/activate',
        'GET /api/me',
        'POST /api/schools/{schoolId}/activation-codes',
        'GET /api/schools/{schoolId}/logins',
        'GET /api/openapi.json',
        'GET /api/health',
      ]),
    );
  });

  it.each(routes.map((r) => [routeKey(r), r] as const))('%s should name an exported handler made for that route', (_key, r) => {
    const fn = handlerModules[r.area][r.handler] as { handlerName?: string } | undefined;
    expect(typeof fn).toBe('function');
    // handler('name', ...) types the request from the entry of that name: it must be this one.
    expect(fn?.handlerName).toBe(r.handler);
  });

  it('should route every exported handler (no orphan handlers)', () => {
    for (const area of AREA_NAMES) {
      const routed = routes.filter((r) => r.area === area).map((r) => r.handler).sort();
      expect([area, Object.keys(handlerModules[area]).sort()]).toEqual([area, routed]);
    }
  });

  it('should have unique method+path keys', () => {
    const keys = routes.map(routeKey);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('should have unique handler names within an area', () => {
    const names = routes.map((r) => `${r.area}.${r.handler}`);
    expect(names.filter((k, i) => names.indexOf(k) !== i)).toEqual([]);
  });

  it.each(routes.map((r) => [routeKey(r), r.path] as const))('%s should be under /api/ with {name} path parameters', (_key, path) => {
    expect(path.startsWith('/api/')).toBe(true);
    expect(path).toMatch(/^\/api(\/([a-z0-9.-]+|\{[a-z][A-Za-z0-9]*\}))+$/);
    expect(path).not.toMatch(/:|\/\/|\/$/);
  });

  it('should not repeat a path parameter within one path', () => {
    for (const r of routes) {
      const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect([r.path, new Set(params).size]).toEqual([r.path, params.length]);
    }
  });

  it('should only take request bodies on state-changing methods', () => {
    const bodiesOnReads = routes.filter((r) => r.body && (r.method === 'GET' || r.method === 'DELETE')).map(routeKey);
    expect(bodiesOnReads).toEqual([]);
  });

  it('should list in AREAS exactly the areas that have routes', () => {
    expect([...AREAS].sort()).toEqual([...new Set(routes.map((r) => r.area))].sort());
    for (const a of AREAS) expect(AREA_NAMES).toContain(a);
  });

  it('should keep public routes to sign-in, activation and the system ones', () => {
    expect(routes.filter((r) => r.permission === 'public').map(routeKey).sort()).toEqual(
      ['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/activate', 'POST /api/auth/sign-in'].sort(),
    );
  });
});

describe('query schemas', () => {
  it('should be declared for every route whose summary still describes a query by hand', () => {
    expect(routes.filter((r) => /\?\w+=/.test(r.summary) && !r.query).map(routeKey)).toEqual([]);
  });
});

describe('route permissions', () => {
  it('should throw from may for an action the policy does not know (so the check below can fail)', () => {
    expect(() => may(nobody, 'no.suchAction' as Action, dummy as never)).toThrow('No authorisation rule');
  });

  it.each(guarded.map((r) => [routeKey(r), r.permission as Action] as const))('%s should name the policy action %s', (_key, action) => {
    expect(ACTIONS).toContain(action);
    expect(typeof may(nobody, action, dummy as never)).toBe('boolean');
  });

  it('should refuse a person with no grants on every guarded route except reading oneself', () => {
    const open = guarded.filter((r) => may(nobody, r.permission as Action, dummy as never)).map(routeKey);
    expect(open).toEqual(['GET /api/me']);
  });
});

describe('jobs', () => {
  it('should have unique names and an EventBridge cron or rate schedule', () => {
    expect(new Set(jobs.map((j) => j.name)).size).toBe(jobs.length);
    for (const j of jobs) {
      expect(j.schedule).toMatch(/^(cron\(.+\)|rate\(.+\))$/);
      expect(j.localEveryMinutes).toBeGreaterThan(0);
    }
  });
});

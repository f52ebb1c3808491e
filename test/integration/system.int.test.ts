/**
 * The public system routes over HTTP: the OpenAPI description served from the manifest, and health.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { seedDemoSchool } from '../../infra/local/seed';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

let api: ApiServer;
beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(new Date());
  api = await startApi();
});
afterAll(() => api.stop());

describe('system routes', () => {
  it('should serve an OpenAPI 3.1 document with every route of the manifest', async () => {
    const res = await new ApiClient(api.url).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const served = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(served.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('should answer health without a session', async () => {
    const res = await new ApiClient(api.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
  });

  it('should answer an unknown API path and a wrong method with a Russian 404', async () => {
    const c = new ApiClient(api.url);
    const unknown = await c.get('/api/does-not-exist');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Нет такого адреса API.');
    expect((await c.send('DELETE', '/api/me')).status).toBe(404);
  });
});

describe('path ids', () => {
  it('should refuse an id that is not ours with a 400 instead of reaching the table', async () => {
    const c = new ApiClient(api.url);
    expect((await c.signIn('admin')).status).toBe(200);
    const long = 'x'.repeat(3000);
    const res = await c.get(`/api/schools/${long}/classes`);
    expect(res.status).toBe(400);
    const odd = await c.get(`/api/schools/${encodeURIComponent('sch53#CLS#5a')}/classes`);
    expect(odd.status).toBe(400);
  });
});

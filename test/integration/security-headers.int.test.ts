/**
 * Security headers on the local server (issue 9, item 6), the same as CloudFront sends in the cloud
 * (test/infra/headers.test.ts): the web app's CSP allows the served page's inline script by its
 * hash and no other inline script; the API's answers, refusals and the server's own errors carry
 * the API's strict policy.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer } from '../../infra/local/server';
import { inlineScriptHashes } from '../../shared/security-headers';
import { useTestTable } from '../support/dynamo';

const BOOT = '\n\t\t\t\t{ __sveltekit_x = { base: "" }; }\n\t\t\t';
let url: string;
let stop: () => void;

beforeAll(async () => {
  await useTestTable();
  const web = mkdtempSync(join(tmpdir(), 'zhurnal-web-'));
  mkdirSync(join(web, '_app'));
  writeFileSync(join(web, 'index.html'), `<!doctype html><html><head><script type="module" src="/_app/start.js"></script></head><body><script>${BOOT}</script></body></html>`);
  writeFileSync(join(web, '_app', 'start.js'), 'export {};');
  const server = createLocalServer({ webRoot: web });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stop = () => {
    server.closeAllConnections();
    server.close();
  };
});
afterAll(() => stop?.());

const common = (h: Headers) => {
  expect(h.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  expect(h.get('referrer-policy')).toBe('same-origin');
  expect(h.get('permissions-policy')).toMatch(/camera=\(\), .*geolocation=\(\), .*microphone=\(\)/);
  expect(h.get('x-content-type-options')).toBe('nosniff');
  expect(h.get('x-frame-options')).toBe('DENY');
};

describe('the web app', () => {
  it('should allow the page\'s own inline script by its hash and nothing inline else', async () => {
    for (const path of ['/', '/journal/5a']) {
      const res = await fetch(url + path);
      expect(res.status).toBe(200);
      common(res.headers);
      const csp = res.headers.get('content-security-policy')!;
      const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'));
      expect(scriptSrc).toBe(`script-src 'self' '${inlineScriptHashes(`<script>${BOOT}</script>`)[0]}'`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
    }
  });

  it('should send the same policy, without hashes, with scripts', async () => {
    const res = await fetch(`${url}/_app/start.js`);
    common(res.headers);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
  });
});

describe('the API', () => {
  it('should answer, refuse and fail with the strict policy', async () => {
    for (const [path, status] of [['/api/health', 200], ['/api/me', 401], ['/api/nothing-here', 404]] as const) {
      const res = await fetch(url + path);
      expect(res.status, path).toBe(status);
      common(res.headers);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }
  });
});

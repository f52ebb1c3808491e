/**
 * Security headers in the cloud (issue 9, item 6): CloudFront answers the web app and the API with
 * response-headers policies built from shared/security-headers.ts; the web app's CSP allows the
 * built index.html's inline bootstrap script by its hash and never 'unsafe-inline' scripts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, PERMISSIONS_POLICY } from '../../shared/security-headers';
import { synth, type Resource } from './synth';

const BOOT = '\n  window.__boot = 1;\n';
const build = mkdtempSync(join(tmpdir(), 'zhurnal-web-'));
writeFileSync(join(build, 'index.html'), `<!doctype html><html><head><script type="module" src="/_app/x.js"></script></head><body><script>${BOOT}</script></body></html>`);
const s = synth({}, { webBuildDir: build });

const policies = s.ofType('AWS::CloudFront::ResponseHeadersPolicy');
const config = (r: Resource) => r.Properties.ResponseHeadersPolicyConfig;
const csp = (r: Resource): string => config(r).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
const [webId, web] = policies.find(([, r]) => csp(r).includes("script-src"))!;
const [apiId, api] = policies.find(([, r]) => csp(r).startsWith("default-src 'none'"))!;

describe('CloudFront response headers', () => {
  it('should allow the built inline script by its hash, and no inline script else', () => {
    const [hash] = inlineScriptHashes(`<script>${BOOT}</script>`);
    const scriptSrc = csp(web).split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).toBe(`script-src 'self' '${hash}'`);
    expect(csp(web)).toContain("frame-ancestors 'none'");
    expect(csp(web)).toContain("object-src 'none'");
  });

  it('should send HSTS, no framing, a referrer policy and a permissions policy, over the origin', () => {
    for (const r of [web, api]) {
      const h = config(r).SecurityHeadersConfig;
      expect(h.StrictTransportSecurity).toEqual({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true });
      expect(h.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
      expect(h.ReferrerPolicy).toEqual({ ReferrerPolicy: 'same-origin', Override: true });
      expect(h.ContentTypeOptions).toEqual({ Override: true });
      expect(h.ContentSecurityPolicy.Override).toBe(true);
      expect(config(r).CustomHeadersConfig.Items).toEqual([{ Header: 'Permissions-Policy', Value: PERMISSIONS_POLICY, Override: true }]);
    }
    expect(csp(api)).toContain("frame-ancestors 'none'");
  });

  it('should put the web policy on the app and the API policy on /api/*', () => {
    const [, dist] = s.one('AWS::CloudFront::Distribution');
    const d = dist.Properties.DistributionConfig;
    expect(d.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: webId });
    const apiBehaviour = d.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(apiBehaviour.ResponseHeadersPolicyId).toEqual({ Ref: apiId });
  });
});

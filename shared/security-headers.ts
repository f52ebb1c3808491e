/**
 * The security headers of the web app and the API (issue 9, item 6), one definition for the cloud
 * (CloudFront response-headers policies, infra/web.ts), the local server (infra/local/server.ts) and
 * the API's own answers (functions/http/respond.ts).
 *
 * Scripts: only files of our own origin, plus the inline bootstrap script that SvelteKit writes into
 * index.html, allowed by its SHA-256 hash (computed from the built file: it changes with every
 * build), never 'unsafe-inline'. Styles may be inline: Svelte sets style attributes and transitions,
 * and a style cannot run code.
 */
import { createHash } from 'node:crypto';

/** Two years, subdomains included: the site is HTTPS only (CloudFront redirects plain HTTP). */
export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 3600;

/** No feature the journal needs: camera, microphone, location, payments and the like are off. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

export const REFERRER_POLICY = 'same-origin';

/** Every answer, web or API. */
export const COMMON_SECURITY_HEADERS = {
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'referrer-policy': REFERRER_POLICY,
  'permissions-policy': PERMISSIONS_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
} as const;

/** The API answers JSON: nothing in it may load or run anything, and nobody may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const API_SECURITY_HEADERS = { ...COMMON_SECURITY_HEADERS, 'content-security-policy': API_CSP } as const;

/** The web app's policy; `scriptHashes` are the 'sha256-…' sources of the inline scripts of its HTML. */
export function webCsp(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function webSecurityHeaders(scriptHashes: readonly string[]) {
  return { ...COMMON_SECURITY_HEADERS, 'content-security-policy': webCsp(scriptHashes) };
}

/** 'sha256-…' of every inline <script> (one without src) of an HTML document, as CSP hashes them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\ssrc\s*=/i.test(m[1] ?? ''))
    .map((m) => `sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}`);
  return [...new Set(hashes)];
}

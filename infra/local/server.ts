/**
 * The local stand-in for API Gateway and CloudFront: one HTTP server that turns `/api/*` requests
 * into API Gateway v2 (payload 2.0) events from the routes manifest and calls the same area
 * handlers the cloud runs, and serves the built web app from the same origin.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { areaModules, type AreaModule } from '../../functions/index';
import { routeKey, routes, type Area, type RouteSpec } from '../../functions/routes';
import { API_SECURITY_HEADERS, inlineScriptHashes, webSecurityHeaders } from '../../shared/security-headers';

const MAX_BODY_BYTES = 1024 * 1024;
const DRAIN_CAP_BYTES = 64 * MAX_BODY_BYTES;

interface CompiledRoute {
  spec: RouteSpec;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = routes.map((spec) => {
  const names: string[] = [];
  const source = spec.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { spec, pattern: new RegExp(`^${source}$`), names };
});

export function matchRoute(method: string, path: string) {
  for (const r of compiled) {
    if (r.spec.method !== method) continue;
    const m = r.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => {
      try {
        params[n] = decodeURIComponent(m[i + 1]!);
      } catch {
        params[n] = m[i + 1]!;
      }
    });
    return { spec: r.spec, params };
  }
  return null;
}

function toEvent(req: IncomingMessage, url: URL, spec: RouteSpec, params: Record<string, string>, body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (k !== 'cookie' && v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const cookies = req.headers.cookie?.split(/;\s*/).filter(Boolean);
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = query[k] ? `${query[k]},${v}` : v));
  const now = new Date();
  return {
    version: '2.0',
    routeKey: routeKey(spec),
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(params).length ? params : undefined,
    body: body.length ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: spec.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        userAgent: req.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: routeKey(spec),
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
  };
}

/**
 * The body, or null when it is over the limit. An oversized body is read to its end and dropped,
 * so that the client, still sending, gets the 413 rather than a reset connection (API Gateway
 * answers 413 too). Past a hard cap the socket is closed after all.
 */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
      else if (size > DRAIN_CAP_BYTES) {
        res.setHeader('connection', 'close');
        resolve(null);
        req.pause();
      }
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, message: string, code: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...API_SECURITY_HEADERS });
  res.end(JSON.stringify({ error: { code, message } }));
}

function writeResult(res: ServerResponse, result: APIGatewayProxyStructuredResultV2) {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}

// Loaded once per area, as a warm Lambda keeps its module: under tsx every `import()` call, even of a
// module already loaded, asks the loader thread to resolve it again, which cost the mark's path
// several per cent of the server's CPU in the bench.
const loadedAreas = new Map<Area, Promise<AreaModule>>();
function areaModule(area: Area): Promise<AreaModule> {
  let mod = loadedAreas.get(area);
  if (!mod) loadedAreas.set(area, (mod = areaModules[area]()));
  return mod;
}

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL) {
  const match = matchRoute(req.method ?? 'GET', url.pathname);
  if (!match) return sendJson(res, 404, 'Нет такого адреса API.', 'not_found');
  const body = await readBody(req, res);
  if (body === null) return sendJson(res, 413, 'Запрос слишком большой: не более 1 МБ.', 'too_large');
  const mod = await areaModule(match.spec.area);
  const result = await mod.handler(toEvent(req, url, match.spec, match.params, body), {} as never);
  writeResult(res, result);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function serveStatic(res: ServerResponse, webRoot: string | undefined, pathname: string) {
  if (!webRoot || !existsSync(webRoot)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Веб-приложение не собрано: выполните npm run build:web');
    return;
  }
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  } catch {
    rel = '/';
  }
  let file = join(webRoot, rel);
  if (!file.startsWith(webRoot) || !existsSync(file) || statSync(file).isDirectory()) file = join(webRoot, 'index.html');
  const immutable = rel.includes('/_app/immutable/');
  const content = readFileSync(file);
  // The same headers as CloudFront's response-headers policy in the cloud; an HTML page's inline
  // scripts are allowed by their hashes, computed here from the file served (a rebuild changes them).
  const html = extname(file) === '.html';
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...webSecurityHeaders(html ? inlineScriptHashes(content.toString('utf8')) : []),
  });
  res.end(content);
}

export function createLocalServer(opts: { webRoot?: string }): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const work = url.pathname.startsWith('/api/') ? handleApi(req, res, url) : Promise.resolve(serveStatic(res, opts.webRoot, url.pathname));
    work.catch((err) => {
      console.error('Local server error', err);
      if (!res.headersSent) sendJson(res, 500, 'Внутренняя ошибка сервера.', 'internal');
      else res.end();
    });
  });
}

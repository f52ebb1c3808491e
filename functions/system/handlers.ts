import { gunzipSync } from 'node:zlib';
import { handlersOf } from '../http/area';
import { systemRoutes } from './routes';

const handler = handlersOf(systemRoutes);
let doc: unknown;

export const openapi = handler('openapi', async () => {
  // A function bundle carries the document made at build time (infra/bundling.ts): making it here
  // takes every area's schemas, which would more than double this function's cold start. Run from
  // source (the local stack, tests), the document is made on the first request.
  doc ??= process.env.ZHURNAL_OPENAPI_GZ
    ? JSON.parse(gunzipSync(Buffer.from(process.env.ZHURNAL_OPENAPI_GZ, 'base64')).toString('utf8'))
    : (await import('../openapi')).openApiDocument();
  return { body: doc, headers: { 'cache-control': 'public, max-age=300' } };
});

export const health = handler('health', async (req) => ({ body: { ok: true, time: req.now.toISOString() } }));

import { handler } from '../http/area';
import { openApiDocument } from '../openapi';

let doc: ReturnType<typeof openApiDocument> | undefined;

export const openapi = handler(async () => {
  doc ??= openApiDocument();
  return { body: doc, headers: { 'cache-control': 'public, max-age=300' } };
});

export const health = handler(async (req) => ({ body: { ok: true, time: req.now.toISOString() } }));

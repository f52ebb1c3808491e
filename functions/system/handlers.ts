import { handlersOf } from '../http/area';
import { openApiDocument } from '../openapi';
import { systemRoutes } from './routes';

const handler = handlersOf(systemRoutes);
let doc: ReturnType<typeof openApiDocument> | undefined;

export const openapi = handler('openapi', async () => {
  doc ??= openApiDocument();
  return { body: doc, headers: { 'cache-control': 'public, max-age=300' } };
});

export const health = handler('health', async (req) => ({ body: { ok: true, time: req.now.toISOString() } }));

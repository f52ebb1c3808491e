/**
 * The local S3-compatible server (s3rver). It ignores Object Lock, versioning and lifecycle: those
 * are asserted on the synthesised CDK template instead (toolchain trap 8).
 */
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import { freePort } from './ports';

export interface RunningS3 {
  endpoint: string;
  stop(): Promise<void>;
}

/** The credentials s3rver accepts (DynamoDB Local accepts any, so the local stack uses these for both). */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

// s3rver 3.7 touches OutgoingMessage._headers (DEP0066) on every response; that warning is about
// s3rver's internals, not ours, so it alone is dropped to keep test output clean.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const code = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { code?: string }).code : rest[1];
  if (code === 'DEP0066') return;
  (emitWarning as (...a: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

export async function startS3(opts: { directory: string; buckets: string[]; port?: number }): Promise<RunningS3> {
  mkdirSync(opts.directory, { recursive: true });
  const port = opts.port ?? (await freePort());
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: opts.directory,
    silent: true,
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [] })),
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}

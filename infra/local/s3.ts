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

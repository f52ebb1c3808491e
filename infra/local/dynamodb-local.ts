/**
 * The official DynamoDB Local, taken from the npm package that ships its jar.
 *
 * Why not `npm install amplify-dynamodb-simulator`: it pulls ~350 MB (a second aws-cdk-lib and
 * TypeScript 4). We `npm pack` the pinned version, verify the registry's integrity hash and
 * extract only `emulator/` into the ignored cache folder `.local/dynamodb-local`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitForTcp } from './ports';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const INTEGRITY =
  'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';

export const projectRoot = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const cacheDir = join(projectRoot, '.local', 'dynamodb-local');
const emulatorDir = join(cacheDir, 'emulator');

export function ensureJava(): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'Java 17+ is needed for DynamoDB Local and was not found on PATH.\n' +
        'Install it with:  sudo apt-get install -y openjdk-17-jre-headless   (Debian/Ubuntu)\n' +
        '             or:  brew install openjdk@17                            (macOS)',
    );
  }
}

/** Downloads and unpacks the emulator once; later calls return at once. */
export function ensureDynamoDbLocal(): string {
  if (existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) return emulatorDir;
  mkdirSync(cacheDir, { recursive: true });
  const out = execFileSync('npm', ['pack', PACKAGE, '--json', '--pack-destination', cacheDir], {
    cwd: cacheDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const packed = JSON.parse(out) as Array<{ filename: string }>;
  const tarball = join(cacheDir, packed[0]!.filename);
  const digest = 'sha512-' + createHash('sha512').update(readFileSync(tarball)).digest('base64');
  if (digest !== INTEGRITY) {
    rmSync(tarball);
    throw new Error(`${PACKAGE}: integrity mismatch (got ${digest}); refusing to use it`);
  }
  execFileSync('tar', ['-xzf', tarball, '-C', cacheDir, '--strip-components=1', 'package/emulator']);
  rmSync(tarball);
  return emulatorDir;
}

export interface RunningDynamo {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local: in memory for tests, or persisted under `dbPath` for the dev stack. */
export async function startDynamoDbLocal(opts: { dbPath?: string; port?: number } = {}): Promise<RunningDynamo> {
  ensureJava();
  const dir = ensureDynamoDbLocal();
  const port = opts.port ?? (await freePort());
  const storage = opts.dbPath ? ['-dbPath', opts.dbPath] : ['-inMemory'];
  if (opts.dbPath) mkdirSync(opts.dbPath, { recursive: true });
  const child = spawn(
    'java',
    [
      '-XX:TieredStopAtLevel=1',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
      ...storage,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  // If this Node process dies without stopping us (a crash, process.exit), take Java with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForTcp(port, 30_000, () => child.exitCode !== null);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`DynamoDB Local did not start: ${(e as Error).message}\n${stderr}`);
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

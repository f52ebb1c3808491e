/**
 * `npm start`: builds the web app, starts the whole product locally on its embedded default and
 * prints where to open it and how to sign in. Data persists in .local/data (`npm run start:reset`
 * or `--reset` wipes it). Ctrl-C stops everything, DynamoDB Local's Java process included.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './dynamodb-local';
import { startLocalStack } from './stack';

const args = process.argv.slice(2);
const dataDir = join(projectRoot, '.local', 'data');
const stackFile = join(dataDir, 'stack.json');
const port = Number(process.env.PORT ?? (args.includes('--port') ? args[args.indexOf('--port') + 1] : 3000));
const started = Date.now();

if (args.includes('--reset')) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log('Local data wiped (.local/data).');
}
if (!args.includes('--no-build')) {
  console.log('Building the web app…');
  const build = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const stack = await startLocalStack({ dataDir, port, web: true, seed: 'full', timers: true, log: (l) => console.log(l) });
writeFileSync(stackFile, JSON.stringify({ dynamoEndpoint: stack.dynamoEndpoint, s3Endpoint: stack.s3Endpoint, pid: process.pid }));

console.log(`\nЖурнал is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stack.url}\n`);
console.log('Demo logins (password for all: Demo-2026!):');
for (const l of stack.logins) console.log(`  ${l.login.padEnd(14)} ${l.role.padEnd(34)} ${l.who}`);
console.log('\nThe timetable, lessons, KTPs and journal of the demo school load in the background; a line says when.');
console.log(`Data: ${dataDir} (reset: npm run start:reset). Jobs by hand: npm run job -- <name>. Stop: Ctrl-C.`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  rmSync(stackFile, { force: true });
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

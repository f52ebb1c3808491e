/**
 * Browser tier: ONE local stack for every e2e file. Once per run this starts (or joins) the run's
 * DynamoDB Local and S3 server (test/support/services.ts), makes the product's table, loads the
 * demo school's people and its plan (curriculum, timetable, KTPs and assessment schedule: what the
 * screens under test read), and launches one Chromium. Each file then opens its own thin HTTP front
 * on that data in its worker (test/support/stack.ts): milliseconds, and it keeps the handlers in the
 * test's process, where `setClock` and the repositories the tests read with act on them.
 *
 * Files share the data, so each test makes its own things or puts back what it changed
 * (test/support/partitions.ts): the order of files and tests, and a re-run, do not matter.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../../infra/local/dynamodb-local';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { localStackEnv } from '../../infra/local/stack';
import { ensureTable } from '../../shared/db/ensure-table';
import { resetSigningKey } from '../../shared/auth/signing-key';
import { resetConfig } from '../../shared/config';
import { resetClients } from '../../shared/db/client';
import { demoCurriculumItems } from '../../shared/demo/curriculum';
import { demoKtpItems } from '../../shared/demo/ktp';
import { buildDemoModel } from '../../shared/demo/model';
import { demoTimetableItems } from '../../shared/demo/timetable';
import { demoYear } from '../../shared/demo/year';
import { acquireLocalServices } from './services';

export interface E2eStack {
  /** localStackEnv's input: the workers point the handlers at the same data. */
  dynamoEndpoint: string;
  s3Endpoint: string;
  sessionSigningKey: string;
  browserWsEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eStack;
  }
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The demo's plan without lessons: the curriculum, timetable, KTP and assessment screens read it. */
function demoPlanItems(now: Date): Array<Record<string, unknown>> {
  const model = buildDemoModel({ now });
  const curriculum = demoCurriculumItems(model);
  const timetable = demoTimetableItems(model, { periods: [] });
  const plan = demoKtpItems({ model, year: demoYear(model.school.schoolId), items: curriculum });
  return [...curriculum, ...timetable, ...plan];
}

/**
 * Runs `work` with the handlers' environment pointing at the stack, then puts the vitest process's
 * environment back: the test workers forked later inherit it, and unit tests must not see a table.
 */
async function withStackEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const reset = () => {
    resetConfig();
    resetClients();
    resetSigningKey();
  };
  Object.assign(process.env, env);
  reset();
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    reset();
  }
}

export default async function setup(project: TestProject) {
  const webOut = process.env.ZHURNAL_WEB_OUT || 'build';
  if (!existsSync(join(projectRoot, 'web', webOut, 'index.html'))) {
    throw new Error(`web/${webOut} is missing: run \`npm run build:web\` first (npm test does it)`);
  }
  const services = await acquireLocalServices();
  const browserServer = chromium.launchServer({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const stack = { dynamoEndpoint: services.dynamoEndpoint, s3Endpoint: services.s3Endpoint, sessionSigningKey: randomBytes(32).toString('base64url') };
    // The project's env (the demo's cheaper stored hash) applies to the seed run here too.
    const env = { ...localStackEnv(stack), ...(project.config.env as Record<string, string>) };
    await withStackEnv(env, async () => {
      await ensureTable();
      const now = new Date();
      await seedDemoSchool(now);
      await batchWriteAll(demoPlanItems(now));
    });
    project.provide('e2e', { ...stack, browserWsEndpoint: (await browserServer).wsEndpoint() });
  } catch (e) {
    await Promise.allSettled([browserServer.then((b) => b.close()), services.release()]);
    throw e;
  }
  return async () => {
    await (await browserServer).close();
    await services.release();
  };
}

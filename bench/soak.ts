/**
 * `npm run soak [-- --minutes 10]` (issue 15 item 7; not part of `npm test` or `npm run bench`): the
 * local stack under a school morning's mix for ten minutes, looking for what a one-minute bench does
 * not show: errors that come with time, the server's memory growing, the tail latency.
 *
 * Every stream is an open loop (each request leaves at its scheduled time and its latency runs from
 * that time, so a stalled server counts against the figure; bench/marks.ts says why):
 * - teachers: 50, each saving a mark every 2 s (25 marks/s), each on a subject of its own of the
 *   bench class (bench/journal.ts builds it), so that no two writers share a change-log chain;
 * - journal pages: the bench class's full page (30 students x 45 lessons) and the demo teacher's own
 *   journals; home: the teacher's /api/me and day;
 * - people and timetable pages as the director opens them: the classes, a class, its timetable;
 * - parents and the student: their /api/me and the student's period report with its justification;
 * - a period close: there is no such job yet (issue 14), which the output says.
 *
 * The local server's handlers run in this process beside the load, so `soak.rss_growth_mb` is this
 * process's resident memory from the end of the warm-up to the end (the load's own share is its
 * latency arrays, well under a megabyte). The server's clock stands on the bench's day, as in
 * bench/journal.ts, so that the figures do not depend on the date the soak runs.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArgs } from 'node:util';
import { setClock } from '../functions/http/clock';
import { projectRoot } from '../infra/local/dynamodb-local';
import { seedDemoSetUp } from '../infra/local/seed';
import { startLocalStack } from '../infra/local/stack';
import { buildDemoModel, DEMO_SCHOOL_ID, DEMO_YEAR_ID } from '../shared/demo/index';
import { addDays } from '../shared/domain/calendar';
import { setLogLevel } from '../shared/ops/telemetry';
import { signIn, type BenchSession } from './events';
import { Figures, percentile } from './figures';
import { BENCH_CLASS, buildClass } from './journal';

const { values: args } = parseArgs({ options: { minutes: { type: 'string', default: '10' } } });
const minutes = Number(args.minutes);
if (!(minutes > 0)) throw new Error('--minutes: a positive number of minutes, e.g. --minutes 10');

const RUN_MS = minutes * 60_000;
/** Requests before this are not in the latency figure and the memory baseline is taken here: JIT, caches and pools fill first. */
const WARM_UP_MS = Math.min(60_000, RUN_MS / 4);
const SCH = DEMO_SCHOOL_ID;
const { classId: CLASS, periodId: PERIOD, now: NOW } = BENCH_CLASS;
const TODAY = NOW.toISOString().slice(0, 10);
const WRITERS = 50;
const WORK_TYPES = ['independent', 'homework', 'practical', 'laboratory', 'dictation', 'project', 'verification', 'lessonAnswer'];

// Request lines off: one JSON line per request would flood the console and cost the server's CPU.
setLogLevel('SILENT');
// A full collection before each memory sample, so that the growth is what stayed, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** The error codes of answers other than 200 (`409 conflict`), counted, for the errors' note. */
const refusals = new Map<string, number>();

/** One request over kept-alive connections; resolves with the HTTP status (0: no answer). */
function send(url: string, s: BenchSession, method = 'GET', body?: unknown): Promise<number> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string | number> = { cookie: s.cookie };
  if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-csrf-token': s.csrf });
  const once = (): Promise<number> =>
    new Promise((resolve) => {
      const req = request(url, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        if (res.statusCode === 200) res.resume();
        else res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => {
          if (res.statusCode !== 200) {
            const code = /"code":"([a-z_]+)"/.exec(Buffer.concat(chunks).toString())?.[1] ?? '-';
            const key = `${method} ${res.statusCode} ${code}`;
            refusals.set(key, (refusals.get(key) ?? 0) + 1);
          }
          resolve(res.statusCode ?? 0);
        });
        res.once('error', () => resolve(0));
      });
      // A kept-alive connection the server closed as idle just as it was reused: send again (a
      // save carries its requestId, so it is never made twice).
      req.once('error', (e: NodeJS.ErrnoException) => (req.reusedSocket && e.code === 'ECONNRESET' ? once().then(resolve) : resolve(0)));
      req.end(payload);
    });
  return once();
}

async function getJson<T>(url: string, s: BenchSession): Promise<T> {
  const res = await fetch(url, { headers: { cookie: s.cookie } });
  if (res.status !== 200) throw new Error(`soak set-up: GET ${url} answered ${res.status}`);
  return (await res.json()) as T;
}

interface Stream {
  kind: string;
  everyMs: number;
  /** Offset of the first request, so that streams of the same period do not fire together. */
  phaseMs: number;
  /** The k-th request of the stream; resolves with its status. */
  next: (k: number) => Promise<number>;
}

interface Outcome {
  kind: string;
  status: number;
  latencyMs: number;
  afterWarmUp: boolean;
}

/** Runs every stream until the run's end; every request counted, whatever it answered. */
async function run(streams: Stream[], onWarm: () => void): Promise<{ outcomes: Outcome[]; lateSends: number }> {
  const outcomes: Outcome[] = [];
  const pending: Array<Promise<void>> = [];
  let lateSends = 0;
  let sent = 0;
  const t0 = performance.now() + 200;
  const warm = setTimeout(onWarm, t0 + WARM_UP_MS - performance.now());
  // A line a minute: a backlog (sent far ahead of answered) shows a machine that cannot keep up.
  const progress = setInterval(() => {
    const errors = outcomes.filter((o) => o.status !== 200).length;
    console.log(`  ${((performance.now() - t0) / 60_000).toFixed(0)} min: ${sent} sent, ${outcomes.length} answered, ${errors} errors, RSS ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB`);
  }, 60_000);
  await Promise.all(
    streams.map(async (s) => {
      for (let k = 0; ; k++) {
        const scheduled = t0 + s.phaseMs + k * s.everyMs;
        if (scheduled - t0 >= RUN_MS) break;
        await new Promise((r) => setTimeout(r, Math.max(0, scheduled - performance.now())));
        if (performance.now() - scheduled > 10) lateSends++;
        sent++;
        pending.push(
          s.next(k).then((status) => {
            outcomes.push({ kind: s.kind, status, latencyMs: performance.now() - scheduled, afterWarmUp: scheduled - t0 >= WARM_UP_MS });
          }),
        );
      }
    }),
  );
  await Promise.all(pending);
  clearTimeout(warm);
  clearInterval(progress);
  return { outcomes, lateSends };
}

function memory(): { rssMb: number; heapMb: number } {
  gc();
  const m = process.memoryUsage();
  return { rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20 };
}

const roundRobin = <T>(items: T[]) => (k: number): T => items[k % items.length]!;

const started = performance.now();
const stack = await startLocalStack({ web: false, seed: 'people', timers: false });
setClock(() => NOW);
try {
  // --- what the people of the mix read and write -------------------------------------------------
  const model = buildDemoModel({ now: NOW });
  const teacherId = model.staff.find((s) => s.fixed === 'teacher')!.userId;
  const setUp = await seedDemoSetUp(NOW);
  const bench = await buildClass(teacherId);
  const base = stack.url;
  const teachers = await Promise.all([0, 1, 2, 3, 4].map(() => signIn(base, 'teacher')));
  const director = await signIn(base, 'director');

  // Parents read their children's reports, the student their own, each after their /api/me.
  const classOf = (studentId: string) => model.students.find((s) => s.studentId === studentId)!.classId;
  const readers = [
    { login: 'parent', pupils: model.parents.find((p) => p.fixed === 'parent')!.childIds },
    { login: 'parent2', pupils: model.parents.find((p) => p.fixed === 'parent2')!.childIds },
    { login: 'student', pupils: [model.students.find((s) => s.fixed === 'student')!.studentId] },
  ];
  const periodOf = new Map<string, string>();
  for (const classId of new Set(readers.flatMap((r) => r.pupils.map(classOf)))) {
    const { periods } = await getJson<{ periods: Array<{ periodId: string; startDate: string; endDate: string }> }>(`${base}/api/schools/${SCH}/classes/${classId}/periods`, director);
    const current = periods.find((p) => p.startDate <= TODAY && TODAY <= p.endDate);
    if (!current) throw new Error(`soak set-up: class ${classId} has no period on ${TODAY}`);
    periodOf.set(classId, current.periodId);
  }
  const reads: Array<{ s: BenchSession; url: string }> = [];
  for (const r of readers) {
    const s = await signIn(base, r.login);
    reads.push({ s, url: `${base}/api/me` });
    for (const studentId of r.pupils) {
      const classId = classOf(studentId);
      reads.push({ s, url: `${base}/api/schools/${SCH}/classes/${classId}/periods/${periodOf.get(classId)}/students/${studentId}/period-report` });
    }
  }

  const journals = await getJson<{ teaching: Array<{ classId: string; subjectId: string; groupId: string; periodId: string | null }> }>(`${base}/api/schools/${SCH}/journal`, teachers[0]!);
  const pages = [
    `${base}/api/schools/${SCH}/classes/${CLASS}/periods/${PERIOD}/subjects/${BENCH_CLASS.subjectId(0)}/journal`,
    ...journals.teaching
      .filter((t) => t.periodId)
      .map((t) => `${base}/api/schools/${SCH}/classes/${t.classId}/periods/${t.periodId}/subjects/${t.subjectId}/journal${t.groupId === 'all' ? '' : `?group=${t.groupId}`}`),
  ];
  const home = [`${base}/api/me`, `${base}/api/schools/${SCH}/journal/today`];
  const { classes } = await getJson<{ classes: Array<{ classId: string }> }>(`${base}/api/schools/${SCH}/classes`, director);
  const people = [`${base}/api/schools/${SCH}/classes`, ...classes.map((c) => `${base}/api/schools/${SCH}/classes/${c.classId}`)];
  const timetable = classes.map((c) => `${base}/api/schools/${SCH}/years/${DEMO_YEAR_ID}/timetable/classes/${c.classId}`);
  // Fail before the run, not with thousands of errors in it, if a page of the mix does not answer.
  for (const [s, url] of [...pages.map((u) => [teachers[0]!, u] as const), ...home.map((u) => [teachers[0]!, u] as const), ...people.map((u) => [director, u] as const), ...timetable.map((u) => [director, u] as const), ...reads.map((r) => [r.s, r.url] as const)]) {
    const status = await send(url, s);
    if (status !== 200) throw new Error(`soak set-up: GET ${url} answered ${status}`);
  }

  // --- the writers: fresh cells of their own subject, work type after work type -------------------
  const openSlots = bench.slots.filter((s) => s.date >= addDays(TODAY, -9));
  function* cells(subjectId: string) {
    let n = 0;
    for (const workType of WORK_TYPES) for (const slot of openSlots) for (const st of bench.students) yield { subjectId, workType, lessonId: `${slot.date}.${slot.lessonNo}.all`, studentId: st.studentId, value: 2 + (n++ % 4) };
  }
  const writerCells = Array.from({ length: WRITERS }, (_, w) => cells(BENCH_CLASS.subjectId(1 + w)));
  const saveMark = (w: number): Promise<number> => {
    const next = writerCells[w]!.next();
    if (next.done) throw new Error('soak: a writer ran out of fresh cells; run fewer minutes or add work types');
    const c = next.value;
    const url = `${base}/api/schools/${SCH}/classes/${CLASS}/periods/${PERIOD}/subjects/${c.subjectId}/marks`;
    return send(url, teachers[w % teachers.length]!, 'PUT', { lessonId: c.lessonId, studentId: c.studentId, workType: c.workType, value: c.value, version: 0, requestId: randomUUID() });
  };

  const get = (urls: string[], s: (k: number) => BenchSession) => {
    const url = roundRobin(urls);
    return (k: number) => send(url(k), s(k));
  };
  const streams: Stream[] = [
    ...Array.from({ length: WRITERS }, (_, w): Stream => ({ kind: 'mark', everyMs: 2000, phaseMs: (w * 2000) / WRITERS, next: () => saveMark(w) })),
    { kind: 'journal page', everyMs: 1000, phaseMs: 130, next: get(pages, roundRobin(teachers)) },
    { kind: 'home', everyMs: 1000, phaseMs: 370, next: get(home, roundRobin(teachers)) },
    { kind: 'people', everyMs: 2000, phaseMs: 610, next: get(people, () => director) },
    { kind: 'timetable', everyMs: 2000, phaseMs: 1610, next: get(timetable, () => director) },
    { kind: 'parent/student', everyMs: 500, phaseMs: 850, next: (k) => send(reads[k % reads.length]!.url, reads[k % reads.length]!.s) },
  ];

  console.log(
    `Soak: ${minutes} min (warm-up ${(WARM_UP_MS / 1000).toFixed(0)} s), ${(streams.reduce((n, s) => n + 1000 / s.everyMs, 0)).toFixed(1)} requests/s offered; ` +
      `set up in ${((performance.now() - started) / 1000).toFixed(1)} s (demo set-up and journal: ${setUp.items} items). ` +
      'Period close: not in the mix, there is no period-close job yet (issue 14).',
  );
  let warm: { rssMb: number; heapMb: number } | undefined;
  const { outcomes, lateSends } = await run(streams, () => {
    warm = memory();
  });
  const end = memory();
  if (!warm) throw new Error('soak: the run ended before its warm-up did');

  // --- figures ----------------------------------------------------------------------------------
  const errors = outcomes.filter((o) => o.status !== 200);
  const steady = outcomes.filter((o) => o.afterWarmUp);
  const sorted = (os: Outcome[]) => os.map((o) => o.latencyMs).sort((a, b) => a - b);
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  const byKind = kinds.map((kind) => {
    const all = outcomes.filter((o) => o.kind === kind);
    const lat = sorted(steady.filter((o) => o.kind === kind));
    return { kind, requests: all.length, errors: all.filter((o) => o.status !== 200).length, p50: percentile(lat, 50), p99: percentile(lat, 99), max: lat.at(-1) ?? NaN };
  });
  const unanswered = errors.filter((o) => o.status === 0).length;
  const problems = [...refusals].map(([k, n]) => `${k} x${n}`).concat(unanswered ? [`no answer x${unanswered}`] : []);
  const figures = new Figures();
  const mix = byKind.map((k) => `${k.kind} ${k.requests}`).join(', ');
  figures.set('soak.errors', errors.length, 'requests', `not 200, or no answer, of ${outcomes.length}${problems.length ? `: ${problems.join('; ')}` : ''}`);
  figures.set('soak.rss_growth_mb', end.rssMb - warm.rssMb, 'MB', `server process RSS after a full GC, end of warm-up ${warm.rssMb.toFixed(0)} MB -> end ${end.rssMb.toFixed(0)} MB; heap used ${warm.heapMb.toFixed(0)} -> ${end.heapMb.toFixed(0)} MB`);
  figures.set('soak.p99_ms', percentile(sorted(steady), 99), 'ms', `every request after the warm-up, from its scheduled send; mark p99 ${byKind.find((k) => k.kind === 'mark')?.p99.toFixed(1)} ms; ${lateSends} sends >10 ms late`);
  figures.set('soak.requests', outcomes.length, 'requests', `${minutes} min: ${mix}`);
  console.log('');
  const width = Math.max(...kinds.map((k) => k.length));
  console.log(`${'stream'.padEnd(width)}  requests  errors   p50 ms   p99 ms   max ms`);
  for (const k of byKind) {
    console.log(`${k.kind.padEnd(width)}  ${String(k.requests).padStart(8)}  ${String(k.errors).padStart(6)}  ${k.p50.toFixed(1).padStart(7)}  ${k.p99.toFixed(1).padStart(7)}  ${k.max.toFixed(1).padStart(7)}`);
  }
  console.log(`${'period close'.padEnd(width)}  not run: no period-close job yet (issue 14)\n`);
  figures.print();
  const file = join(projectRoot, 'bench', 'results.json');
  figures.merge(file);
  console.log(`\nWritten into ${file} (other figures kept).`);
  process.exitCode = errors.length ? 1 : 0;
} finally {
  setClock(null);
  agent.destroy();
  await stack.stop();
}

/**
 * A teacher saving a mark, measured three ways on the bench class (bench/journal.ts builds it):
 *
 * - open loop, what a teacher waits: 50 teachers, each on their own subject, each saving a mark
 *   every 2 s for 60 s (25 marks/s offered). Every save has a scheduled send time and its latency
 *   runs from that time, not from when it was actually sent, so a stalled sender or a late timer
 *   counts against the figure instead of hiding it (coordinated omission). `journal.mark.p99_ms`,
 *   requests per mark and accepted marks missing afterwards.
 * - saturation, what the path costs on top of the database: marks over HTTP in a closed loop with
 *   enough writers to saturate DynamoDB Local (`journal.mark.max_per_s`), and on the same DynamoDB
 *   Local, interleaved with it, a bare loop of the TransactWriteItems a mark ends in: the mark, its
 *   change-log record and the chain head, built by the same functions (`ddb.transact.max_per_s`).
 *   Their ratio is `journal.mark.saturation_ratio`: 1 means the mark costs no more than its write.
 * - contended: 10 writers on one subject's chain head at once, the change log's worst case.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { ddbRequestCounter } from '../shared/db/client';
import { keys } from '../shared/db/keys';
import { batchGet } from '../shared/db/query';
import { transact } from '../shared/db/transact';
import { DEMO_DEPARTMENT_ID } from '../shared/demo/index';
import { chainNext, type ChainHead } from '../shared/domain/journal-log';
import { changeLogOps } from '../shared/repos/change-log';
import { markPutOp } from '../shared/repos/journal';
import { percentile, type Figures } from './figures';

export interface BenchClass {
  baseUrl: string;
  schoolId: string;
  classId: string;
  periodId: string;
  teacherId: string;
  students: Array<{ studentId: string }>;
  /** Lessons still open for marks on the bench's day, for every subject. */
  openSlots: Array<{ date: string; lessonNo: number }>;
  /** The class's subjects in order: [0] holds the page's marks, the rest are empty. */
  subjects: string[];
}

interface Session {
  cookie: string;
  csrf: string;
}

interface Cell {
  subj: string;
  lessonId: string;
  date: string;
  lessonNo: number;
  studentId: string;
  workType: string;
  value: number;
}

const OPEN_LOOP = { writers: 50, everyMs: 2000, seconds: 60 };
const SATURATION = { writers: 32, roundMs: 8000, rounds: 2, warmUpMs: 3000 };

async function signIn(baseUrl: string, login: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'Demo-2026!' }) });
  const body = (await res.json()) as { csrfToken: string };
  if (res.status !== 200) throw new Error(`bench sign-in ${login}: ${res.status}`);
  return { cookie: res.headers.getSetCookie()[0]!.split(';')[0]!, csrf: body.csrfToken };
}

/** Fresh (never marked) cells of one subject and work type: every student of every open lesson. */
function* cellsOf(c: BenchClass, subj: string, workType: string): Generator<Cell> {
  let n = 0;
  for (const slot of c.openSlots) {
    for (const st of c.students) {
      yield { subj, lessonId: `${slot.date}.${slot.lessonNo}.all`, date: slot.date, lessonNo: slot.lessonNo, studentId: st.studentId, workType, value: 2 + (n++ % 4) };
    }
  }
}

function take(cells: Generator<Cell>): Cell {
  const next = cells.next();
  if (next.done) throw new Error('bench: a writer ran out of fresh cells; add open lessons or work types');
  return next.value;
}

// The load's own HTTP client shares the machine with what it measures: node:http over kept-alive
// connections costs less CPU per request than fetch.
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

/** One save as the journal screen sends it; resolves with the HTTP status. */
function saveMark(c: BenchClass, s: Session, cell: Cell): Promise<number> {
  const body = JSON.stringify({ lessonId: cell.lessonId, studentId: cell.studentId, workType: cell.workType, value: cell.value, version: 0, requestId: randomUUID() });
  const url = `${c.baseUrl}/api/schools/${c.schoolId}/classes/${c.classId}/periods/${c.periodId}/subjects/${cell.subj}/marks`;
  const send = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(url, { method: 'PUT', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: s.cookie, 'x-csrf-token': s.csrf } }, (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      });
      // A kept-alive connection the server closed as idle just as it was reused: send again, as
      // Node's documentation advises (the same requestId, so a save is never made twice).
      req.once('error', (e: NodeJS.ErrnoException) => (req.reusedSocket && e.code === 'ECONNRESET' ? send().then(resolve, reject) : reject(e)));
      req.end(body);
    });
  return send();
}

/** Accepted marks that are not in the table with their value afterwards. */
async function countLost(c: BenchClass, accepted: Cell[]): Promise<number> {
  let lost = 0;
  for (let i = 0; i < accepted.length; i += 100) {
    const chunk = accepted.slice(i, i + 100);
    const wanted = chunk.map((w) => keys.mark(c.schoolId, c.classId, c.periodId, w.subj, { date: w.date, lessonNo: w.lessonNo, groupId: 'all' }, w.studentId, w.workType));
    const found = new Map((await batchGet(wanted, { consistent: true })).map((item) => [`${item.pk}|${item.sk}`, item]));
    chunk.forEach((w, j) => {
      const item = found.get(`${wanted[j]!.pk}|${wanted[j]!.sk}`);
      if (!item || item.deleted || item.value !== w.value) lost++;
    });
  }
  return lost;
}

/**
 * CPU time used so far by this process (the HTTP front, the handlers, the SDK and the load) and by
 * DynamoDB Local's Java process, in ms: per operation it shows what a save costs where, whatever
 * else is running on the machine.
 */
function cpuMs(): { node: number; java: number } {
  const { user, system } = process.cpuUsage();
  return { node: (user + system) / 1000, java: javaCpuMs() };
}

let javaStat: string | null | undefined;
function javaCpuMs(): number {
  if (javaStat === undefined) {
    const port = new URL(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? 'http://x:0').port;
    javaStat = null;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (args.some((a) => a.endsWith('DynamoDBLocal.jar')) && args[args.indexOf('-port') + 1] === port) javaStat = `/proc/${pid}/stat`;
      } catch {
        // The process ended while we looked.
      }
    }
  }
  if (!javaStat) return NaN;
  // Fields 14 and 15 (utime, stime) in clock ticks of 10 ms, after the command in parentheses.
  const fields = readFileSync(javaStat, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const perOp = (a: { node: number; java: number }, b: { node: number; java: number }, ops: number) => ({ node: (b.node - a.node) / ops, java: (b.java - a.java) / ops });

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));
const fmt = (n: number) => n.toFixed(1);

interface Tally {
  latencies: number[];
  accepted: Cell[];
  refused: number;
  requests: number;
}

function summary(t: Tally) {
  const sorted = [...t.latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, total: t.latencies.length };
}

/** Each writer sends one save after another, as the screen does; latency from send to answer. */
async function closedLoop(c: BenchClass, sessions: Session[], writers: Array<Generator<Cell>>, stop: (sent: number, started: number) => boolean): Promise<Tally & { seconds: number }> {
  const t: Tally = { latencies: [], accepted: [], refused: 0, requests: 0 };
  const before = ddbRequestCounter.count;
  const started = performance.now();
  await Promise.all(
    writers.map(async (cells, w) => {
      for (let k = 0; !stop(k, started); k++) {
        const cell = take(cells);
        const sent = performance.now();
        const status = await saveMark(c, sessions[w % sessions.length]!, cell);
        t.latencies.push(performance.now() - sent);
        if (status === 200) t.accepted.push(cell);
        else t.refused++;
      }
    }),
  );
  t.requests = ddbRequestCounter.count - before;
  return { ...t, seconds: (performance.now() - started) / 1000 };
}

/** Open loop: every save leaves at its scheduled time whether or not the writer's last one came back. */
async function openLoop(c: BenchClass, sessions: Session[], writers: Array<Generator<Cell>>): Promise<Tally & { lateSends: number }> {
  const t: Tally = { latencies: [], accepted: [], refused: 0, requests: 0 };
  const perWriter = Math.floor((OPEN_LOOP.seconds * 1000) / OPEN_LOOP.everyMs);
  const stagger = OPEN_LOOP.everyMs / writers.length;
  const before = ddbRequestCounter.count;
  const t0 = performance.now() + 200;
  let lateSends = 0;
  const saves: Array<Promise<void>> = [];
  await Promise.all(
    writers.map(async (cells, w) => {
      for (let k = 0; k < perWriter; k++) {
        const scheduled = t0 + w * stagger + k * OPEN_LOOP.everyMs;
        await sleepUntil(scheduled);
        if (performance.now() - scheduled > 10) lateSends++;
        const cell = take(cells);
        saves.push(
          saveMark(c, sessions[w % sessions.length]!, cell).then((status) => {
            t.latencies.push(performance.now() - scheduled);
            if (status === 200) t.accepted.push(cell);
            else t.refused++;
          }),
        );
      }
    }),
  );
  await Promise.all(saves);
  t.requests = ddbRequestCounter.count - before;
  return { ...t, lateSends };
}

/** The transaction a new mark ends in, without HTTP, handler or the read before it. */
async function bareTransactLoop(c: BenchClass, subjects: string[], ms: number): Promise<{ count: number; seconds: number }> {
  let count = 0;
  const started = performance.now();
  await Promise.all(
    subjects.map(async (subj) => {
      const place = { schoolId: c.schoolId, classId: c.classId, periodId: c.periodId, subjectId: subj };
      const cells = cellsOf(c, subj, 'independent');
      let head: Pick<ChainHead, 'seq' | 'hash'> | null = null;
      while (performance.now() - started < ms) {
        const cell = take(cells);
        const now = new Date();
        const mark = { date: cell.date, lessonNo: cell.lessonNo, groupId: 'all', studentId: cell.studentId, workType: 'independent' as const, value: cell.value, weight: 1.5, version: 1, setBy: c.teacherId, setAt: now.toISOString(), lastRequestId: randomUUID() };
        const record = chainNext(
          {
            partition: keys.journalPartition(c.schoolId, c.classId, c.periodId),
            subjectId: subj,
            at: now.toISOString(),
            actorId: c.teacherId,
            actorName: 'Учитель (нагрузка)',
            action: 'create',
            entity: 'mark',
            target: { lessonId: cell.lessonId, studentId: cell.studentId, workType: 'independent' },
            old: null,
            new: { value: cell.value },
            requestId: mark.lastRequestId,
          },
          head,
        );
        await transact([markPutOp(place, mark, null), ...changeLogOps(place, record, head?.seq ?? 0)], { idempotencyToken: randomUUID() });
        head = record;
        count++;
      }
    }),
  );
  return { count, seconds: (performance.now() - started) / 1000 };
}

/**
 * The read a mark decides on, alone: one strongly consistent BatchGetItem of the keys that
 * shared/repos/journal.ts `readWriteContext` asks for (settings, roster, lesson, cell, chain head,
 * the writer's account), so the saturation note can say what the read costs and what the rest does.
 */
async function bareReadLoop(c: BenchClass, subjects: string[], ms: number): Promise<{ count: number; seconds: number }> {
  let count = 0;
  const started = performance.now();
  const slot = c.openSlots[0]!;
  const lesson = { date: slot.date, lessonNo: slot.lessonNo, groupId: 'all' };
  await Promise.all(
    subjects.map(async (subj, w) => {
      const { schoolId: sch, classId: cls, periodId: per } = c;
      const wanted = [
        keys.department(DEMO_DEPARTMENT_ID),
        keys.school(DEMO_DEPARTMENT_ID, sch),
        keys.account(c.teacherId),
        keys.roster(sch, cls, per, subj),
        keys.lesson(sch, cls, per, subj, lesson.date, lesson.lessonNo, lesson.groupId),
        keys.changeLogHead(sch, cls, per, subj),
        keys.mark(sch, cls, per, subj, lesson, c.students[w % c.students.length]!.studentId, 'independent'),
      ];
      while (performance.now() - started < ms) {
        await batchGet(wanted, { consistent: true });
        count++;
      }
    }),
  );
  return { count, seconds: (performance.now() - started) / 1000 };
}

/** One teacher alone, then the open loop: `journal.mark.p99_ms` and requests per mark; returns the accepted cells. */
async function openLoopFigures(figures: Figures, c: BenchClass, sessions: Session[]): Promise<Cell[]> {
  const s = c.subjects;
  const solo = await closedLoop(c, sessions, [cellsOf(c, s[51]!, 'independent')], (k) => k >= 30);
  const alone = summary(solo);

  // --- open loop: 50 teachers, a mark every 2 s each, 60 s -----------------------------------
  const beforeOpen = cpuMs();
  const open = await openLoop(c, sessions, s.slice(1, 1 + OPEN_LOOP.writers).map((subj) => cellsOf(c, subj, 'independent')));
  const o = summary(open);
  const openCpu = perOp(beforeOpen, cpuMs(), o.total);
  const offered = OPEN_LOOP.writers / (OPEN_LOOP.everyMs / 1000);
  figures.set(
    'journal.mark.p99_ms',
    o.p99,
    'ms',
    `open loop: ${OPEN_LOOP.writers} teachers x 1 mark / ${OPEN_LOOP.everyMs / 1000} s for ${OPEN_LOOP.seconds} s (${offered} marks/s offered), from the scheduled send; p50 ${fmt(o.p50)} ms, max ${fmt(o.max)} ms; ${open.refused} refused; ${open.lateSends} sends >10 ms late; CPU per mark ${fmt(openCpu.node)} ms Node + ${fmt(openCpu.java)} ms DynamoDB Local; one teacher alone: p50 ${fmt(alone.p50)} ms, p99 ${fmt(alone.p99)} ms`,
  );
  figures.set('journal.mark.ddb_requests', open.requests / o.total, 'requests', `per mark in the open loop: 1 BatchGetItem + 1 TransactWriteItems (mark, change-log record, chain head); ${o.total} marks`);
  return open.accepted;
}

export async function benchMarks(figures: Figures, c: BenchClass): Promise<void> {
  const sessions = await Promise.all([0, 1, 2, 3, 4].map(() => signIn(c.baseUrl, 'teacher')));
  // Subjects: [0] the page's (contended below), [1..50] the open loop's teachers, [51] one teacher
  // alone; the saturation loop takes work types of their own on [1..32].
  const s = c.subjects;
  if (s.length < 52) throw new Error('bench: the class needs 52 subjects');

  // BENCH_PART=saturation (with `npx tsx bench/journal.ts`): only the saturation rounds, for
  // working on the mark path; `npm run bench` always runs every part.
  const all = process.env.BENCH_PART !== 'saturation';
  const openAccepted = all ? await openLoopFigures(figures, c, sessions) : [];

  // --- saturation: marks over HTTP against the bare transaction, interleaved ------------------
  const n = SATURATION.writers;
  const markWriters = (workType: string) => s.slice(1, 1 + n).map((subj) => cellsOf(c, subj, workType));
  const bareSubjects = (round: number) => Array.from({ length: n }, (_, i) => `bare${round}-${String(i + 1).padStart(2, '0')}`);
  const forMs = (ms: number) => (_k: number, started: number) => performance.now() - started >= ms;
  // Warm both paths up (the JIT of DynamoDB Local and of Node) before anything counts.
  await closedLoop(c, sessions, markWriters('homework'), forMs(SATURATION.warmUpMs));
  await bareTransactLoop(c, bareSubjects(0), SATURATION.warmUpMs);
  const markRates: number[] = [];
  const bareRates: number[] = [];
  const saturated: Cell[] = [];
  let refusedAtSaturation = 0;
  const cpu = { mark: { node: 0, java: 0, ops: 0 }, bare: { node: 0, java: 0, ops: 0 }, read: { node: 0, java: 0, ops: 0 } };
  const account = (kind: 'mark' | 'bare' | 'read', before: { node: number; java: number }, ops: number) => {
    const used = perOp(before, cpuMs(), 1);
    cpu[kind].node += used.node;
    cpu[kind].java += used.java;
    cpu[kind].ops += ops;
  };
  for (let round = 1; round <= SATURATION.rounds; round++) {
    let before = cpuMs();
    const bare = await bareTransactLoop(c, bareSubjects(round), SATURATION.roundMs);
    account('bare', before, bare.count);
    bareRates.push(bare.count / bare.seconds);
    before = cpuMs();
    const marks = await closedLoop(c, sessions, markWriters(['practical', 'laboratory', 'dictation', 'project'][round - 1]!), forMs(SATURATION.roundMs));
    account('mark', before, marks.latencies.length);
    markRates.push(marks.accepted.length / marks.seconds);
    saturated.push(...marks.accepted);
    refusedAtSaturation += marks.refused;
  }
  const beforeRead = cpuMs();
  const reads = await bareReadLoop(c, s.slice(1, 1 + n), SATURATION.warmUpMs);
  account('read', beforeRead, reads.count);
  const cpuOf = (k: 'mark' | 'bare' | 'read') => `${fmt(cpu[k].node / cpu[k].ops)} ms Node + ${fmt(cpu[k].java / cpu[k].ops)} ms DynamoDB Local`;
  const markMax = Math.max(...markRates);
  const bareMax = Math.max(...bareRates);
  const rounds = (r: number[]) => r.map((x) => x.toFixed(0)).join(', ');
  figures.set('journal.mark.max_per_s', markMax, 'marks/s', `closed loop, ${n} writers over HTTP on their own subjects, best of ${SATURATION.rounds} rounds of ${SATURATION.roundMs / 1000} s (${rounds(markRates)}); ${refusedAtSaturation} refused; CPU per mark ${cpuOf('mark')} (Node: the load's HTTP client too)`);
  figures.set('ddb.transact.max_per_s', bareMax, 'transactions/s', `the same 3 items (mark, change-log record, chain head) in a bare TransactWriteItems loop, ${n} writers, same DynamoDB Local, rounds interleaved with the marks' (${rounds(bareRates)}); CPU per transaction ${cpuOf('bare')}; the mark's read alone (its BatchGetItem, ${(reads.count / reads.seconds).toFixed(0)}/s): ${cpuOf('read')}`);
  figures.set('journal.mark.saturation_ratio', markMax / bareMax, 'ratio', 'journal.mark.max_per_s / ddb.transact.max_per_s');

  const lost = await countLost(c, [...openAccepted, ...saturated]);
  figures.set('journal.mark.lost', lost, 'writes', `accepted marks missing afterwards, of ${openAccepted.length + saturated.length} (${all ? 'open loop and saturation' : 'saturation only'})`);
  if (!all) return agent.destroy();

  // --- the worst case for the change log's chain: 10 writers on the same subject at once -------
  const crowd = Array.from({ length: 10 }, (_, w) => {
    const mine = c.students.slice(w * 3, w * 3 + 3);
    return cellsOf({ ...c, students: mine }, s[0]!, 'verification');
  });
  const contended = await closedLoop(c, sessions, crowd, (k) => k >= 30);
  const cs = summary(contended);
  const contendedLost = await countLost(c, contended.accepted);
  figures.set(
    'journal.mark.contended_p99_ms',
    cs.p99,
    'ms',
    `10 writers on one subject's chain at once, closed loop; p50 ${fmt(cs.p50)} ms; ${(contended.requests / cs.total).toFixed(2)} requests/mark; ${contended.refused} refused; ${contendedLost} lost of ${contended.accepted.length}`,
  );
  agent.destroy();
}

/**
 * The yearly journal (issue 14 item 4; R-64, clause 8.5): one demo class's whole year, as the
 * demo school's generator fills it (6Б: every subject's lessons of the four quarters with topics
 * from the KTPs, homework, marks, attendance, the change log and rosters), gathered and rendered
 * into the one PDF the yearly job stores.
 *
 * - pdf.yearly_journal_class_ms: gathering (one Query per class x period partition, the year's
 *   marks, the summary sheets) and rendering, warm median of RUNS, in a fresh Node process as a
 *   Lambda would be (the first, cold run is in the note);
 * - pdf.yearly_journal_class_peak_mb: that process's peak resident memory (maxRSS) over all runs,
 *   against the memory the stack gives its functions (infra/lambda.ts).
 *
 * `npx tsx bench/yearly.ts` runs this module alone on its own in-memory stack and merges its figures
 * into bench/results.json; `npm run bench` runs it with the others (bench/run.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchWriteAll } from '../infra/local/seed';
import { keys } from '../shared/db/keys';
import { buildDemoModel, DEMO_DEPARTMENT_ID, DEMO_SCHOOL_ID, demoItems } from '../shared/demo/index';
import { demoCurriculumItems } from '../shared/demo/curriculum';
import { withDemoJournal } from '../shared/demo/journal';
import { demoKtpItems } from '../shared/demo/ktp';
import { withDemoPeople } from '../shared/demo/people';
import { demoTimetableItems } from '../shared/demo/timetable';
import { demoYear } from '../shared/demo/year';
import { periodsForGrade } from '../shared/domain/year';
import { projectRoot } from '../infra/local/dynamodb-local';
import { isMain, runAlone } from './alone';
import { Figures, percentile } from './figures';

const SCH = DEMO_SCHOOL_ID;
const CLASS = '6b';
const RUNS = 3;
/** The demo year's last school days: every lesson of the year has happened and is filled. */
const NOW = new Date('2027-05-27T15:00:00Z');

/** The memory every function of the stack is given (infra/lambda.ts), read from its definition. */
function functionMemoryMb(): number {
  const m = /memorySize:\s*(\d+)/.exec(readFileSync(join(projectRoot, 'infra', 'lambda.ts'), 'utf8'));
  if (!m) throw new Error('bench/yearly: no memorySize in infra/lambda.ts');
  return Number(m[1]);
}

/** Writes the class's year: the demo's set-up with the journal of every period of this class alone. */
async function buildYear(): Promise<number> {
  const model = buildDemoModel({ now: NOW });
  const people = withDemoPeople(demoItems(model, ''), model, NOW);
  const year = demoYear(SCH);
  const grade = model.classes.find((c) => c.classId === CLASS)!.grade;
  const planned = [...demoCurriculumItems(model), ...demoTimetableItems(model, { now: NOW, periods: periodsForGrade(year, grade).map((p) => p.periodId) })];
  const withKtp = [...planned, ...demoKtpItems({ model, year, items: [...people, ...planned] })];
  const all = withDemoJournal([...people, ...withKtp], model, NOW, { classIds: [CLASS], teacherIds: [], periods: 'all' });
  // Other classes' partitions are not read: leave them out (the write is most of the set-up's time).
  const otherClass = new RegExp(`^SCH#${SCH}#CLS#(?!${CLASS}#)`);
  const setUp = all.slice(people.length).filter((i) => !otherClass.test(String(i.pk)) && i.pk !== keys.demoSetUpDone(DEMO_DEPARTMENT_ID).pk);
  await batchWriteAll(setUp);
  return setUp.filter((i) => String(i.pk).startsWith(`SCH#${SCH}#CLS#${CLASS}#`)).length;
}

interface ChildResult {
  cold: number;
  /** Each warm run: gathering, rendering (wall clock), and the process's CPU time for the two. */
  runs: Array<{ gather: number; render: number; cpu: number }>;
  maxRssMb: number;
  bytes: number;
  pages: number;
  partitionPages: number;
}

/** In a fresh process: the class's journal gathered and rendered RUNS + 1 times. */
async function child(): Promise<void> {
  const { setLogLevel } = await import('../shared/ops/telemetry');
  setLogLevel('SILENT');
  const { loadClassMarksContext } = await import('../shared/services/period-marks-read');
  const { jobPrincipal, yearlyJournalOf } = await import('../shared/services/yearly-journal');
  const { renderYearlyJournal } = await import('../shared/reports/yearly-journal');
  const p = jobPrincipal(DEMO_DEPARTMENT_ID);
  const once = async () => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const count = { partitionPages: 0 };
    const ctx = await loadClassMarksContext(p, SCH, CLASS, NOW);
    const journal = await yearlyJournalOf(p, ctx, NOW, count);
    const gathered = performance.now();
    const pdf = await renderYearlyJournal(journal);
    if (process.env.BENCH_YEARLY_DUMP) (await import('node:fs')).writeFileSync(process.env.BENCH_YEARLY_DUMP, JSON.stringify(journal));
    const used = process.cpuUsage(cpu);
    return { gather: gathered - t, render: performance.now() - gathered, cpu: (used.user + used.system) / 1000, pdf, count };
  };
  const cold = await once();
  const runs: ChildResult['runs'] = [];
  let last = cold;
  for (let i = 0; i < RUNS; i++) {
    last = await once();
    runs.push({ gather: last.gather, render: last.render, cpu: last.cpu });
  }
  const pages = (last.pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const out: ChildResult = { cold: cold.gather + cold.render, runs, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: last.pdf.length, pages, partitionPages: last.count.partitionPages };
  process.stdout.write(JSON.stringify(out));
}

export async function benchYearly(figures: Figures): Promise<void> {
  const items = await buildYear();
  const raw = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'], { cwd: projectRoot, env: process.env, encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(raw) as ChildResult;
  const memory = functionMemoryMb();
  const mid = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  const median = mid(r.runs.map((x) => x.gather + x.render));
  figures.set(
    'pdf.yearly_journal_class_ms',
    median,
    'ms',
    `6Б's whole year (${items.toLocaleString('en')} items in its partitions): gathered (${r.partitionPages} Query pages for the 4 quarters; ${Math.round(mid(r.runs.map((x) => x.gather)))} ms) and rendered (${Math.round(mid(r.runs.map((x) => x.render)))} ms) into ${r.pages} A4 pages (${Math.round(r.bytes / 1024)} KB); CPU time ${Math.round(mid(r.runs.map((x) => x.cpu)))} ms (the machine's other load inflates the wall clock); warm median of ${RUNS} in a fresh process, the first (cold) ${Math.round(r.cold)} ms`,
  );
  figures.set('pdf.yearly_journal_class_peak_mb', r.maxRssMb, 'MB', `peak resident memory of that process over ${RUNS + 1} renders, against ${memory} MB configured for the functions (infra/lambda.ts): ${Math.round((100 * r.maxRssMb) / memory)} %`);
}

if (process.argv.includes('--child')) await child();
else if (isMain(import.meta.url)) await runAlone((figures) => benchYearly(figures));

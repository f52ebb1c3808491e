/**
 * `npm run bench`: starts what it needs (an in-memory local stack), measures, prints a table and
 * writes bench/results.json. Later issues add their own figures here.
 */
import { join } from 'node:path';
import { projectRoot } from '../infra/local/dynamodb-local';
import { startLocalStack } from '../infra/local/stack';
import { setLogLevel } from '../shared/ops/telemetry';
import { benchBundles } from './bundles';
import { benchDiary } from './diary';
import { Figures } from './figures';
import { benchFinals } from './finals';
import { benchJournal } from './journal';
import { benchReports, benchSchoolMonitoring } from './reports';
import { benchPaper } from './paper';
import { benchSignIn } from './signin';
import { benchYearly } from './yearly';
import { benchClose } from './close';

// One JSON line per request would flood the table and cost the measured process CPU.
setLogLevel('SILENT');

const figures = new Figures();
const signIns = Number(process.env.BENCH_SIGNINS ?? 240);

await benchBundles(figures, join(projectRoot, '.local', 'bench', 'functions'));

const t = performance.now();
const stack = await startLocalStack({ web: false, seed: 'people', timers: false });
figures.set('stack.ready_s', (performance.now() - t) / 1000, 's', 'DynamoDB Local + S3 + table + demo school + API, in memory');
try {
  await benchSignIn(figures, stack.url, signIns);
  await benchJournal(figures, stack.url);
  await benchFinals(figures, stack.url);
  // The same class as finals': its summary sheet, PDF included (issue 13).
  await benchReports(figures, stack.url, { built: true });
  await benchPaper(figures);
  // Last: it adds a bench quarter to 5А's journal, which the others never read.
  await benchDiary(figures, stack.url);
  // After the others that expect no set-up: it writes the demo's whole-year curriculum, timetable and KTPs and 6Б's year of journal.
  await benchYearly(figures);
  // After the yearly journal: it seeds the rest of the demo's set-up and journal, which the others do not expect.
  await benchSchoolMonitoring(figures, stack.url);
  // Very last: a 60-class school of its own beside the demo's, which a department-wide job would also walk.
  await benchClose(figures);
} finally {
  await stack.stop();
}

figures.print();
const file = join(projectRoot, 'bench', 'results.json');
// Merged: the soak run (bench/soak.ts) keeps its figures in the same file.
figures.merge(file);
console.log(`\nWritten: ${file}`);

/**
 * The class x subjects table of period marks (issue 10): 30 students x 15 subjects = 450 period
 * marks in ONE class x period partition that also holds the period's journal, 30 x 45 lessons x
 * 15 subjects = 20,250 current marks. The marks live under their own `FINAL#` key prefix, so the
 * table reads them with one Query that never wades through the journal.
 *
 * - finals.class.ddb_requests: DynamoDB requests of reading the table's marks (budget 1: one Query,
 *   one page); the note gives all the handler's requests (school, class, year, curriculum,
 *   subjects, class list and last lesson days besides the marks).
 * - finals.class.handler_ms: the period-marks area handler called in-process, median of 30.
 *
 * `npx tsx bench/finals.ts` runs this module alone on its own in-memory stack and merges its
 * figures into bench/results.json; `npm run bench` runs it with the others (bench/run.ts).
 */
import { areaModules } from '../functions/index';
import { setClock } from '../functions/http/clock';
import { batchWriteAll } from '../infra/local/seed';
import { ddbRequestCounter } from '../shared/db/client';
import { keys, sortName } from '../shared/db/keys';
import { buildDemoModel, DEMO_SCHOOL_ID, DEMO_YEAR_ID } from '../shared/demo/index';
import type { FinalMarkCode } from '../shared/domain/period-marks';
import { loadLineItems, subjectItem } from '../shared/repos/curriculum';
import { markItem } from '../shared/repos/journal';
import { lessonItem } from '../shared/repos/lessons';
import { finalMarkItem, readPeriodMarks } from '../shared/repos/period-marks';
import { isMain, runAlone } from './alone';
import { getEvent, signIn } from './events';
import { percentile, type Figures } from './figures';

const SCH = DEMO_SCHOOL_ID;
export const BENCH_CLASS = 'benchfin';
const CLASS = BENCH_CLASS;
export const BENCH_PERIOD = '2026-q2';
const PERIOD = BENCH_PERIOD;
export const BENCH_NOW = new Date('2026-12-28T09:00:00Z');
const NOW = BENCH_NOW;
const STUDENTS = 30;
const SUBJECTS = 15;
const LESSONS = 45;
const RUNS = 30;

const pad = (i: number) => String(i + 1).padStart(2, '0');

/** 45 school days of the second quarter (Monday to Saturday), one lesson of each subject a day. */
function lessonDays(): string[] {
  const days: string[] = [];
  for (let t = Date.parse('2026-11-05T00:00:00Z'); days.length < LESSONS; t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/** The bench class: 30 x 15 period marks among a quarter's journal (bench/reports.ts reads it too). */
export async function buildClass(teacherId: string): Promise<number> {
  const students = Array.from({ length: STUDENTS }, (_, i) => ({ studentId: `bfin-${pad(i)}`, lastName: `Ученик${pad(i)}`, firstName: 'Итоговый' }));
  const days = lessonDays();
  const items: Array<Record<string, unknown>> = [
    { ...keys.class(SCH, CLASS), type: 'class', classId: CLASS, schoolId: SCH, grade: 8, letter: 'И', yearId: DEMO_YEAR_ID },
    ...students.map((s) => ({
      ...keys.studentCard(SCH, s.studentId),
      ...keys.studentsOfClass(SCH, CLASS, sortName(s.lastName, s.firstName), s.studentId),
      type: 'studentCard', schoolId: SCH, classId: CLASS, birthDate: '2012-05-01', parentIds: [], ...s,
    })),
  ];
  let journalItems = 0;
  for (let j = 0; j < SUBJECTS; j++) {
    const subjectId = `bfin${pad(j)}`;
    const place = { schoolId: SCH, classId: CLASS, periodId: PERIOD, subjectId };
    items.push(subjectItem({ subjectId, schoolId: SCH, name: `Предмет ${j + 1} (итоговый)`, shortName: `И${j + 1}`, splittable: false, version: 1 }));
    items.push(...loadLineItems({ schoolId: SCH, yearId: DEMO_YEAR_ID, classId: CLASS, subjectId, hoursPerWeek: 3, teacherId, version: 1 }));
    days.forEach((date, li) => {
      items.push(lessonItem(SCH, DEMO_YEAR_ID, { classId: CLASS, periodId: PERIOD, subjectId, groupId: 'all', date, lessonNo: 1 + (j % 7), teacherId, status: 'planned' }, '2026-08-31T09:00:00.000Z'));
      students.forEach((st, si) => {
        const value = 2 + ((li * 7 + si * 3 + j) % 4);
        items.push(markItem(place, { date, lessonNo: 1 + (j % 7), groupId: 'all', studentId: st.studentId, workType: 'lessonAnswer', value, weight: 1, version: 1, setBy: teacherId, setAt: `${date}T11:00:00.000Z` }));
        journalItems++;
      });
    });
    students.forEach((st, si) => {
      const slot = { schoolId: SCH, classId: CLASS, yearId: DEMO_YEAR_ID, kind: 'period' as const, periodId: PERIOD, subjectId, studentId: st.studentId };
      const at = '2026-12-28T08:00:00.000Z';
      const code = String(3 + ((si + j) % 3)) as FinalMarkCode;
      items.push(finalMarkItem(slot, { kind: 'period', classId: CLASS, periodId: PERIOD, yearId: DEMO_YEAR_ID, subjectId, studentId: st.studentId, code, setBy: teacherId, setByName: 'bench', setAt: at, firstSetAt: at, late: false, version: 1 }));
    });
  }
  await batchWriteAll(items);
  return journalItems;
}

export async function benchFinals(figures: Figures, baseUrl: string): Promise<void> {
  setClock(() => NOW);
  try {
    const teacherId = buildDemoModel({ now: NOW }).staff.find((s) => s.fixed === 'teacher')!.userId;
    const journalItems = await buildClass(teacherId);
    const session = await signIn(baseUrl, 'teacher');
    const mod = await areaModules['period-marks']();
    const event = () => getEvent(session.cookie, `/api/schools/${SCH}/classes/${CLASS}/periods/${PERIOD}/period-marks`, NOW);

    const warm = await mod.handler(event(), {} as never);
    const body = JSON.parse(String((warm as { body?: string }).body ?? '{}')) as { marks?: unknown[]; subjects?: unknown[]; students?: unknown[]; queryPages?: number };
    if ((warm as { statusCode?: number }).statusCode !== 200 || body.marks?.length !== STUDENTS * SUBJECTS) {
      throw new Error(`period-marks table answered ${(warm as { statusCode?: number }).statusCode} with ${body.marks?.length} marks`);
    }

    // The marks' own read, counted alone: what the budget holds.
    let before = ddbRequestCounter.count;
    for (let i = 0; i < RUNS; i++) await readPeriodMarks(SCH, CLASS, PERIOD);
    const marksRead = (ddbRequestCounter.count - before) / RUNS;

    const times: number[] = [];
    before = ddbRequestCounter.count;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const res = await mod.handler(event(), {} as never);
      times.push(performance.now() - t);
      if ((res as { statusCode?: number }).statusCode !== 200) throw new Error('period-marks table failed while measured');
    }
    const perTable = (ddbRequestCounter.count - before) / RUNS;
    times.sort((a, b) => a - b);
    const shape = `${body.students?.length} students x ${body.subjects?.length} subjects, ${body.marks?.length} period marks among ${journalItems.toLocaleString('en')} journal marks of the partition`;
    figures.set('finals.class.ddb_requests', marksRead, 'requests', `the marks: 1 Query of FINAL#, ${body.queryPages} page(s); the whole handler ${perTable}; ${shape}`);
    figures.set('finals.class.handler_ms', percentile(times, 50), 'ms', `median of ${RUNS}, area handler in-process; p99 ${percentile(times, 99).toFixed(1)} ms`);
  } finally {
    setClock(null);
  }
}

if (isMain(import.meta.url)) await runAlone(benchFinals);

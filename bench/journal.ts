/**
 * The journal's budgets (issue 4) on the local stack, for a class of 30 students x 45 lessons:
 *
 * - journal.page.*: the teacher's page (class x subject x period) with 1,350 marks and 135
 *   absences in it: DynamoDB requests per page (budget: 1 Query plus its pages), the gzip size of
 *   the answer, and the handler's own time (the area Lambda called in-process, median of 30).
 * - journal.mark.*, ddb.transact.*: saving marks (bench/marks.ts says how).
 *
 * Runs in the process that started the stack (bench/run.ts), so the DynamoDB request counter
 * sees the server's requests, and stands the server's clock on a fixed day so that the figures do
 * not depend on the date the bench runs.
 */
import { gzipSync } from 'node:zlib';
import { areaModules } from '../functions/index';
import { setClock } from '../functions/http/clock';
import { batchWriteAll } from '../infra/local/seed';
import { ddbRequestCounter } from '../shared/db/client';
import { keys, sortName } from '../shared/db/keys';
import { buildDemoModel, DEMO_DEPARTMENT_ID, DEMO_SCHOOL_ID, DEMO_YEAR_ID } from '../shared/demo/index';
import { addDays as plusDays } from '../shared/domain/calendar';
import { loadLineItems, subjectItem } from '../shared/repos/curriculum';
import { attendanceItem, markItem } from '../shared/repos/journal';
import { lessonItem } from '../shared/repos/lessons';
import { journalPage, loadJournalPage } from '../shared/services/journal-page';
import { materialiseRosters } from '../shared/services/journal-rosters';
import { isMain, runAlone } from './alone';
import { getEvent, signIn } from './events';
import { percentile, type Figures } from './figures';
import { benchMarks } from './marks';

const SCH = DEMO_SCHOOL_ID;
const CLASS = 'bench7';
const PERIOD = '2026-q2';
const TODAY = '2026-11-30';
const NOW = new Date(`${TODAY}T09:00:00Z`);
const STUDENTS = 30;
const LESSONS = 45;
const SUBJECTS = 52;
const PAGE_RUNS = 30;

const subjectId = (i: number) => `bench${String(i + 1).padStart(2, '0')}`;

/** 45 lesson slots of the second quarter up to the bench's day: two or three a school day. */
function lessonSlots(): Array<{ date: string; lessonNo: number }> {
  const slots: Array<{ date: string; lessonNo: number }> = [];
  for (let d = '2026-11-05'; d <= TODAY && slots.length < LESSONS; d = plusDays(d, 1)) {
    if (new Date(`${d}T00:00:00Z`).getUTCDay() === 0) continue;
    for (const n of [1, 2]) slots.push({ date: d, lessonNo: n });
  }
  for (let d = '2026-11-05'; slots.length < LESSONS; d = plusDays(d, 1)) {
    if (new Date(`${d}T00:00:00Z`).getUTCDay() !== 0) slots.push({ date: d, lessonNo: 3 });
  }
  return slots.sort((a, b) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo);
}

async function buildClass(teacherId: string) {
  const students = Array.from({ length: STUDENTS }, (_, i) => ({ studentId: `bst-${String(i + 1).padStart(2, '0')}`, lastName: `Ученик${String(i + 1).padStart(2, '0')}`, firstName: 'Тест' }));
  const slots = lessonSlots();
  const items: Array<Record<string, unknown>> = [
    { ...keys.class(SCH, CLASS), type: 'class', classId: CLASS, schoolId: SCH, grade: 7, letter: 'Ж', yearId: DEMO_YEAR_ID },
    ...students.map((s) => ({
      ...keys.studentCard(SCH, s.studentId),
      ...keys.studentsOfClass(SCH, CLASS, sortName(s.lastName, s.firstName), s.studentId),
      type: 'studentCard', schoolId: SCH, classId: CLASS, birthDate: '2013-05-01', parentIds: [], ...s,
    })),
  ];
  for (let i = 0; i < SUBJECTS; i++) {
    const subj = subjectId(i);
    items.push(subjectItem({ subjectId: subj, schoolId: SCH, name: `Предмет ${i + 1} (нагрузочный)`, shortName: `П${i + 1}`, splittable: false, version: 1 }));
    items.push(...loadLineItems({ schoolId: SCH, yearId: DEMO_YEAR_ID, classId: CLASS, subjectId: subj, hoursPerWeek: 4, teacherId, version: 1 }));
    for (const s of slots) {
      const l = lessonItem(SCH, DEMO_YEAR_ID, { classId: CLASS, periodId: PERIOD, subjectId: subj, groupId: 'all', date: s.date, lessonNo: s.lessonNo, teacherId, status: 'planned' }, '2026-08-31T09:00:00.000Z');
      items.push(i === 0 ? { ...l, topic: `Тема урока ${s.date}`, workTypes: ['lessonAnswer'], homework: '§ 5, № 12–14', filledAt: `${s.date}T11:00:00.000Z`, journalData: true } : l);
    }
  }
  // The page's subject: a mark in every cell and an absence in every tenth.
  const place = { schoolId: SCH, classId: CLASS, periodId: PERIOD, subjectId: subjectId(0) };
  slots.forEach((s, li) =>
    students.forEach((st, si) => {
      const base = { date: s.date, lessonNo: s.lessonNo, groupId: 'all', studentId: st.studentId, version: 1, setBy: teacherId, setAt: `${s.date}T11:00:00.000Z` };
      if ((li + si) % 10 === 0) items.push(attendanceItem(place, { ...base, kind: 'absent', reason: 'illness' }));
      else items.push(markItem(place, { ...base, workType: 'lessonAnswer', value: 2 + ((li * 7 + si * 3) % 4), weight: 1 }));
    }),
  );
  await batchWriteAll(items);
  await materialiseRosters(SCH, CLASS, PERIOD, NOW);
  return { students, slots };
}

export async function benchJournal(figures: Figures, baseUrl: string): Promise<void> {
  setClock(() => NOW);
  try {
    const teacherId = buildDemoModel({ now: NOW }).staff.find((s) => s.fixed === 'teacher')!.userId;
    const { students, slots } = await buildClass(teacherId);
    const session = await signIn(baseUrl, 'teacher');

    // --- the page -------------------------------------------------------------------------
    const url = `${baseUrl}/api/schools/${SCH}/classes/${CLASS}/periods/${PERIOD}/subjects/${subjectId(0)}/journal`;
    const warm = await fetch(url, { headers: { cookie: session.cookie } });
    const body = Buffer.from(await warm.arrayBuffer());
    if (warm.status !== 200) throw new Error(`journal page answered ${warm.status}: ${body.toString().slice(0, 200)}`);
    const page = JSON.parse(body.toString()) as { students: unknown[]; lessons: unknown[]; marks: unknown[]; queryPages: number };
    const mod = await areaModules.journal();
    const times: number[] = [];
    const before = ddbRequestCounter.count;
    for (let i = 0; i < PAGE_RUNS; i++) {
      const t = performance.now();
      const res = await mod.handler(getEvent(session.cookie, `/api/schools/${SCH}/classes/${CLASS}/periods/${PERIOD}/subjects/${subjectId(0)}/journal`, NOW), {} as never);
      times.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`journal page handler answered ${res.statusCode}`);
    }
    const perPage = (ddbRequestCounter.count - before) / PAGE_RUNS;
    times.sort((a, b) => a - b);
    // The handler's own share: shaping the page from what the Query returned (no I/O).
    const principal = { userId: teacherId, departmentId: DEMO_DEPARTMENT_ID, displayName: 'bench', grants: [{ role: 'teacher' as const, schoolId: SCH }] };
    const loaded = await loadJournalPage(DEMO_DEPARTMENT_ID, { schoolId: SCH, classId: CLASS, periodId: PERIOD, subjectId: subjectId(0) }, NOW);
    const shaping: number[] = [];
    for (let i = 0; i < PAGE_RUNS; i++) {
      const t = performance.now();
      JSON.stringify(await journalPage(principal, loaded, NOW, null));
      shaping.push(performance.now() - t);
    }
    shaping.sort((a, b) => a - b);
    const shape = `${page.students.length} students x ${page.lessons.length} lessons, ${page.marks.length} marks`;
    figures.set('journal.page.ddb_requests', perPage, 'requests', `1 Query, ${page.queryPages} page(s); ${shape}`);
    figures.set('journal.page.bytes_gzip', gzipSync(body).length, 'bytes', `${body.length} bytes before gzip`);
    figures.set('journal.page.handler_ms', percentile(times, 50), 'ms', `median of ${PAGE_RUNS}, area handler in-process; p99 ${percentile(times, 99).toFixed(1)} ms; of it shaping + JSON ${percentile(shaping, 50).toFixed(1)} ms, the rest DynamoDB Local's Query`);

    // --- saving marks: bench/marks.ts ------------------------------------------------------------
    await benchMarks(figures, {
      baseUrl,
      schoolId: SCH,
      classId: CLASS,
      periodId: PERIOD,
      teacherId,
      students,
      openSlots: slots.filter((s) => s.date >= plusDays(TODAY, -9)),
      subjects: Array.from({ length: SUBJECTS }, (_, i) => subjectId(i)),
    });
  } finally {
    setClock(null);
  }
}

/** The bench class for the soak run (bench/soak.ts): its place, its day and its subjects' ids. */
export const BENCH_CLASS = { classId: CLASS, periodId: PERIOD, now: NOW, subjectId } as const;
export { buildClass };

// `npx tsx bench/journal.ts` (BENCH_PART=saturation: only the saturation rounds of the marks).
if (isMain(import.meta.url)) await runAlone(benchJournal);

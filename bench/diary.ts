/**
 * The family's diary (issue 12) on the demo school: the demo `student` of 5А, whose class gets a
 * third quarter of 8 bench subjects, 6 lessons a day (topics, homework, individual homework for
 * some), marks for a third of the class at every lesson and the student's absences, plus two events
 * in the measured week. The class x period partition then holds about 400 lessons and 1,450 marks.
 *
 * - diary.week.ddb_requests: the week's data reads, counted alone (budget 2: the diary index and the
 *   class-day index, one page each); the note gives all the handler's requests (the context: school
 *   items, the card with its movements, subjects, events, class and year, teachers' names).
 * - diary.week.bytes_gzip: the week's answer, gzipped (budget 16 KB).
 * - diary.subject.ddb_requests: one subject for the period, the data reads (budget 2: the subject's
 *   slice of the journal partition and the period and year marks by key); the note gives the rest.
 * - diary.marks.ddb_requests: «Отметки за период» (every subject of the period), its data reads: the
 *   class x period journal (1 Query plus pages) and the period marks (1 Query); the note gives the rest.
 * - diary.week.handler_ms: the diary area handler called in-process, median of 30.
 *
 * `npx tsx bench/diary.ts` runs this module alone on its own in-memory stack and merges its
 * figures into bench/results.json; `npm run bench` runs it with the others (bench/run.ts).
 */
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { areaModules } from '../functions/index';
import { setClock } from '../functions/http/clock';
import { batchWriteAll } from '../infra/local/seed';
import { ddbRequestCounter } from '../shared/db/client';
import { keys } from '../shared/db/keys';
import { buildDemoModel, DEMO_SCHOOL_ID, DEMO_YEAR_ID } from '../shared/demo/index';
import { addDays } from '../shared/domain/calendar';
import { loadLineItems, subjectItem } from '../shared/repos/curriculum';
import { readDiaryEntries, readStudentFinalMarks } from '../shared/repos/diary';
import { attendanceItem, markItem, readJournalSlice, readLessonsOfClassDays } from '../shared/repos/journal';
import { lessonItem } from '../shared/repos/lessons';
import { readClassJournal, readPeriodMarks } from '../shared/repos/period-marks';
import { listStudentsOfClass } from '../shared/repos/school';
import type { WorkTypeId } from '../shared/domain/work-types';
import { getEvent, signIn } from './events';
import { isMain, runAlone } from './alone';
import { type Figures, percentile } from './figures';

const SCH = DEMO_SCHOOL_ID;
const CLASS = '5a';
const PERIOD = '2026-q3';
const PERIOD_START = '2027-01-12';
const WEEK = '2027-02-01';
const NOW = new Date('2027-02-04T09:00:00Z');
const SUBJECTS = 8;
const LESSONS_A_DAY = 6;
const RUNS = 30;
const WORK_TYPES: WorkTypeId[] = ['lessonAnswer', 'homework', 'independent', 'verification', 'test'];

const pad = (i: number) => String(i + 1).padStart(2, '0');
const subjectId = (j: number) => `bdia${pad(j)}`;

/** School days (Monday to Saturday) of the third quarter up to the week after the measured one. */
function schoolDays(): string[] {
  const days: string[] = [];
  for (let d = PERIOD_START; d <= addDays(WEEK, 13); d = addDays(d, 1)) {
    if (new Date(`${d}T00:00:00Z`).getUTCDay() !== 0 && d !== '2027-02-23') days.push(d);
  }
  return days;
}

async function buildQuarter(teacherId: string, studentId: string): Promise<number> {
  const students = (await listStudentsOfClass(SCH, CLASS)).map((s) => s.studentId);
  const items: Array<Record<string, unknown>> = [];
  for (let j = 0; j < SUBJECTS; j++) {
    items.push(subjectItem({ subjectId: subjectId(j), schoolId: SCH, name: `Предмет дневника ${j + 1}`, shortName: `Д${j + 1}`, splittable: false, version: 1 }));
    items.push(...loadLineItems({ schoolId: SCH, yearId: DEMO_YEAR_ID, classId: CLASS, subjectId: subjectId(j), hoursPerWeek: 4, teacherId, version: 1 }));
  }
  let marks = 0;
  schoolDays().forEach((date, di) => {
    for (let n = 1; n <= LESSONS_A_DAY; n++) {
      const subject = subjectId((di * LESSONS_A_DAY + n) % SUBJECTS);
      const place = { schoolId: SCH, classId: CLASS, periodId: PERIOD, subjectId: subject };
      items.push({
        ...lessonItem(SCH, DEMO_YEAR_ID, { classId: CLASS, periodId: PERIOD, subjectId: subject, groupId: 'all', date, lessonNo: n, teacherId, status: 'planned', room: `${200 + n}` }, '2026-08-31T09:00:00.000Z'),
        topic: `Тема урока ${di + 1}.${n}: повторение и закрепление изученного материала`,
        homework: `Параграф ${di + n}, упражнения ${di * 3 + 1}–${di * 3 + 4}; выучить правило на с. ${40 + di}`,
        ...(n % 3 === 0 ? { individualHomework: [{ studentIds: [studentId], text: 'Дополнительная карточка по теме урока' }, { studentIds: students.slice(0, 3), text: 'Карточка для других' }] } : {}),
        version: 2,
      });
      students.forEach((st, si) => {
        const own = st === studentId;
        if (!own && (si + di + n) % 3 !== 0) return;
        if (own && (di + n) % 3 !== 0) return;
        const workType = WORK_TYPES[(di + n + si) % WORK_TYPES.length]!;
        items.push(markItem(place, { date, lessonNo: n, groupId: 'all', studentId: st, workType, value: 2 + ((di + n + si) % 4), weight: 1 + (WORK_TYPES.indexOf(workType) % 3), version: 1, setBy: teacherId, setAt: `${date}T10:00:00.000Z` }));
        marks++;
      });
      if (n === 2 && di % 5 === 0) items.push(attendanceItem(place, { date, lessonNo: n, groupId: 'all', studentId, kind: 'absent', reason: 'illness', version: 1, setBy: teacherId, setAt: `${date}T10:00:00.000Z` }));
    }
  });
  const event = (date: string, nonce: string, title: string, audience: Record<string, unknown>) => ({
    ...keys.diaryEvent(SCH, date, nonce), type: 'diaryEvent', schoolId: SCH, eventId: `${date}.${nonce}`, date, time: '18:00', title, place: 'Актовый зал', audience, audienceTitle: '', publishedBy: teacherId, publishedByName: 'Завуч', publishedAt: NOW.toISOString(), version: 1,
  });
  items.push(event('2027-02-03', 'bench0001', 'Родительское собрание', { kind: 'school' }), event('2027-02-05', 'bench0002', 'Классный час', { kind: 'class', classId: CLASS }));
  await batchWriteAll(items);
  return marks;
}

function withQuery(e: APIGatewayProxyEventV2, query: Record<string, string>): APIGatewayProxyEventV2 {
  return { ...e, rawQueryString: new URLSearchParams(query).toString(), queryStringParameters: query };
}

type Reply = { statusCode?: number; body?: string };

export async function benchDiary(figures: Figures, baseUrl: string): Promise<void> {
  setClock(() => NOW);
  try {
    const model = buildDemoModel({ now: NOW });
    const teacherId = model.staff.find((s) => s.fixed === 'teacher')!.userId;
    const studentId = model.students.find((s) => s.fixed === 'student')!.studentId;
    const marks = await buildQuarter(teacherId, studentId);
    const session = await signIn(baseUrl, 'student');
    const mod = await areaModules.diary();
    const base = `/api/schools/${SCH}/students/${studentId}/diary`;
    const week = () => withQuery(getEvent(session.cookie, `${base}/week`, NOW), { from: WEEK });
    const subject = () => withQuery(getEvent(session.cookie, `${base}/subjects/${subjectId(0)}`, NOW), { period: PERIOD });

    const warm = (await mod.handler(week(), {} as never)) as Reply;
    const body = String(warm.body ?? '');
    const parsed = JSON.parse(body || '{}') as { days?: Array<{ lessons: unknown[]; events: unknown[] }> };
    const lessons = parsed.days?.reduce((n, d) => n + d.lessons.length, 0) ?? 0;
    if (warm.statusCode !== 200 || lessons !== 6 * LESSONS_A_DAY) throw new Error(`diary week answered ${warm.statusCode} with ${lessons} lessons: ${body.slice(0, 200)}`);

    // The week's two data reads, counted alone: what the budget holds.
    let before = ddbRequestCounter.count;
    await Promise.all([readDiaryEntries(SCH, studentId, WEEK, addDays(WEEK, 6)), readLessonsOfClassDays(SCH, CLASS, WEEK, addDays(WEEK, 6))]);
    const weekData = ddbRequestCounter.count - before;

    const times: number[] = [];
    before = ddbRequestCounter.count;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const res = (await mod.handler(week(), {} as never)) as Reply;
      times.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error('diary week failed while measured');
    }
    const perWeek = (ddbRequestCounter.count - before) / RUNS;
    times.sort((a, b) => a - b);

    const subjectReply = (await mod.handler(subject(), {} as never)) as Reply;
    const subjectBody = JSON.parse(String(subjectReply.body ?? '{}')) as { justification?: { lines: unknown[] }; lessons?: unknown[] };
    if (subjectReply.statusCode !== 200 || !subjectBody.justification?.lines.length) throw new Error(`diary subject answered ${subjectReply.statusCode}: ${String(subjectReply.body).slice(0, 200)}`);
    before = ddbRequestCounter.count;
    const slice = await readJournalSlice({ schoolId: SCH, classId: CLASS, periodId: PERIOD, subjectId: subjectId(0) });
    await readStudentFinalMarks({ schoolId: SCH, classId: CLASS, yearId: DEMO_YEAR_ID, periodId: PERIOD, subjectId: subjectId(0), studentId });
    const subjectData = ddbRequestCounter.count - before;
    before = ddbRequestCounter.count;
    await mod.handler(subject(), {} as never);
    const perSubject = ddbRequestCounter.count - before;

    // «Отметки за период» (all subjects) for the same student: the class's journal and its period marks.
    const marksMod = await areaModules['period-marks']();
    const report = () => withQuery(getEvent(session.cookie, `/api/schools/${SCH}/students/${studentId}/period-report`, NOW), { period: PERIOD });
    const warmReport = (await marksMod.handler(report(), {} as never)) as Reply;
    if (warmReport.statusCode !== 200) throw new Error(`period report answered ${warmReport.statusCode}: ${String(warmReport.body).slice(0, 200)}`);
    before = ddbRequestCounter.count;
    const journal = await readClassJournal(SCH, CLASS, PERIOD);
    const finals = await readPeriodMarks(SCH, CLASS, PERIOD);
    const marksData = ddbRequestCounter.count - before;
    before = ddbRequestCounter.count;
    await marksMod.handler(report(), {} as never);
    const perReport = ddbRequestCounter.count - before;

    const gzip = gzipSync(body).length;
    figures.set('diary.week.ddb_requests', weekData, 'requests', `the diary index + the class-day index, one page each; the whole handler ${perWeek}; ${lessons} lessons, ${marks.toLocaleString('en')} marks in the quarter`);
    figures.set('diary.week.bytes_gzip', gzip, 'bytes', `${body.length.toLocaleString('en')} bytes of JSON before gzip`);
    figures.set('diary.week.handler_ms', percentile(times, 50), 'ms', `median of ${RUNS}, area handler in-process; p99 ${percentile(times, 99).toFixed(1)} ms`);
    figures.set('diary.marks.ddb_requests', marksData, 'requests', `«Отметки за период», all subjects: the class x period journal (1 Query, ${journal.pages} page(s)) + its period marks (1 Query, ${finals.pages} page(s)); the whole handler ${perReport}`);
    figures.set('diary.subject.ddb_requests', subjectData, 'requests', `the subject's slice (1 Query, ${slice.pages} page(s), ${slice.marks.length} marks of the class) + the period and year marks by key; the whole handler ${perSubject}; ${subjectBody.lessons?.length} lessons, ${subjectBody.justification.lines.length} marks of the student`);
  } finally {
    setClock(null);
  }
}

if (isMain(import.meta.url)) await runAlone(benchDiary);

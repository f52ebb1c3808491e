/**
 * The period close of a 60-class school (R-40; issue 14): close.school_s <= 3 s, documents rendered
 * and stored, on the local stack (DynamoDB Local and the local S3 server).
 *
 * The school «benchclose» is seeded beside the demo school with the demo's year: 60 classes of 30
 * pupils and 15 subjects, each with its curriculum line, roster, 16 lessons of the second quarter
 * with their topics, a period mark for every pupil, and the change log that explains them (one
 * chain per subject), so the close's check of the journal against its log finds it whole. Then the
 * close of 2 четверть runs as the job runs it (the day after the period's end): every class locked,
 * its findings recorded, its three PDFs rendered and archived, the manifest stored.
 *
 * - close.school_s: the close's wall time (seeding not counted);
 * - close.class_ms: the same per class (its note: how many documents were stored).
 *
 * `npx tsx bench/close.ts` runs this module alone on its own in-memory stack and merges its figures
 * into bench/results.json; `npm run bench` runs it with the others (bench/run.ts).
 */
import { batchWriteAll } from '../infra/local/seed';
import { DEPARTMENT_ID } from '../infra/local/names';
import { keys, sortName } from '../shared/db/keys';
import { DEMO_SCHOOL_ID, DEMO_YEAR_ID } from '../shared/demo/index';
import { addDays, weekdayOf } from '../shared/domain/calendar';
import { chainRun, logValue, type ChangeBody } from '../shared/domain/journal-log';
import { lessonIdOf } from '../shared/domain/journal-model';
import { changeHeadItem, changeRecordItem } from '../shared/repos/change-log';
import { loadLineItems, subjectItem } from '../shared/repos/curriculum';
import { rosterItem } from '../shared/repos/journal';
import { lessonItem } from '../shared/repos/lessons';
import { finalMarkItem } from '../shared/repos/period-marks';
import { getDepartmentAndSchoolItems, getSchool } from '../shared/repos/school';
import { getYear } from '../shared/repos/year';
import { closePeriod } from '../shared/services/period-close';
import { readJournalPartition } from '../shared/repos/journal-partition';
import { readCloses } from '../shared/repos/period-close';
import { isMain, runAlone } from './alone';
import type { Figures } from './figures';

const SCH = 'benchclose';
const CLASSES = Number(process.env.BENCH_CLOSE_CLASSES ?? 60);
const PUPILS = 30;
const SUBJECTS = 15;
const LESSONS = 16;
const PERIOD = '2026-q2';
const FIRST_DAY = '2026-11-09';
/** Moscow 00:20 of 30.12.2026, the day after 2 четверть ends: when the job runs. */
const CLOSE_AT = new Date('2026-12-29T21:20:00Z');
const SET_AT = '2026-12-29T10:00:00.000Z';

const pad = (i: number) => String(i + 1).padStart(2, '0');
const LETTERS = ['А', 'Б', 'В', 'Г', 'Д', 'Е', 'Ж', 'З', 'И', 'К', 'Л', 'М'];

type Item = Record<string, unknown>;

/** The school days from the quarter's first Monday, Monday to Friday. */
function schoolDays(n: number): string[] {
  const out: string[] = [];
  for (let d = FIRST_DAY; out.length < n; d = addDays(d, 1)) if (weekdayOf(d) <= 5) out.push(d);
  return out;
}

async function seedSchool(): Promise<number> {
  const demo = await getDepartmentAndSchoolItems(DEPARTMENT_ID, DEMO_SCHOOL_ID);
  const year = (await getYear(DEMO_SCHOOL_ID, DEMO_YEAR_ID))!;
  const subjects = Array.from({ length: SUBJECTS }, (_, j) => ({ subjectId: `bcl${pad(j)}`, name: `Предмет ${j + 1}`, shortName: `П${j + 1}` }));
  const days = schoolDays(LESSONS);
  const items: Item[] = [
    { ...demo.school, ...keys.school(DEPARTMENT_ID, SCH), schoolId: SCH, name: 'Школа закрытия периода (замер)', shortName: 'Замер' },
    { ...keys.year(SCH, DEMO_YEAR_ID), type: 'academicYear', ...year, schoolId: SCH },
    ...subjects.map((s) => subjectItem({ ...s, schoolId: SCH, splittable: false, version: 1 })),
  ];
  for (let c = 0; c < CLASSES; c++) {
    const grade = 2 + (c % 8);
    const classId = `b${grade}${pad(c)}`;
    const letter = LETTERS[Math.floor(c / 8)]!;
    const teacherId = `bcl-teacher-${pad(c)}`;
    const students = Array.from({ length: PUPILS }, (_, i) => ({ studentId: `bcl-${pad(c)}-${pad(i)}`, lastName: `Ученик${pad(i)}`, firstName: `Класса${pad(c)}` }));
    items.push({ ...keys.class(SCH, classId), type: 'class', classId, schoolId: SCH, grade, letter, yearId: DEMO_YEAR_ID, classTeacherName: 'Классный Руководитель' });
    for (const s of students) {
      items.push({ ...keys.studentCard(SCH, s.studentId), ...keys.studentsOfClass(SCH, classId, sortName(s.lastName, s.firstName), s.studentId), type: 'studentCard', ...s, schoolId: SCH, classId, birthDate: '2015-03-01', parentIds: [] });
    }
    const place = { schoolId: SCH, classId, periodId: PERIOD };
    for (const [j, s] of subjects.entries()) {
      items.push(...loadLineItems({ schoolId: SCH, yearId: DEMO_YEAR_ID, classId, subjectId: s.subjectId, hoursPerWeek: 2, teacherId, version: 1 }));
      items.push(
        rosterItem(place, {
          subjectId: s.subjectId, subjectName: s.name, classId, className: `${grade}${letter}`, grade, periodId: PERIOD, line: { teacherId }, groups: [],
          students: students.map((x) => ({ studentId: x.studentId, name: `${x.lastName} ${x.firstName}` })), version: 1, builtAt: SET_AT,
        }),
      );
      const bodies: Array<Omit<ChangeBody, 'partition' | 'subjectId'>> = [];
      for (const [k, date] of days.entries()) {
        const lessonNo = 1 + ((j + k) % 6);
        const topic = `Тема ${k + 1}`;
        items.push({ ...lessonItem(SCH, DEMO_YEAR_ID, { classId, periodId: PERIOD, subjectId: s.subjectId, groupId: 'all', date, lessonNo, teacherId, status: 'planned' }, SET_AT), topic, version: 1, journalData: true });
        bodies.push({ at: `${date}T08:00:00.000Z`, actorId: teacherId, actorName: 'Учитель', action: 'create', entity: 'lesson', target: { lessonId: lessonIdOf({ date, lessonNo, groupId: 'all' }) }, old: {}, new: { topic } });
      }
      for (const [i, st] of students.entries()) {
        const code = String(3 + (i % 3)) as '3' | '4' | '5';
        const slot = { schoolId: SCH, classId, yearId: DEMO_YEAR_ID, kind: 'period' as const, periodId: PERIOD, subjectId: s.subjectId, studentId: st.studentId };
        items.push(finalMarkItem(slot, { kind: 'period', classId, periodId: PERIOD, yearId: DEMO_YEAR_ID, subjectId: s.subjectId, studentId: st.studentId, code, setBy: teacherId, setByName: 'Учитель', setAt: SET_AT, firstSetAt: SET_AT, late: false, version: 1 }));
        bodies.push({ at: SET_AT, actorId: teacherId, actorName: 'Учитель', action: 'create', entity: 'finalMark', target: { lessonId: PERIOD, studentId: st.studentId }, old: null, new: logValue.finalMark({ code }) });
      }
      const records = chainRun(bodies.map((b) => ({ ...b, partition: keys.journalPartition(SCH, classId, PERIOD), subjectId: s.subjectId })), null);
      items.push(...records.map((r) => changeRecordItem({ ...place, subjectId: s.subjectId }, r)), changeHeadItem({ ...place, subjectId: s.subjectId }, records.at(-1)!));
    }
  }
  await batchWriteAll(items);
  return items.length;
}

export async function benchClose(figures: Figures): Promise<void> {
  const seededStart = performance.now();
  const items = await seedSchool();
  const seedMs = performance.now() - seededStart;
  const school = (await getSchool(DEPARTMENT_ID, SCH))!;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await closePeriod(school, PERIOD, CLOSE_AT);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  if (!result.done || result.classes !== CLASSES) throw new Error(`bench/close: the close did not finish: ${JSON.stringify(result)}`);
  const stored = CLASSES * 3 + 1;
  figures.set('close.school_s', ms / 1000, 's', `${CLASSES} classes x ${PUPILS} pupils x ${SUBJECTS} subjects: locked, findings, ${stored} documents archived (seeded ${items} items in ${(seedMs / 1000).toFixed(1)} s)`);
  figures.set('close.class_ms', ms / CLASSES, 'ms', 'the close of one class, wall time over the 60');
  // The machine is shared: the close's own CPU (this process: rendering, marshalling; DynamoDB Local not counted) compares runs better than its wall time.
  figures.set('close.cpu_s', (cpu.user + cpu.system) / 1e6, 's', `the close's CPU time in this process (user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s)`);
  // The floor under the close on this stack: each class's partition read once (the check against
  // the log must read it all), 8 at a time, nothing else.
  const classIds = [...new Set((await readCloses(SCH, PERIOD)).classes.map((c) => c.classId))];
  const readStart = performance.now();
  let read = 0;
  for (let i = 0; i < classIds.length; i += 8) {
    const parts = await Promise.all(classIds.slice(i, i + 8).map((c) => readJournalPartition(SCH, c, PERIOD)));
    read += parts.reduce((n, p) => n + p.records.length + p.lessons.length + p.periodMarks.length + p.rosters.length + p.heads.length, 0);
  }
  figures.set('close.partitions_read_s', (performance.now() - readStart) / 1000, 's', `only reading the ${classIds.length} classes' partitions once (${read} items), DynamoDB Local`);
}

if (isMain(import.meta.url)) await runAlone((figures) => benchClose(figures));

/**
 * Paper progress reports (issue 12 item 4, R-52): a class of 30 pupils whose parents all applied
 * in writing, 15 subjects, the second quarter's journal (six lessons a school day, Monday to Saturday,
 * each with its topic and homework, a mark in about a third of them and a few absences), and its
 * fortnight 23.11-06.12 rendered.
 *
 * - paper.class.pdf_ms: the class's report as the job makes it, median of 5: the pupils' fortnight
 *   read where it takes fewer requests (for 30 pupils the class's period partition, filtered to the
 *   fortnight) and the 30-page PDF rendered; the note gives the rendering alone and the time from
 *   the diary index (one Query per pupil) instead.
 * - paper.class.ddb_requests: DynamoDB requests of that read (the note: the diary index's).
 *
 * `npx tsx bench/paper.ts` runs this module alone on its own in-memory stack and merges its figures
 * into bench/results.json; `npm run bench` runs it with the others (bench/run.ts).
 */
import { batchWriteAll } from '../infra/local/seed';
import { keys, sortName } from '../shared/db/keys';
import { DEMO_SCHOOL_ID, DEMO_YEAR_ID } from '../shared/demo/index';
import { addDays, weekdayOf } from '../shared/domain/calendar';
import { fortnightByNumber, pupilSummary, type PaperApplication } from '../shared/domain/paper-reports';
import { periodsForGrade } from '../shared/domain/year';
import { WORK_TYPES } from '../shared/domain/work-types';
import { subjectItem } from '../shared/repos/curriculum';
import { attendanceItem, markItem } from '../shared/repos/journal';
import { lessonItem } from '../shared/repos/lessons';
import type { StudentRecord } from '../shared/repos/people';
import { readDiaryDays } from '../shared/repos/paper-reports';
import { getClass, getSchool } from '../shared/repos/school';
import { getYear } from '../shared/repos/year';
import { renderPaperReport } from '../shared/reports/paper-report';
import { renderClassReport, type ClassReportPupil } from '../shared/services/paper-reports';
import { isMain, runAlone } from './alone';
import { Figures, percentile } from './figures';

const SCH = DEMO_SCHOOL_ID;
const CLASS = 'benchpaper';
const PERIOD = '2026-q2';
const PUPILS = 30;
const SUBJECTS = 15;
const LESSONS_A_DAY = 6;
const RUNS = 5;
/** The whole second quarter of the demo year (05.11-29.12.2026): what its partition holds when the report is made. */
const FIRST_DAY = '2026-11-05';
const DAYS = 55;

const pad = (i: number) => String(i + 1).padStart(2, '0');

async function buildClass(): Promise<{ pupils: ClassReportPupil[]; items: number }> {
  const students: StudentRecord[] = Array.from({ length: PUPILS }, (_, i) => ({
    studentId: `bpap-${pad(i)}`, schoolId: SCH, classId: CLASS, lastName: `Ученикова${pad(i)}`, firstName: 'Екатерина', middleName: 'Сергеевна', birthDate: '2015-03-01', parentIds: [],
  }));
  const subjects = Array.from({ length: SUBJECTS }, (_, j) => ({ subjectId: `bpap${pad(j)}`, name: `Предмет ${j + 1} (бумажный отчёт)` }));
  const items: Array<Record<string, unknown>> = [
    { ...keys.class(SCH, CLASS), type: 'class', classId: CLASS, schoolId: SCH, grade: 6, letter: 'Б', yearId: DEMO_YEAR_ID, classTeacherName: 'Классная Руководительница' },
    ...students.map((s) => ({ ...keys.studentCard(SCH, s.studentId), ...keys.studentsOfClass(SCH, CLASS, sortName(s.lastName, s.firstName), s.studentId), type: 'studentCard', ...s })),
    ...subjects.map((s) => subjectItem({ ...s, schoolId: SCH, shortName: s.name.slice(0, 4), splittable: false, version: 1 })),
  ];
  const types = WORK_TYPES.slice(0, 8);
  for (let d = 0; d < DAYS; d++) {
    const date = addDays(FIRST_DAY, d);
    if (weekdayOf(date) === 7) continue;
    for (let n = 1; n <= LESSONS_A_DAY; n++) {
      const subjectId = subjects[(d * LESSONS_A_DAY + n) % SUBJECTS]!.subjectId;
      const place = { schoolId: SCH, classId: CLASS, periodId: PERIOD, subjectId };
      items.push({
        ...lessonItem(SCH, DEMO_YEAR_ID, { classId: CLASS, periodId: PERIOD, subjectId, groupId: 'all', date, lessonNo: n, teacherId: 'bench', status: 'planned' }, '2026-08-31T09:00:00.000Z'),
        topic: `Тема урока ${d + 1}.${n}: повторение и закрепление пройденного материала`,
        homework: `Параграф ${d + n}, упражнения ${d * 3 + 1}–${d * 3 + 4}, выучить определения`,
      });
      students.forEach((st, si) => {
        const seed = d * 31 + n * 7 + si * 3;
        if (seed % 17 === 0) {
          items.push(attendanceItem(place, { date, lessonNo: n, groupId: 'all', studentId: st.studentId, kind: 'absent', ...(seed % 2 ? { reason: 'illness' as const } : {}), version: 1, setBy: 'bench', setAt: `${date}T10:00:00.000Z` }));
        } else if (seed % 3 === 0) {
          const wt = types[seed % types.length]!;
          items.push(markItem(place, { date, lessonNo: n, groupId: 'all', studentId: st.studentId, workType: wt.id, value: 2 + (seed % 4), weight: wt.defaultWeight, version: 1, setBy: 'bench', setAt: `${date}T10:00:00.000Z` }));
        }
      });
    }
  }
  await batchWriteAll(items);
  const application = (s: StudentRecord): PaperApplication => ({
    applicationId: `2026-11-01-${s.studentId}`, schoolId: SCH, classId: CLASS, studentId: s.studentId, studentName: s.lastName, date: '2026-11-01', number: s.studentId, parentName: `${s.lastName} Родитель`, fromDate: '2026-11-01',
    recordedById: 'bench', recordedByName: 'bench', recordedAt: '2026-11-01T09:00:00.000Z', version: 1,
  });
  return { pupils: students.map((student) => ({ student, application: application(student) })), items: items.length };
}

export async function benchPaper(figures: Figures): Promise<void> {
  const { pupils, items } = await buildClass();
  const [school, cls] = await Promise.all([getSchool('krd', SCH), getClass(SCH, CLASS)]);
  if (!school || !cls) throw new Error('bench/paper: the demo school or the bench class is missing');
  const year = await getYear(SCH, DEMO_YEAR_ID);
  if (!year) throw new Error('bench/paper: the demo year is missing');
  // The demo year's fortnight 7: 23.11-06.12.2026, inside the second quarter.
  const f = fortnightByNumber(year, 7)!;
  const names = new Map(Array.from({ length: SUBJECTS }, (_, j) => [`bpap${pad(j)}`, `Предмет ${j + 1} (бумажный отчёт)`]));
  const ctx = { subjectNames: names, periods: periodsForGrade(year, cls.grade), generatedOn: '2026-12-07' };
  /** Median ms and requests per report, read as the job chooses (`periods`) or from the diary index (none). */
  const measure = async (periods: typeof ctx.periods) => {
    await renderClassReport(school, cls, f, pupils, { ...ctx, periods }); // warm: fonts, pdfmake
    const times: number[] = [];
    const pages = { count: 0 };
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      bytes = (await renderClassReport(school, cls, f, pupils, { ...ctx, periods }, pages)).length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { ms: percentile(times, 50), requests: pages.count / RUNS, bytes };
  };
  const chosen = await measure(ctx.periods);
  const index = await measure([]);
  // The rendering alone, from summaries read once.
  const diaries = await Promise.all(pupils.map((p) => readDiaryDays(SCH, p.student.studentId, f.from, f.to)));
  const entries = diaries.reduce((n, d) => n + d.marks.length + d.attendance.length, 0);
  const input = { schoolName: school.name, className: '6Б', from: f.from, to: f.to, generatedOn: '2026-12-07', pages: pupils.map((p, i) => ({ pupilName: p.student.lastName, parentName: p.application.parentName, summary: pupilSummary(diaries[i]!.marks, diaries[i]!.attendance, names) })) };
  const renders: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await renderPaperReport(input);
    renders.push(performance.now() - t);
  }
  renders.sort((a, b) => a - b);
  figures.set(
    'paper.class.pdf_ms',
    chosen.ms,
    'ms',
    `median of ${RUNS}: ${PUPILS} pupils' fortnights read (the class's period partition, as the job chooses for so many) and a ${PUPILS}-page PDF (${Math.round(chosen.bytes / 1024)} KB) rendered; rendering alone ${percentile(renders, 50).toFixed(0)} ms; from the diary index instead ${index.ms.toFixed(0)} ms; ${entries} entries in the fortnight among ${items.toLocaleString('en')} items written`,
  );
  figures.set('paper.class.ddb_requests', chosen.requests, 'requests', `the class x period partition, filtered to the fortnight (Query pages); the diary index would take ${index.requests} (one Query per pupil)`);
}

if (isMain(import.meta.url)) await runAlone((figures) => benchPaper(figures));

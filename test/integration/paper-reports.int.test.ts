/**
 * Paper progress reports over HTTP against DynamoDB Local and the local S3 server (issue 12 item 4,
 * clause 3.13, R-52): applications recorded by the secretary and the class teacher; the job renders
 * the fortnight's class PDF (read with pdftotext: the pupil's name, subjects and marks in Cyrillic),
 * and run twice for the same fortnight leaves one report, not two; the hand-over is recorded once,
 * on the report's version; an unhandled report is overdue after 3 working days; only the class's
 * class teacher, the secretary and the administration reach any of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as paperReportsJob } from '../../functions/jobs/render-paper-reports';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { queryPrefix } from '../../shared/db/query';
import { buildDemoModel } from '../../shared/demo/index';
import { subjectItem } from '../../shared/repos/curriculum';
import { attendanceItem, markItem } from '../../shared/repos/journal';
import { readClassDays, readDiaryDays } from '../../shared/repos/paper-reports';
import { listStudentsOfClass, type StudentCard } from '../../shared/repos/school';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';

const SCH = 'sch53';
const CLASS = `/api/schools/${SCH}/classes/5a`;
const F7 = '2026-f07'; // 23.11-06.12.2026
/** Moscow 09:00 of a school day. */
const msk = (date: string) => new Date(`${date}T06:00:00Z`);

let api: ApiServer;
const { standAt, as } = clockedClients(() => api.url);
let fiveA: StudentCard[];
let pupil: StudentCard;
let second: StudentCard;
let teacherId: string;

const fullName = (s: StudentCard) => [s.lastName, s.firstName, s.middleName].filter(Boolean).join(' ');

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(msk('2026-11-20'));
  const model = buildDemoModel({ now: msk('2026-11-20') });
  teacherId = model.staff.find((s) => s.fixed === 'teacher')!.userId;
  fiveA = await listStudentsOfClass(SCH, '5a');
  [pupil, second] = [fiveA[0]!, fiveA[1]!];
  const place = (subjectId: string) => ({ schoolId: SCH, classId: '5a', periodId: '2026-q2', subjectId });
  const mark = (subjectId: string, date: string, lessonNo: number, workType: 'lessonAnswer' | 'test' | 'dictation', value: number, weight: number, studentId = pupil.studentId) =>
    markItem(place(subjectId), { date, lessonNo, groupId: 'all', studentId, workType, value, weight, version: 1, setBy: teacherId, setAt: `${date}T08:00:00.000Z` });
  await batchWriteAll([
    subjectItem({ subjectId: 'math', schoolId: SCH, name: 'Математика', shortName: 'Мат.', splittable: false, version: 1 }),
    subjectItem({ subjectId: 'russian', schoolId: SCH, name: 'Русский язык', shortName: 'Рус.', splittable: false, version: 1 }),
    mark('math', '2026-11-23', 2, 'lessonAnswer', 5, 1),
    mark('math', '2026-11-26', 2, 'test', 4, 3),
    mark('russian', '2026-11-24', 1, 'dictation', 3, 2),
    // Outside the fortnight: on neither side may it reach the report.
    mark('math', '2026-11-20', 2, 'lessonAnswer', 2, 1),
    mark('math', '2026-12-07', 2, 'lessonAnswer', 2, 1),
    attendanceItem(place('russian'), { date: '2026-11-27', lessonNo: 1, groupId: 'all', studentId: pupil.studentId, kind: 'absent', reason: 'illness', version: 1, setBy: teacherId, setAt: '2026-11-27T08:00:00.000Z' }),
    mark('math', '2026-11-23', 2, 'lessonAnswer', 4, 1, second.studentId),
  ]);
  api = await startApi();
  standAt(msk('2026-11-20'));
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

const application = (s: StudentCard, number: string, extra: Record<string, unknown> = {}) => ({
  studentId: s.studentId,
  date: '2026-11-20',
  number,
  parentName: 'Иванова Мария Петровна',
  fromDate: '2026-11-20',
  ...extra,
});

describe('applications', () => {
  it('should be recorded by the secretary and by the class teacher, audited, and listed for the class and the school', async () => {
    const secretary = await as('secretary');
    const first = await secretary.post(`${CLASS}/paper-applications`, application(pupil, '15/вх'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.application).toMatchObject({ studentName: fullName(pupil), number: '15/вх', classId: '5a', version: 1 });
    const byTeacher = await (await as('classteacher')).post(`${CLASS}/paper-applications`, application(second, '16', { parentName: 'Петров Пётр Петрович' }));
    expect(byTeacher.status, JSON.stringify(byTeacher.body)).toBe(201);

    const list = await (await as('classteacher')).get(`${CLASS}/paper-reports`);
    expect(list.status).toBe(200);
    expect(list.body.applications.map((a: { studentId: string }) => a.studentId).sort()).toEqual([pupil.studentId, second.studentId].sort());
    expect((await secretary.get(`/api/schools/${SCH}/paper-applications`)).body.applications).toHaveLength(2);
    const audit = await queryPrefix(keys.auditPartition(SCH, '2026-11'), '2026-11-20');
    expect(audit.filter((a) => a.action === 'paperApplication.record')).toHaveLength(2);
  });

  it('should refuse the same date and number twice (409), and bad input with a Russian 400 that changes nothing', async () => {
    const secretary = await as('secretary');
    const again = await secretary.post(`${CLASS}/paper-applications`, application(pupil, '№ 15/ВХ'));
    expect(again.status).toBe(409);
    const future = await secretary.post(`${CLASS}/paper-applications`, application(pupil, '99', { date: '2026-11-21', fromDate: '2026-11-21' }));
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/ещё не наступила/);
    const empty = await secretary.post(`${CLASS}/paper-applications`, application(pupil, '  '));
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/номер заявления/i);
    const otherClass = (await listStudentsOfClass(SCH, '6a'))[0]!;
    const wrong = await secretary.post(`${CLASS}/paper-applications`, application(otherClass, '98'));
    expect(wrong.status).toBe(400);
    expect((await secretary.get(`/api/schools/${SCH}/paper-applications`)).body.applications).toHaveLength(2);
  });

  it('should let only the secretary and the class teacher of the class record one', async () => {
    for (const login of ['teacher', 'parent', 'student', 'director']) {
      const res = await (await as(login)).post(`${CLASS}/paper-applications`, application(pupil, `x-${login}`));
      expect(res.status, login).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(pupil.lastName);
    }
    const otherClass = await (await as('classteacher')).post(`/api/schools/${SCH}/classes/6a/paper-applications`, application(pupil, '97'));
    expect(otherClass.status).toBe(403);
  });
});

describe('the fortnightly job', () => {
  it('should render the fortnight once: a second run for the same fortnight makes no second report', async () => {
    // Monday 07.12, 09:00 in Moscow: fortnight 7 (23.11-06.12) has ended.
    const first = await paperReportsJob('krd', msk('2026-12-07'));
    expect(first).toMatchObject({ job: 'render-paper-reports', checked: 1, changed: 1 });
    const second = await paperReportsJob('krd', msk('2026-12-07'));
    expect(second.changed).toBe(0);
    // A week later the last ended fortnight is still the same one.
    expect((await paperReportsJob('krd', msk('2026-12-14'))).changed).toBe(0);
    const stored = await queryPrefix(keys.paperReportsPartition(SCH, '2026'), keys.paperReportsPrefix());
    expect(stored.map((r) => r.fortnightId)).toEqual([F7]);
  });

  it("should render one page per applicant with the pupil's name, subjects, marks with work types, averages and absences in Cyrillic", async () => {
    standAt(msk('2026-12-07'));
    const res = await (await as('classteacher')).get(`${CLASS}/paper-reports/${F7}/pdf`);
    expect(res.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'paper-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, Buffer.from(res.body.pdf.base64, 'base64'));
    const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(pages).toMatch(/Pages:\s+2/);
    const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const page1 = text.replace(/\s+/g, ' ');
    // Pupils in name order: the first page is whichever of the two sorts first.
    const [firstPupil] = [pupil, second].sort((a, b) => fullName(a).localeCompare(fullName(b), 'ru'));
    expect(page1).toContain(fullName(firstPupil!));
    expect(page1).toContain('23.11.2026 – 06.12.2026');
    expect(page1).toContain('Математика');
    const all = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(all).toContain(fullName(pupil));
    expect(all).toContain(fullName(second));
    expect(all).toContain('Русский язык');
    expect(all).toContain('5 (ответ на уроке, 23.11), 4 (контрольная работа, 26.11)');
    expect(all).toContain('3 (диктант, 24.11)');
    // (5*1 + 4*3) / 4, with a comma: the weighted average, not the plain 4,50.
    expect(all).toContain('4,25');
    expect(all).toContain('Пропущено уроков: 1');
    expect(all).toContain('по болезни');
    expect(all).not.toContain('20.11)');
    expect(all).not.toContain('07.12)');
  });
});

describe('where the fortnight is read from', () => {
  it('should read the same entries from the class partition as from the diary index, the removed ones left out', async () => {
    const ids = [pupil.studentId, second.studentId];
    const fromIndex = await Promise.all(ids.map((id) => readDiaryDays(SCH, id, '2026-11-23', '2026-12-06')));
    const pages = { count: 0 };
    const fromClass = await readClassDays(SCH, '5a', ['2026-q2'], ids, '2026-11-23', '2026-12-06', pages);
    const sorted = (d: { marks: object[]; attendance: object[] }) => ({ marks: d.marks.map((m) => JSON.stringify(m)).sort(), attendance: d.attendance.map((a) => JSON.stringify(a)).sort() });
    ids.forEach((id, i) => expect(sorted(fromClass.get(id)!)).toEqual(sorted(fromIndex[i]!)));
    expect(fromIndex[0]!.marks).toHaveLength(3);
    expect(fromIndex[0]!.attendance).toHaveLength(1);
    expect(pages.count).toBe(1);
  });
});

describe('handing over', () => {
  it('should record the hand-over once, on the version read, with who and when', async () => {
    standAt(msk('2026-12-08'));
    const teacher = await as('classteacher');
    const view = (await teacher.get(`${CLASS}/paper-reports`)).body;
    const report = view.reports[0];
    expect(report).toMatchObject({ fortnightId: F7, generatedOn: '2026-12-07', deadline: '2026-12-10', overdue: 0, version: 1 });
    const url = `${CLASS}/paper-reports/${F7}/students/${pupil.studentId}/hand-over`;
    const ok = await teacher.post(url, { date: '2026-12-08', version: 1 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const handed = ok.body.report.pupils.find((p: { studentId: string }) => p.studentId === pupil.studentId);
    expect(handed.handedOver).toMatchObject({ date: '2026-12-08', byName: expect.stringMatching(/\S/) });
    expect((await teacher.post(url, { date: '2026-12-08', version: 1 })).status).toBe(409);
    const twice = await teacher.post(url, { date: '2026-12-08', version: 2 });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toMatch(/уже отмечен/);
    const future = await teacher.post(`${CLASS}/paper-reports/${F7}/students/${second.studentId}/hand-over`, { date: '2026-12-09', version: 2 });
    expect(future.status).toBe(400);
    const audit = await queryPrefix(keys.auditPartition(SCH, '2026-12'), '2026-12-08');
    expect(audit.filter((a) => a.action === 'paperReport.handOver')).toHaveLength(1);
  });

  it('should flag the report not handed over after 3 working days, for the class teacher and the administration', async () => {
    standAt(msk('2026-12-10'));
    expect((await (await as('classteacher')).get(`/api/schools/${SCH}/paper-reports/overdue`)).body.total).toBe(0);
    standAt(msk('2026-12-11'));
    const overdue = await (await as('classteacher')).get(`/api/schools/${SCH}/paper-reports/overdue`);
    expect(overdue.body).toEqual({ total: 1, classes: [{ classId: '5a', className: '5А', overdue: 1 }] });
    expect((await (await as('director')).get(`/api/schools/${SCH}/paper-reports/overdue`)).body.total).toBe(1);
    const view = (await (await as('classteacher')).get(`${CLASS}/paper-reports`)).body;
    expect(view.reports[0].pupils.find((p: { studentId: string }) => p.studentId === second.studentId).overdue).toBe(true);
  });
});

describe('who reaches the reports', () => {
  it('should show a class report to its class teacher, the secretary and the administration only', async () => {
    standAt(msk('2026-12-11'));
    for (const login of ['classteacher', 'secretary', 'director', 'deputy']) {
      expect((await (await as(login)).get(`${CLASS}/paper-reports`)).status, login).toBe(200);
      expect((await (await as(login)).get(`${CLASS}/paper-reports/${F7}/pdf`)).status, login).toBe(200);
    }
    for (const login of ['parent', 'student', 'teacher', 'admin', 'uo']) {
      for (const path of [`${CLASS}/paper-reports`, `${CLASS}/paper-reports/${F7}/pdf`, `/api/schools/${SCH}/paper-applications`]) {
        const res = await (await as(login)).get(path);
        expect(res.status, `${login} ${path}`).toBeGreaterThanOrEqual(403);
        expect(res.status, `${login} ${path}`).toBeLessThanOrEqual(404);
        expect(JSON.stringify(res.body), `${login} ${path}`).not.toContain(pupil.lastName);
      }
    }
    // The class teacher of 5А does not reach another class's reports.
    expect((await (await as('classteacher')).get(`/api/schools/${SCH}/classes/6a/paper-reports`)).status).toBe(403);
    const parentHandOver = await (await as('parent')).post(`${CLASS}/paper-reports/${F7}/students/${second.studentId}/hand-over`, { date: '2026-12-11', version: 2 });
    expect(parentHandOver.status).toBe(403);
  });

  it('should answer a malformed or unknown fortnight with a Russian 400 or 404', async () => {
    const teacher = await as('classteacher');
    const bad = await teacher.get(`${CLASS}/paper-reports/2026-7/pdf`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/2026-f07/);
    expect((await teacher.get(`${CLASS}/paper-reports/2026-f30/pdf`)).status).toBe(404);
  });
});

describe('withdrawing an application', () => {
  it('should end the reports on a second written application, recorded once, on the version read', async () => {
    standAt(msk('2026-12-11'));
    const secretary = await as('secretary');
    const app = (await secretary.get(`${CLASS}/paper-reports`)).body.applications.find((a: { studentId: string }) => a.studentId === second.studentId);
    const url = `${CLASS}/paper-applications/${app.applicationId}/withdrawal`;
    expect((await (await as('teacher')).post(url, { date: '2026-12-11', number: '50', version: app.version })).status).toBe(403);
    const early = await secretary.post(url, { date: '2026-11-19', number: '50', version: app.version });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/раньше самого заявления/);
    const ok = await secretary.post(url, { date: '2026-12-11', number: '50', version: app.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.application.withdrawal).toMatchObject({ date: '2026-12-11', number: '50' });
    expect((await secretary.post(url, { date: '2026-12-11', number: '51', version: app.version })).status).toBe(409);
    const twice = await secretary.post(url, { date: '2026-12-11', number: '51', version: app.version + 1 });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toMatch(/уже отозвано 11\.12\.2026/);

    // The next fortnight (07.12-20.12) ends after the withdrawal: only the other pupil's page. Two
    // runs at once both find no report and render; the conditional create lets one record in.
    const runs = await Promise.all([paperReportsJob('krd', msk('2026-12-21')), paperReportsJob('krd', msk('2026-12-21'))]);
    expect(runs.map((r) => r.changed).sort()).toEqual([0, 1]);
    standAt(msk('2026-12-21'));
    const reports = (await (await as('classteacher')).get(`${CLASS}/paper-reports`)).body.reports;
    expect(reports.map((r: { fortnightId: string }) => r.fortnightId)).toEqual(['2026-f08', F7]);
    expect(reports[0].pupils.map((p: { studentId: string }) => p.studentId)).toEqual([pupil.studentId]);
  });
});

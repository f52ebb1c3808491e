/**
 * The period close (R-40; issue 14 items 1-2) against DynamoDB Local and the local S3 server: a run
 * stopped after two classes, and one that dies after locking a class (before its documents), are
 * finished by the next; a third run stores nothing more (one set of
 * documents and one manifest); the close's lock refuses a late mark, attendance entry and period
 * mark with 423 naming the close, while a correction's entry still goes through; the stored summary
 * sheet (pdftotext) carries the change table and the request; the manifest's checksums are the
 * stored bodies'; the deputy's progress route shows each class with its findings.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as closeJob } from '../../functions/jobs/close-period';
import { batchWriteAll } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { buildDemoModel } from '../../shared/demo/index';
import { verifyChain } from '../../shared/domain/journal-log';
import { readChangeLog } from '../../shared/repos/change-log';
import { lessonItem } from '../../shared/repos/lessons';
import { readCloses } from '../../shared/repos/period-close';
import { getSchool } from '../../shared/repos/school';
import { listArchive, readArchivedDocument } from '../../shared/services/archive';
import { checkJournalIntegrity } from '../../shared/services/journal-integrity';
import { closePeriod } from '../../shared/services/period-close';
import { base, journalApi, MATH, mskNoon, Q2, SCH, YEAR } from './journal-fixture';

const LESSON_DAY = mskNoon('2026-11-16');
/** 2 четверть ends 29.12.2026: its close is due from 30.12, Moscow time. */
const CLOSE_NOW = new Date('2026-12-29T21:20:00Z');
const M5 = base('5a', Q2, MATH);
const REGISTER = `/api/schools/${SCH}/years/${YEAR}/corrections`;
const CLOSES = `/api/schools/${SCH}/period-closes`;
const rid = () => `c-${Math.random().toString(36).slice(2, 12)}`;

const { standAt, as, fixture } = journalApi(LESSON_DAY);

async function correct(cells: Array<Record<string, unknown>>, docDate: string) {
  const filed = await (await as('classteacher')).send('POST', `/api/schools/${SCH}/classes/5a/corrections`, {
    periodId: Q2,
    reason: 'retake',
    document: { kind: 'Протокол пересдачи', number: '7', date: docDate },
    explanation: 'Пересдача после болезни.',
    cells,
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const num = filed.body.correction.number as number;
  const approved = await (await as('director')).send('POST', `${REGISTER}/${num}/decision`, { decision: 'approve', version: 1 });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return (await as('deputy')).send('POST', `${REGISTER}/${num}/entry`, { cells, version: 2, requestId: rid() });
}

const pdfText = (body: Uint8Array) => {
  const dir = mkdtempSync(join(tmpdir(), 'close-'));
  writeFileSync(join(dir, 'a.pdf'), body);
  return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
};

describe('the period close', () => {
  let classes = 0;

  it('should set the scene: a mark, a correction entered before the close, a lesson of the last days', async () => {
    const fx = fixture();
    const [a] = [fx.fiveA[0]!.studentId];
    // A lesson two days before the period's end: the 10-day lock leaves it open at the close.
    await batchWriteAll([lessonItem(SCH, YEAR, { classId: '5a', periodId: Q2, subjectId: MATH, groupId: 'all', date: '2026-12-28', lessonNo: 8, teacherId: fx.teacherId, status: 'planned' }, '2026-08-31T09:00:00.000Z')]);
    standAt(LESSON_DAY);
    expect((await (await as('teacher')).send('PUT', `${M5}/marks`, { lessonId: '2026-11-16.8.all', studentId: a, workType: 'lessonAnswer', value: 3, version: 0, requestId: rid() })).status).toBe(200);
    standAt(mskNoon('2026-11-30'));
    const deputyId = buildDemoModel({ now: LESSON_DAY }).staff.find((s) => s.fixed === 'deputy')!.userId;
    const settings = await (await as('director')).get(`/api/schools/${SCH}/settings`);
    expect((await (await as('director')).send('PUT', `/api/schools/${SCH}/settings/corrections`, { version: settings.body.version, correctionEntryWindowDays: 3, journalControlDeputyIds: [deputyId] })).status).toBe(200);
    const entered = await correct([{ kind: 'mark', subjectId: MATH, date: '2026-11-16', lessonNo: 8, groupId: 'all', studentId: a, workType: 'lessonAnswer', from: '3', to: '5' }], '2026-11-27');
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
  });

  it('should refuse to close a period that has not ended yet', async () => {
    const school = (await getSchool('krd', SCH))!;
    await expect(closePeriod(school, Q2, new Date('2026-12-29T20:59:00Z'))).rejects.toThrow('не раньше 30.12.2026');
  });

  it('should stop after two classes as a killed run would, and finish the rest on the next run', async () => {
    const school = (await getSchool('krd', SCH))!;
    const first = await closePeriod(school, Q2, CLOSE_NOW, { stopAfterClasses: 2 });
    expect(first).toMatchObject({ closedNow: 2, done: false });
    classes = first.classes;
    expect(classes).toBeGreaterThan(5);
    const half = await readCloses(SCH, Q2);
    expect(half.classes.filter((c) => c.state === 'done')).toHaveLength(2);
    expect(half.runs[0]).toMatchObject({ state: 'running', closedOn: '2026-12-30' });
    // A run that dies after locking 5А, before its documents: 5А stays locked, with nothing stored.
    await expect(closePeriod(school, Q2, CLOSE_NOW, { concurrency: 1, dieAfterLockOf: '5a', stopAfterClasses: 40 })).rejects.toThrow('after locking 5a');
    expect((await readCloses(SCH, Q2)).classes.find((c) => c.classId === '5a')).toMatchObject({ state: 'locked' });
    expect((await listArchive(SCH, YEAR, { periodId: Q2, classId: '5a' })).length).toBe(0);

    const second = await closeJob('krd', CLOSE_NOW, { schoolId: SCH, periodId: Q2 });
    expect(second).toMatchObject({ job: 'close-period', checked: classes, done: true });
    expect(second.changed).toBeGreaterThan(0);
    const all = await readCloses(SCH, Q2);
    expect(all.classes.every((c) => c.state === 'done')).toBe(true);
    expect(all.runs[0]).toMatchObject({ state: 'done' });
  });

  it('should store one set when run again: nothing changes, nothing is stored twice', async () => {
    const before = await listArchive(SCH, YEAR, { periodId: Q2 });
    expect(before).toHaveLength(classes * 3 + 1);
    const again = await closeJob('krd', new Date('2026-12-31T06:00:00Z'), { schoolId: SCH, periodId: Q2 });
    expect(again).toMatchObject({ changed: 0, done: true });
    // The scheduled run over the department leaves 2 четверть as it is, and makes up the closes
    // missed before: 1 четверть and 1 полугодие (grades 10-11) had ended too.
    await closeJob('krd', new Date('2026-12-31T06:00:00Z'));
    const closes = await readCloses(SCH);
    expect(closes.runs.map((r) => `${r.periodId}:${r.state}`).sort()).toEqual(['2026-h1:done', '2026-q1:done', '2026-q2:done']);
    const after = await listArchive(SCH, YEAR, { periodId: Q2 });
    expect(after.map((d) => `${d.docId}:${d.sha256}`).sort()).toEqual(before.map((d) => `${d.docId}:${d.sha256}`).sort());
    const kinds = after.filter((d) => d.classId === '5a').map((d) => `${d.kind}:${d.retention}`).sort();
    expect(kinds).toEqual(['movement:journals', 'summary-attendance:journals', 'summary-marks:summarySheets']);
  });

  it('should keep the chain whole with the close as its last link, and the journal agreeing with its log', async () => {
    const log = await readChangeLog(SCH, '5a', Q2, MATH);
    const last = log.records.sort((a, b) => a.seq - b.seq).at(-1)!;
    expect(last).toMatchObject({ entity: 'period', action: 'close', target: { lessonId: Q2 }, new: { closedOn: '2026-12-30' } });
    expect(verifyChain(keys.journalPartition(SCH, '5a', Q2), log.records, log.heads).ok).toBe(true);
    expect((await checkJournalIntegrity(SCH, '5a', Q2, CLOSE_NOW)).ok).toBe(true);
  });

  it('should refuse a late mark, attendance entry and period mark with 423 naming the close, and still let a correction in', async () => {
    const fx = fixture();
    const [, b, c] = fx.fiveA.map((s) => s.studentId);
    standAt(CLOSE_NOW);
    const teacher = await as('teacher');
    const mark = await teacher.send('PUT', `${M5}/marks`, { lessonId: '2026-12-28.8.all', studentId: b, workType: 'lessonAnswer', value: 4, version: 0, requestId: rid() });
    expect(mark.status, JSON.stringify(mark.body)).toBe(423);
    expect(mark.body.error.message).toContain('Период «2 четверть» закрыт 30.12.2026');
    expect(mark.body.error.message).toContain('по заявке на корректировку');
    const attendance = await teacher.send('PUT', `${M5}/attendance`, { lessonId: '2026-12-28.8.all', studentId: c, kind: 'absent', version: 0, requestId: rid() });
    expect(attendance.status).toBe(423);
    const periodMark = await teacher.send('PUT', `/api/schools/${SCH}/classes/5a/final-marks/${Q2}/subjects/${MATH}/students/${b}`, { code: '4', reason: 'по итогам периода', version: 0, requestId: rid() });
    expect(periodMark.status, JSON.stringify(periodMark.body)).toBe(423);
    expect(periodMark.body.error.message).toContain('период закрыт');

    const entered = await correct([{ kind: 'mark', subjectId: MATH, date: '2026-12-28', lessonNo: 8, groupId: 'all', studentId: b, workType: 'lessonAnswer', from: null, to: '4' }], '2026-12-29');
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    const page = await teacher.get(`${M5}/journal`);
    expect(page.body.marks.find((m: { studentId: string; lessonId: string }) => m.studentId === b && m.lessonId === '2026-12-28.8.all')).toMatchObject({ value: 4 });
    // The head stays closed after the correction moved it on.
    const again = await teacher.send('PUT', `${M5}/marks`, { lessonId: '2026-12-28.8.all', studentId: c, workType: 'lessonAnswer', value: 5, version: 0, requestId: rid() });
    expect(again.status).toBe(423);
  });

  it('should store the summary sheet with the change table and the request attached, and a manifest of the stored bodies', async () => {
    const stored = await readArchivedDocument({ schoolId: SCH, yearId: YEAR, periodId: Q2, classId: '5a', kind: 'summary-marks' });
    const text = pdfText(stored.body);
    expect(text).toContain('Сводная ведомость учёта успеваемости');
    expect(text).toContain('Таблица учета изменений в электронном журнале');
    // The change table's row: request № 1 (pdftotext joins «№ 1» in a narrow column), what changed, under which request.
    expect(text).toMatch(/№\s?1\s+30\.11\.2026/);
    expect(text).toContain('отметка 3 на 5, ответ на уроке');
    expect(text).toContain('Протокол пересдачи № 7 от');
    expect(text).toContain('Журнал регистрации заявок на корректировку');
    expect(stored.doc.retention).toBe('summarySheets');

    const manifest = await readArchivedDocument({ schoolId: SCH, yearId: YEAR, periodId: Q2, kind: 'close-manifest' });
    const m = JSON.parse(Buffer.from(manifest.body).toString('utf8'));
    expect(m.classes).toHaveLength(classes);
    const file = m.classes.find((c: { classId: string }) => c.classId === '5a').files.find((f: { kind: string }) => f.kind === 'summary-marks');
    expect(file.sha256).toBe(createHash('sha256').update(stored.body).digest('hex'));
  });

  it('should show the deputy each class with its findings, and nobody but the administration', async () => {
    standAt(CLOSE_NOW);
    const overview = await (await as('deputy')).get(CLOSES);
    expect(overview.status, JSON.stringify(overview.body)).toBe(200);
    expect(overview.body.periods.find((p: { periodId: string }) => p.periodId === Q2)).toMatchObject({ state: 'done', classesDone: classes, classesTotal: classes, closeDay: '2026-12-30' });
    expect(overview.body.periods.find((p: { periodId: string }) => p.periodId === '2026-q3')).toMatchObject({ state: 'notDue' });

    const detail = await (await as('director')).get(`${CLOSES}/${Q2}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    const fiveA = detail.body.classes.find((c: { classId: string }) => c.classId === '5a');
    expect(fiveA).toMatchObject({ state: 'done', integrity: { ok: true } });
    const math = fiveA.findings.subjects.find((s: { subjectId: string }) => s.subjectId === MATH);
    // Ten lessons of the fixture without a topic, every pupil without a period mark, no KTP.
    expect(math.unfilledLessons).toBe(10);
    expect(math.withoutPeriodMark).toHaveLength(fixture().fiveA.length);
    expect(math.ktpMissing).toBe(1);
    expect(fiveA.findingsText.join(' ')).toContain('Не заполнено');
    expect(fiveA.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(['movement', 'summary-attendance', 'summary-marks']);
    expect(detail.body.manifest.sha256).toMatch(/^[0-9a-f]{64}$/);

    expect((await (await as('teacher')).get(CLOSES)).status).toBe(403);
    expect((await (await as('parent')).get(`${CLOSES}/${Q2}`)).status).toBe(404);
    expect((await (await as('deputy')).get(`${CLOSES}/2031-q9`)).status).toBe(404);
  });
});

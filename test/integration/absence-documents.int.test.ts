/**
 * Absence reasons from a document over HTTP against DynamoDB Local (issue 11 item 4; clause 3.7):
 * the class teacher's one document sets the reason of every absence of the pupil in its range, in
 * every subject, even where the attendance is locked, within 2 working days of the document's date
 * (a weekend not counted); later it is refused with a pointer to a correction request. Other pupils,
 * lateness and days outside the range stay as they were; each change has its change-log record; the
 * same document again changes nothing; the class's documents are listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/query';
import { verifyChain } from '../../shared/domain/journal-log';
import { readChangeLog } from '../../shared/repos/change-log';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { base, ENG, journalFixture, MATH, mskNoon, Q2, SCH, type JournalFixture } from './journal-fixture';

let api: ApiServer;
let fx: JournalFixture;
let pupil: string;
let other: string;
const { standAt, as } = clockedClients(() => api.url);

const M5 = base('5a', Q2, MATH);
const E5 = base('5a', Q2, ENG);
const DOCS = `/api/schools/${SCH}/classes/5a/absence-documents`;
const rid = () => `t-${Math.random().toString(36).slice(2, 12)}`;
/** A certificate of Thursday 03.12 for 20.11–27.11: its 2 working days are Fri 04.12 and Mon 07.12. */
const certificate = (over: Record<string, unknown> = {}) => ({ studentId: pupil, kind: 'Медицинская справка', number: '095/у-341', date: '2026-12-03', from: '2026-11-23', to: '2026-11-27', reason: 'illness', ...over });
const attendanceOf = async (path: string, studentId: string) =>
  ((await (await as('teacher')).get(`${path}/journal`)).body.attendance as Array<{ studentId: string; lessonId: string; kind: string; reason?: string; document?: string }>).filter((a) => a.studentId === studentId);

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(mskNoon('2026-11-30'));
  fx = await journalFixture(mskNoon('2026-11-30'));
  api = await startApi();
  pupil = fx.groups.g1[0]!;
  other = fx.groups.g1[1]!;
  // Marked before the locks: the pupil absent in mathematics on 20, 23, 24, 25.11 and in English (group 1) on 24.11,
  // late on 27.11; another pupil absent on 24.11.
  standAt(mskNoon('2026-11-27'));
  const teacher = await as('teacher');
  const mark = async (path: string, lessonId: string, studentId: string, kind: string) => {
    const res = await teacher.send('PUT', `${path}/attendance`, { lessonId, studentId, kind, version: 0, requestId: rid() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  for (const d of ['2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25']) await mark(M5, `${d}.8.all`, pupil, 'absent');
  await mark(E5, '2026-11-24.8.g1', pupil, 'absent');
  await mark(M5, '2026-11-27.8.all', pupil, 'late');
  await mark(M5, '2026-11-24.8.all', other, 'absent');
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('a document sets the reasons of the pupil\'s absences (clause 3.7)', () => {
  it('should refuse a teacher who does not lead the class, and a document that makes no sense, storing nothing', async () => {
    standAt(mskNoon('2026-12-04'));
    expect((await (await as('teacher')).send('POST', DOCS, certificate())).status).toBe(403);
    const ct = await as('classteacher');
    for (const bad of [certificate({ from: '2026-11-28', to: '2026-11-23' }), certificate({ date: '2026-12-09' }), certificate({ number: ' ' }), certificate({ reason: 'invalid' })]) {
      const res = await ct.send('POST', DOCS, bad);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.message).toMatch(/[А-Яа-я]/);
    }
    expect((await ct.get(DOCS)).body.documents).toEqual([]);
  });

  it('should set every absence in the range across subjects on 04.12, the locked 23.11 included, and nothing else', async () => {
    standAt(mskNoon('2026-12-04'));
    const ct = await as('classteacher');
    // 23.11 is locked from 04.12: the ordinary reason of the class teacher is refused there.
    const locked = await ct.send('PUT', `${M5}/absence-reasons`, { lessonId: '2026-11-23.8.all', studentId: pupil, reason: 'illness', document: 'Справка', version: 1, requestId: rid() });
    expect(locked.status).toBe(423);

    const res = await ct.send('POST', DOCS, certificate());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.replayed).toBe(false);
    expect(res.body.document.applied.map((a: { subjectId: string; lessonId: string }) => `${a.subjectId} ${a.lessonId}`).sort()).toEqual([
      `${ENG} 2026-11-24.8.g1`,
      `${MATH} 2026-11-23.8.all`,
      `${MATH} 2026-11-24.8.all`,
      `${MATH} 2026-11-25.8.all`,
    ]);
    const doc = 'Медицинская справка № 095/у-341 от 03.12.2026';
    const math = await attendanceOf(M5, pupil);
    const at = (d: string) => math.find((a) => a.lessonId === `${d}.8.all`);
    for (const d of ['2026-11-23', '2026-11-24', '2026-11-25']) expect(at(d)).toMatchObject({ kind: 'absent', reason: 'illness', document: doc });
    expect(at('2026-11-20')!.reason).toBeUndefined();
    expect(at('2026-11-27')).toMatchObject({ kind: 'late' });
    expect(at('2026-11-27')!.reason).toBeUndefined();
    expect((await attendanceOf(E5, pupil))[0]).toMatchObject({ reason: 'illness', document: doc });
    expect((await attendanceOf(M5, other))[0]!.reason).toBeUndefined();

    const log = await readChangeLog(SCH, '5a', Q2);
    const byDoc = log.records.filter((r) => r.requestId === `absdoc-${res.body.document.documentId}`);
    expect(byDoc).toHaveLength(4);
    for (const r of byDoc) expect(r).toMatchObject({ entity: 'attendance', action: 'update', actorId: fx.classteacherId, old: { kind: 'absent' }, new: { kind: 'absent', reason: 'illness', document: doc } });
    expect(verifyChain(keys.journalPartition(SCH, '5a', Q2), log.records, log.heads).ok).toBe(true);
    const check = await (await as('director')).get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/integrity`);
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.differences.filter((d: { subjectId: string }) => d.subjectId === MATH || d.subjectId === ENG)).toEqual([]);
    const audit = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(SCH, '2026-12') }, ConsistentRead: true });
    expect(audit.filter((a) => a.action === 'absenceDocument.enter')).toHaveLength(1);
  });

  it('should answer the same document again with the stored one, changing nothing, and list it for the class', async () => {
    standAt(mskNoon('2026-12-07'));
    const ct = await as('classteacher');
    const before = (await readChangeLog(SCH, '5a', Q2)).records.length;
    const again = await ct.send('POST', DOCS, certificate({ kind: 'медицинская  справка' }));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.replayed).toBe(true);
    expect((await readChangeLog(SCH, '5a', Q2)).records.length).toBe(before);
    const list = await (await as('director')).get(`${DOCS}?studentId=${pupil}`);
    expect(list.status).toBe(200);
    expect(list.body.documents).toHaveLength(1);
    expect(list.body.documents[0]).toMatchObject({ kind: 'Медицинская справка', from: '2026-11-23', to: '2026-11-27', enteredBy: fx.classteacherId });
    expect((await (await as('parent')).get(DOCS)).status).toBe(403);
  });

  it('should refuse a document from the end of its 2 working days (the weekend not counted, Moscow midnight), pointing to a correction request', async () => {
    const late = certificate({ number: '12', date: '2026-11-27', from: '2026-11-20', to: '2026-11-20', reason: 'valid' });
    // Friday 27.11: Monday 30.11 and Tuesday 01.12 are its working days; Wednesday 02.12 is too late.
    standAt(new Date('2026-12-01T21:00:00.000Z'));
    const refused = await (await as('classteacher')).send('POST', DOCS, late);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.message).toContain('до 01.12.2026 включительно');
    expect(refused.body.error.message).toContain('по заявке на корректировку');
    expect((await attendanceOf(M5, pupil)).find((a) => a.lessonId === '2026-11-20.8.all')!.reason).toBeUndefined();
    // A millisecond earlier it was still Tuesday 01.12 in Moscow: the document sets the reason.
    standAt(new Date('2026-12-01T20:59:59.999Z'));
    const inTime = await (await as('classteacher')).send('POST', DOCS, late);
    expect(inTime.status, JSON.stringify(inTime.body)).toBe(201);
    expect((await attendanceOf(M5, pupil)).find((a) => a.lessonId === '2026-11-20.8.all')).toMatchObject({ reason: 'valid', document: 'Медицинская справка № 12 от 27.11.2026' });
  });
});

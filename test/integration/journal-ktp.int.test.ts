/**
 * The approved KTP's topics of a journal page over HTTP (GET .../ktp-topics): lesson k of the year
 * gets the topic of hour k, only from an approved plan, per subgroup; those who may not read the
 * journal are refused, bad input is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import type { KtpRow } from '../../shared/domain/ktp';
import { ktpItem } from '../../shared/repos/ktp';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { base, ENG, journalFixture, MATH, mskNoon, Q2, SCH, YEAR, type JournalFixture } from './journal-fixture';

let api: ApiServer;
let fx: JournalFixture;
const { standAt, as } = clockedClients(() => api.url);

function ktp(subjectId: string, groupId: string, status: 'draft' | 'approved', rows: KtpRow[]) {
  return ktpItem({
    schoolId: SCH, yearId: YEAR, classId: '5a', subjectId, groupId, rows, status, totalHours: 0, topicCount: 0, version: 1,
    updatedBy: fx.teacherId, updatedByName: 'Учитель', updatedAt: '2026-08-31T09:00:00.000Z',
  });
}

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(mskNoon('2026-11-30'));
  fx = await journalFixture(mskNoon('2026-11-30'));
  await batchWriteAll([
    ktp(MATH, 'all', 'approved', [{ kind: 'section', title: 'Дроби' }, { kind: 'topic', title: 'Сложение дробей', hours: 3 }, { kind: 'topic', title: 'Умножение дробей', hours: 4 }]),
    ktp(ENG, 'g1', 'draft', [{ kind: 'topic', title: 'Present Simple', hours: 10 }]),
  ]);
  api = await startApi();
  standAt(mskNoon('2026-11-30'));
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('GET .../ktp-topics', () => {
  it('should give each lesson of the page the approved topic of its hour in the year', async () => {
    const res = await (await as('teacher')).get(`${base('5a', Q2, MATH)}/ktp-topics`);
    expect(res.status).toBe(200);
    expect(res.body.plans).toEqual([{ groupId: 'all', approved: true }]);
    const byLesson = new Map(res.body.topics.map((t: { lessonId: string }) => [t.lessonId, t]));
    expect(byLesson.get('2026-11-16.8.all')).toEqual({ lessonId: '2026-11-16.8.all', n: 1, title: 'Сложение дробей', section: 'Дроби' });
    expect(byLesson.get('2026-11-24.8.all')).toMatchObject({ n: 2, title: 'Умножение дробей' });
    expect(byLesson.get('2026-11-30.8.all')).toMatchObject({ n: 2 });
    // Lesson 8 of the year is past the plan's 7 hours: nothing to offer.
    expect(byLesson.has('2026-12-01.8.all')).toBe(false);
  });

  it('should offer nothing from a draft or a missing plan, and say why, per subgroup', async () => {
    const res = await (await as('teacher')).get(`${base('5a', Q2, ENG)}/ktp-topics?group=g1`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ plans: [{ groupId: 'g1', approved: false, message: 'КТП ещё не утверждён: тема из него не предлагается.' }], topics: [] });
    const all = await (await as('teacher')).get(`${base('5a', Q2, ENG)}/ktp-topics`);
    expect(all.body.plans).toContainEqual({ groupId: 'g2', approved: false, message: 'КТП по предмету не составлен.' });
  });

  it('should refuse those who may not read the journal, and bad input', async () => {
    expect((await (await as('parent')).get(`${base('5a', Q2, MATH)}/ktp-topics`)).status).toBe(403);
    expect((await (await as('teacher')).get(`${base('5a', Q2, MATH)}/ktp-topics?group=${'x'.repeat(80)}`)).status).toBe(400);
    expect(fx.fiveA.length).toBeGreaterThan(0);
  });
});

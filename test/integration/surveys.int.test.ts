/**
 * Parent surveys over HTTP against DynamoDB Local (issue 12, item 3): the class teacher publishes a
 * survey to 5А's parents; a parent answers once (a second first answer is a 409), changes the answer
 * on its version until the survey closes (423 after, the clock passed in); a parent of another class
 * gets a 404; named results list who answered what; an anonymous survey's results and stored answers
 * hold no identity, and are shown only from three answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { may } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/roles';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/query';
import { buildDemoModel } from '../../shared/demo/index';
import { getSchool } from '../../shared/repos/school';
import { getSurvey } from '../../shared/repos/surveys';
import { answerSurvey, loadSurvey } from '../../shared/services/surveys';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { mskNoon, SCH } from './journal-fixture';

let api: ApiServer;
const { standAt, as } = clockedClients(() => api.url);
const NOW = mskNoon('2026-11-30');
const CLOSES = '2026-12-02T15:00:00.000Z';
const model = buildDemoModel({ now: NOW });
const fixed = (f: 'parent' | 'parent2') => model.parents.find((p) => p.fixed === f)!;
const classOf = (studentId: string) => model.students.find((s) => s.studentId === studentId)!.classId;
/** A parent with no child in 5А. */
const outsider = model.parents.find((p) => !p.fixed && p.childIds.every((c) => classOf(c) !== '5a'))!;

const draft = (anonymous: boolean) => ({
  title: 'Экскурсия в декабре',
  anonymous,
  closesAt: CLOSES,
  questions: [
    { kind: 'single', text: 'Поедет ли ребёнок?', options: ['Да', 'Нет'] },
    { kind: 'multiple', text: 'Удобные дни', options: ['Суббота', 'Воскресенье', 'Будни'] },
    { kind: 'text', text: 'Пожелания' },
  ],
});
const parts = (yes: boolean, days: number[], wish = '') => [
  { questionId: 'q1', choices: [yes ? 0 : 1] },
  { questionId: 'q2', choices: days },
  { questionId: 'q3', text: wish },
];

async function publish(anonymous: boolean): Promise<string> {
  const res = await (await as('classteacher')).post(`/api/schools/${SCH}/classes/5a/surveys`, draft(anonymous));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.survey.surveyId;
}
const path = (id: string, rest = '') => `/api/schools/${SCH}/surveys/${id}${rest}`;

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(NOW);
  api = await startApi();
  standAt(NOW);
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('a named survey', () => {
  let id = '';

  it('should refuse a bad survey with a 400 in Russian, and anyone but the class teacher', async () => {
    const ct = await as('classteacher');
    const bad = await ct.post(`/api/schools/${SCH}/classes/5a/surveys`, { ...draft(false), closesAt: '2026-11-29T10:00:00Z', questions: [{ kind: 'single', text: 'Да?', options: ['Да'] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('позже, чем сейчас');
    expect(bad.body.error.message).toContain('от 2 до 10 вариантов');
    expect((await (await as('teacher')).post(`/api/schools/${SCH}/classes/5a/surveys`, draft(false))).status).toBe(403);
    expect((await ct.post(`/api/schools/${SCH}/classes/1a/surveys`, draft(false))).status).toBe(403);
  });

  it('should let a parent answer once and change the answer on its version until the survey closes', async () => {
    id = await publish(false);
    const parent = await as('parent');
    const list = await parent.get(`/api/schools/${SCH}/surveys`);
    expect(list.body.asked.find((s: { surveyId: string }) => s.surveyId === id)).toMatchObject({ answered: false, open: true, className: '5А' });
    const first = await parent.send('PUT', path(id, '/answer'), { parts: parts(true, [0, 1]) });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ answered: true, mine: { version: 1 } });
    expect(first.body.survey.answerCount).toBe(1);
    // Answering again as if for the first time (another tab) is a conflict, not a second answer.
    const again = await parent.send('PUT', path(id, '/answer'), { parts: parts(false, [2]) });
    expect(again.status).toBe(409);
    const changed = await parent.send('PUT', path(id, '/answer'), { parts: parts(false, [2], 'Только после уроков'), version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body.mine.version).toBe(2);
    expect(changed.body.survey.answerCount).toBe(1);
    expect((await parent.send('PUT', path(id, '/answer'), { parts: parts(true, [0]), version: 1 })).status).toBe(409);
    const invalid = await parent.send('PUT', path(id, '/answer'), { parts: [{ questionId: 'q1', choices: [0, 1] }, { questionId: 'q2', choices: [] }], version: 2 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('Вопрос 1: выберите один вариант.');

    standAt(new Date(CLOSES));
    const late = await (await as('parent')).send('PUT', path(id, '/answer'), { parts: parts(true, [0]), version: 2 });
    expect(late.status).toBe(423);
    expect(late.body.error.message).toContain('Опрос закрыт');
    standAt(NOW);
  });

  it('should show the class teacher who answered what, in a table and per option', async () => {
    const r = await (await as('classteacher')).get(path(id, '/results'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ answered: 1, shown: true });
    expect(r.body.questions[0].options).toEqual([{ text: 'Да', count: 0, percent: 0 }, { text: 'Нет', count: 1, percent: 100 }]);
    expect(r.body.rows).toEqual([{ parentName: expect.stringContaining(fixed('parent').lastName), childNames: [expect.any(String)], answers: ['Нет', 'Будни', 'Только после уроков'] }]);
  });

  it('should hide the survey from a parent of another class, a student and a parent who is not its author', async () => {
    const principal: Principal = { userId: outsider.userId, departmentId: 'krd', displayName: outsider.lastName, grants: outsider.childIds.map((studentId) => ({ role: 'parent', schoolId: SCH, studentId })) };
    const { survey, access } = await loadSurvey(principal, (await getSchool('krd', SCH))!, id);
    expect(survey).not.toBeNull();
    expect(may(principal, 'survey.read', access)).toBe(false);
    expect(may(principal, 'survey.answer', access)).toBe(false);
    expect((await (await as('parent2')).get(path(id, '/results'))).status).toBe(404);
    expect((await (await as('student')).get(path(id))).status).toBe(404);
    expect((await (await as('parent2')).get(path('s-nope'))).status).toBe(404);
  });
});

describe('an anonymous survey', () => {
  it('should never store or show who answered what, and show results only from three answers', async () => {
    const id = await publish(true);
    expect((await (await as('parent')).send('PUT', path(id, '/answer'), { parts: parts(true, [0], 'Автобус побольше') })).status).toBe(200);
    expect((await (await as('parent2')).send('PUT', path(id, '/answer'), { parts: parts(false, [1]) })).status).toBe(200);
    const ct = await as('classteacher');
    const two = await ct.get(path(id, '/results'));
    expect(two.body).toMatchObject({ answered: 2, shown: false, questions: [], rows: [] });

    // A third parent of 5А (not a demo login) answers through the same service.
    const third = model.parents.find((p) => !p.fixed && p.childIds.some((c) => classOf(c) === '5a'))!;
    const principal: Principal = { userId: third.userId, departmentId: 'krd', displayName: `${third.lastName} ${third.firstName}`, grants: third.childIds.map((studentId) => ({ role: 'parent', schoolId: SCH, studentId })) };
    const school = (await getSchool(principal.departmentId, SCH))!;
    await answerSurvey(principal, school, (await getSurvey(SCH, id))!, { parts: parts(true, [0, 2]) }, NOW);

    const three = await ct.get(path(id, '/results'));
    expect(three.body).toMatchObject({ answered: 3, shown: true, rows: [] });
    expect(three.body.questions[0].options.map((o: { count: number }) => o.count)).toEqual([2, 1]);
    expect(three.body.questions[2].texts).toEqual(['Автобус побольше']);
    const shown = JSON.stringify(three.body);
    const ids = [fixed('parent'), fixed('parent2'), third];
    for (const p of ids) {
      expect(shown).not.toContain(p.userId);
      expect(shown).not.toContain(p.lastName);
    }
    // Stored: answers without any parent id, name or time; the markers say only who has answered.
    const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.surveyPartition(SCH, id) }, ConsistentRead: true });
    const answers = items.filter((i) => i.type === 'surveyAnswer');
    expect(answers).toHaveLength(3);
    for (const a of answers) {
      const raw = JSON.stringify(a);
      for (const p of ids) expect(raw).not.toContain(p.userId);
      expect(Object.keys(a).sort()).toEqual(['answerKey', 'parts', 'pk', 'sk', 'type', 'version']);
    }
    const markers = items.filter((i) => i.type === 'surveyRespondent');
    expect(markers.map((m) => Object.keys(m).sort())).toEqual(Array(3).fill(['parentId', 'pk', 'sk', 'surveyId', 'type']));

    // The parent still finds and changes their own answer.
    const parent = await as('parent');
    const mine = await parent.get(path(id));
    expect(mine.body.mine).toMatchObject({ version: 1, parts: parts(true, [0], 'Автобус побольше') });
    expect((await parent.send('PUT', path(id, '/answer'), { parts: parts(false, [1]), version: 1 })).status).toBe(200);
    expect((await ct.get(path(id, '/results'))).body.questions[0].options.map((o: { count: number }) => o.count)).toEqual([1, 2]);
  });
});

/**
 * Messages over HTTP against DynamoDB Local (issue 12, item 2; R-51): a parent writes to the class
 * teacher, who sees it unread (the menu's count is one DynamoDB request) and replies; the
 * counts move both ways; a stranger is refused (a teacher of another class, another family's thread:
 * 404 with nothing about it); a parent's picker lists staff only; a class teacher's announcement
 * reaches the class's parents and shows its author who has read it.
 */
import { describe, expect, it } from 'vitest';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { ddbRequestCounter } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/query';
import { buildDemoModel } from '../../shared/demo/index';
import { demoMessageItems } from '../../shared/demo/messages';
import { listStudentsOfClass } from '../../shared/repos/school';
import { useTestTable } from '../support/dynamo';
import { journalApi, mskNoon, SCH } from './journal-fixture';

const NOW = mskNoon('2026-11-30');
const { standAt, as, fixture } = journalApi(NOW);
const BASE = `/api/schools/${SCH}/messages`;
const model = buildDemoModel({ now: NOW });
/** A teacher who neither teaches nor leads a class of the demo parent's children (the fixture's lines only). */
const stranger = model.staff.find((s) => !s.fixed && !s.ledClassId && s.grants.some((g) => g.role === 'teacher'))!;
const parentName = (() => {
  const p = model.parents.find((x) => x.fixed === 'parent')!;
  return p.lastName;
})();

const unread = async (login: string) => (await (await as(login)).get(`${BASE}/unread`)).body.unread as number;


describe('a conversation between a parent and the class teacher', () => {
  let threadId = '';

  it('should deliver the parent\'s message to the class teacher as unread, counted in one DynamoDB request', async () => {
    const parent = await as('parent');
    expect(await unread('classteacher')).toBe(0);
    const sent = await parent.post(`${BASE}/threads`, { to: fixture().classteacherId, subject: 'Экскурсия', text: 'Здравствуйте! Программа здесь: https://example.ru/trip?id=1. <script>alert(1)</script>' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    threadId = sent.body.thread.threadId;
    expect(sent.body.thread.participants.map((p: { userId: string }) => p.userId)).toContain(fixture().classteacherId);
    expect(sent.body.canReply).toBe(true);

    const ct = await as('classteacher');
    const before = ddbRequestCounter.count;
    const count = await ct.get(`${BASE}/unread`);
    expect(ddbRequestCounter.count - before).toBe(1);
    expect(count.body.unread).toBe(1);
    const inbox = await ct.get(BASE);
    expect(inbox.body.threads[0]).toMatchObject({ threadId, subject: 'Экскурсия', unread: 1, kind: 'direct' });
    expect(inbox.body.threads[0].counterpart).toContain(parentName);
    // The text is stored as written: the screen renders it as text, never as HTML.
    const thread = await ct.get(`${BASE}/threads/${threadId}`);
    expect(thread.body.messages[0].text).toContain('<script>alert(1)</script>');
  });

  it('should move the counts: reading clears the class teacher\'s, the reply raises the parent\'s', async () => {
    const ct = await as('classteacher');
    const read = await ct.post(`${BASE}/threads/${threadId}/read`);
    expect(read.body.unread).toBe(0);
    expect(await unread('classteacher')).toBe(0);
    const replied = await ct.post(`${BASE}/threads/${threadId}/messages`, { text: 'Спасибо, посмотрю.' });
    expect(replied.status).toBe(201);
    expect(replied.body.messages).toHaveLength(2);
    expect(await unread('parent')).toBe(1);
    expect(await unread('classteacher')).toBe(0);
    const parent = await as('parent');
    expect((await parent.post(`${BASE}/threads/${threadId}/read`)).body.unread).toBe(0);
    // Reading twice changes nothing.
    expect((await parent.post(`${BASE}/threads/${threadId}/read`)).body.unread).toBe(0);
  });

  it('should refuse a parent another family\'s thread with a 404 that names nobody', async () => {
    const other = await as('parent2');
    for (const res of [
      await other.get(`${BASE}/threads/${threadId}`),
      await other.post(`${BASE}/threads/${threadId}/messages`, { text: 'Чужое' }),
      await other.post(`${BASE}/threads/${threadId}/read`),
      await other.get(`${BASE}/threads/${threadId}/receipts`),
    ]) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${parentName}|Экскурсия|${fixture().classteacherId}`));
    }
    const messages = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.threadPartition(SCH, threadId) }, ConsistentRead: true });
    expect(messages.filter((m) => m.type === 'threadMessage')).toHaveLength(2);
  });

  it('should refuse bad input with a 400 in Russian', async () => {
    const parent = await as('parent');
    const empty = await parent.post(`${BASE}/threads`, { to: fixture().classteacherId, subject: 'Тема', text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('Напишите текст сообщения.');
    const long = await parent.post(`${BASE}/threads`, { to: fixture().classteacherId, subject: 'Тема', text: 'я'.repeat(4001) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('не длиннее 4000');
  });
});

describe('strangers', () => {
  it('should refuse a parent writing to a teacher of another class, storing nothing', async () => {
    const parent = await as('parent');
    const res = await parent.post(`${BASE}/threads`, { to: stranger.userId, subject: 'Вопрос', text: 'Здравствуйте' });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(stranger.lastName);
    const inbox = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.inboxCounter(SCH, stranger.userId).pk }, ConsistentRead: true });
    expect(inbox).toEqual([]);
    // Nor to another family, nor to a made-up id.
    const family = model.parents.find((p) => p.fixed === 'parent2')!;
    expect((await parent.post(`${BASE}/threads`, { to: family.userId, subject: 'Вопрос', text: 'Здравствуйте' })).status).toBe(404);
    expect((await parent.post(`${BASE}/threads`, { to: 'u-nobody', subject: 'Вопрос', text: 'Здравствуйте' })).status).toBe(404);
  });

  it('should show a parent only their children\'s teachers, class teachers and the administration, never other families', async () => {
    const parent = await as('parent');
    const c = await parent.get(`${BASE}/contacts`);
    expect(c.status).toBe(200);
    const ids = c.body.people.map((p: { userId: string }) => p.userId);
    expect(ids).toContain(fixture().classteacherId);
    expect(ids).toContain(fixture().teacherId);
    expect(ids).not.toContain(stranger.userId);
    const parentIds = new Set(model.parents.map((p) => p.userId));
    expect(ids.filter((id: string) => parentIds.has(id))).toEqual([]);
    expect(c.body.classes).toEqual([]);
    expect(c.body.audiences).toEqual([]);
    expect((await parent.get(`${BASE}/contacts?classId=5a`)).status).toBe(404);
  });

  it('should let a student write to a teacher of their class, and to no family', async () => {
    const student = await as('student');
    const c = await student.get(`${BASE}/contacts`);
    expect(c.body.people.map((p: { userId: string }) => p.userId)).toContain(fixture().teacherId);
    const sent = await student.post(`${BASE}/threads`, { to: fixture().teacherId, subject: 'Домашнее задание', text: 'Можно сдать в среду?' });
    expect(sent.status).toBe(201);
    expect(sent.body.thread.participants.map((p: { role: string }) => p.role)[0]).toBe('Обучающийся');
    const family = model.parents.find((p) => p.fixed === 'parent')!;
    expect((await student.post(`${BASE}/threads`, { to: family.userId, subject: 'Привет', text: 'Привет' })).status).toBe(404);
  });

  it('should let the subject teacher list the parents of a class they teach, and not of one they do not', async () => {
    const teacher = await as('teacher');
    const c = await teacher.get(`${BASE}/contacts`);
    expect(c.body.classes.map((x: { classId: string }) => x.classId)).toContain('5a');
    const families = await teacher.get(`${BASE}/contacts?classId=5a`);
    expect(families.status).toBe(200);
    expect(families.body.people.length).toBeGreaterThan(10);
    expect((await teacher.get(`${BASE}/contacts?classId=8b`)).status).toBe(404);
  });
});

describe('an announcement to the parents of a class', () => {
  it('should reach every parent of 5А, raise their counts and show the author who has read it', async () => {
    const roster = await listStudentsOfClass(SCH, '5a');
    const parents = new Set(roster.flatMap((s) => s.parentIds));
    const before = await unread('parent2');
    const ct = await as('classteacher');
    const sent = await ct.post(`${BASE}/announcements`, { scope: 'class', classId: '5a', subject: 'Родительское собрание', text: 'Собрание в четверг в 18:00, кабинет 12.' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.thread).toMatchObject({ kind: 'announcement', audienceLabel: 'родителям 5А', recipientCount: parents.size });
    expect(sent.body.canReply).toBe(false);
    expect(sent.body.canSeeReceipts).toBe(true);
    const id = sent.body.thread.threadId;
    expect(await unread('parent2')).toBe(before + 1);

    const parent = await as('parent');
    expect((await parent.get(`${BASE}/threads/${id}`)).body.thread).toMatchObject({ authorId: fixture().classteacherId });
    expect((await parent.get(`${BASE}/threads/${id}`)).body.canReply).toBe(false);
    await parent.post(`${BASE}/threads/${id}/read`);
    expect((await parent.post(`${BASE}/threads/${id}/messages`, { text: 'Ответ' })).status).toBe(403);
    const receipts = await ct.get(`${BASE}/threads/${id}/receipts`);
    expect(receipts.body.recipientCount).toBe(parents.size);
    expect(receipts.body.read.map((r: { name: string }) => r.name).join()).toContain(parentName);
    expect(receipts.body.read).toHaveLength(1);
    expect(receipts.body.unread).toHaveLength(parents.size - 1);
    // A recipient does not see the receipts.
    expect((await parent.get(`${BASE}/threads/${id}/receipts`)).status).toBe(403);
  });

  it('should let only the class teacher announce to a class and only the administration to the school', async () => {
    const body = { subject: 'Тема', text: 'Текст' };
    expect((await (await as('parent')).post(`${BASE}/announcements`, { scope: 'class', classId: '5a', ...body })).status).toBe(403);
    expect((await (await as('teacher')).post(`${BASE}/announcements`, { scope: 'class', classId: '5a', ...body })).status).toBe(403);
    expect((await (await as('classteacher')).post(`${BASE}/announcements`, { scope: 'school', ...body })).status).toBe(403);
    expect((await (await as('classteacher')).post(`${BASE}/announcements`, { scope: 'class', classId: '1a', ...body })).status).toBe(403);
    const grade = await (await as('deputy')).post(`${BASE}/announcements`, { scope: 'grade', grade: 5, ...body });
    expect(grade.status, JSON.stringify(grade.body)).toBe(201);
    expect(grade.body.thread.audienceLabel).toBe('родителям 5-х классов');
    expect(grade.body.thread.recipientCount).toBeGreaterThan(40);
  });
});

describe('the demo school\'s messages', () => {
  it('should load as requests would have written them: every badge equal to its inbox\'s unread', async () => {
    // The demo loads into an empty table (its counters are written whole): a fresh one, as `npm start` has.
    await useTestTable();
    await seedDemoSchool(NOW);
    standAt(NOW);
    await batchWriteAll(demoMessageItems(model, NOW));
    const parent = await as('parent');
    const inbox = await parent.get(`${BASE}`);
    expect(inbox.body.threads.find((t: { threadId: string }) => t.threadId === 'tdemo0001')).toMatchObject({ unread: 1, kind: 'direct' });
    expect(inbox.body.threads.find((t: { threadId: string }) => t.threadId === 'ademo0001')).toMatchObject({ unread: 1, kind: 'announcement' });
    for (const login of ['parent', 'parent2', 'classteacher']) {
      const box = await (await as(login)).get(BASE);
      expect(box.body.unread, login).toBe(box.body.threads.reduce((n: number, t: { unread: number }) => n + t.unread, 0));
    }
    const thread = await parent.get(`${BASE}/threads/tdemo0001`);
    expect(thread.body.messages.map((m: { mine: boolean }) => m.mine)).toEqual([true, false]);
    const surveys = await parent.get(`/api/schools/${SCH}/surveys`);
    expect(surveys.body.asked.map((s: { title: string }) => s.title)).toContain('Удобное время родительских собраний');
  });
});

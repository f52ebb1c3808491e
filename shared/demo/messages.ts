/**
 * Messages and a survey in the demo school (issue 12, items 2-3), so that `npm start` shows them:
 * the demo parent's conversation with 5А's class teacher (her reply waits unread), her announcement
 * of a parents' meeting to every parent of 5А, and an open survey of 5А's parents. Built with the
 * repositories' own item builders, so the items have the shapes requests write.
 */
import { audienceLabel, preview } from '../domain/messages';
import { numberQuestions } from '../domain/surveys';
import { counterItem, messageIdOf, threadItems, threadMessageItem, type NewThread } from '../repos/messages';
import { surveyItem } from '../repos/surveys';
import type { DemoModel } from './model';
import { fullName } from './names';

type Item = Record<string, unknown>;
const DAY = 86_400_000;

export function demoMessageItems(model: DemoModel, now: Date): Item[] {
  const sch = model.school.schoolId;
  const ct = model.staff.find((s) => s.fixed === 'classteacher')!;
  const parent = model.parents.find((p) => p.fixed === 'parent')!;
  const ctName = fullName(ct);
  const parentName = fullName(parent);
  const at = (daysAgo: number, hour: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour - 3, 0, 0)).toISOString();
  const unread = new Map<string, number>();
  const count = (userId: string, n: number) => unread.set(userId, (unread.get(userId) ?? 0) + n);

  // A conversation: the parent asked two days ago, the class teacher answered yesterday (unread by the parent).
  const asked = at(2, 19);
  const answered = at(1, 16);
  const question = 'Здравствуйте! Подскажите, пожалуйста, во сколько в пятницу выезд на экскурсию и что взять с собой?';
  const answer = 'Добрый день! Выезд в 9:00 от школы, вернёмся к 15:00. Возьмите перекус и воду. Программа музея: https://example.ru/museum';
  const direct: NewThread = {
    head: {
      schoolId: sch, threadId: 'tdemo0001', kind: 'direct', subject: 'Экскурсия в пятницу', authorId: parent.userId, authorName: parentName, createdAt: asked, lastAt: answered, messageCount: 2,
      participants: [
        { userId: parent.userId, name: parentName, role: 'Родитель' },
        { userId: ct.userId, name: ctName, role: `Классный руководитель, ${ct.position}` },
      ],
    },
    message: { messageId: messageIdOf(asked, 'demo0001'), authorId: parent.userId, authorName: parentName, text: question, at: asked },
    members: [
      { member: { userId: parent.userId, name: parentName, readAt: asked }, entry: { threadId: 'tdemo0001', kind: 'direct', subject: 'Экскурсия в пятницу', counterpart: ctName, lastAt: answered, preview: preview(answer), unread: 1 } },
      { member: { userId: ct.userId, name: ctName, readAt: answered }, entry: { threadId: 'tdemo0001', kind: 'direct', subject: 'Экскурсия в пятницу', counterpart: parentName, lastAt: answered, preview: preview(answer), unread: 0 } },
    ],
  };
  count(parent.userId, 1);
  const reply = threadMessageItem(sch, 'tdemo0001', { messageId: messageIdOf(answered, 'demo0002'), authorId: ct.userId, authorName: ctName, text: answer, at: answered });

  // An announcement to every parent of 5А, read by nobody yet.
  const sent = at(3, 12);
  const text = 'Уважаемые родители! Родительское собрание 5А — в четверг в 18:00, кабинет 12. Повестка: итоги четверти, экскурсии, питание.';
  const label = audienceLabel({ scope: 'class', classId: '5a' }, '5А');
  const parentsOf5a = model.parents.filter((p) => p.childIds.some((id) => model.students.find((s) => s.studentId === id)?.classId === '5a'));
  const entry = (n: number, counterpart: string) => ({ threadId: 'ademo0001', kind: 'announcement' as const, subject: 'Родительское собрание', counterpart, lastAt: sent, preview: preview(text), unread: n });
  const announcement: NewThread = {
    head: {
      schoolId: sch, threadId: 'ademo0001', kind: 'announcement', subject: 'Родительское собрание', authorId: ct.userId, authorName: ctName, createdAt: sent, lastAt: sent, messageCount: 1,
      audience: { scope: 'class', classId: '5a' }, audienceLabel: label, recipientCount: parentsOf5a.length,
    },
    message: { messageId: messageIdOf(sent, 'demo0003'), authorId: ct.userId, authorName: ctName, text, at: sent },
    members: [
      { member: { userId: ct.userId, name: ctName, author: true, readAt: sent }, entry: entry(0, label) },
      ...parentsOf5a.map((p) => ({ member: { userId: p.userId, name: fullName(p) }, entry: entry(1, ctName) })),
    ],
  };
  for (const p of parentsOf5a) count(p.userId, 1);

  // An open survey of 5А's parents.
  const survey = surveyItem({
    schoolId: sch, surveyId: 'sdemo0001', classId: '5a', className: '5А', title: 'Удобное время родительских собраний', anonymous: false,
    closesAt: new Date(now.getTime() + 7 * DAY).toISOString(),
    questions: numberQuestions([
      { kind: 'single', text: 'Какой день недели вам удобнее?', options: ['Вторник', 'Четверг', 'Суббота'] },
      { kind: 'multiple', text: 'Какое время подходит?', options: ['17:00', '18:00', '19:00'] },
      { kind: 'text', text: 'Какие темы обсудить?', options: [] },
    ]),
    authorId: ct.userId, authorName: ctName, createdAt: at(1, 10), answerCount: 0,
  });

  return [...threadItems(direct), reply, ...threadItems(announcement), ...[...unread].map(([userId, n]) => counterItem(sch, userId, n)), survey];
}

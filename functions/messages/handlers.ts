/**
 * Messages (issue 12, item 2): the inbox, its unread count, the recipient picker, conversations and
 * announcements. Each handler loads the object, authorises it (a thread or recipient that is not
 * the caller's is a 404 with nothing about it), calls one service function and shapes the answer.
 */
import type { ThreadObject } from '../../shared/auth/rules/messages';
import type { Audience } from '../../shared/domain/messages';
import { NotFoundError } from '../../shared/errors';
import * as messages from '../../shared/services/messages';
import { handlersOf, type Req } from '../http/area';
import { authorizedSchool, schoolOf } from '../http/school';
import { messageRoutes } from './routes';

const handler = handlersOf(messageRoutes);
const INBOX_REFUSAL = 'Сообщения доступны работникам, обучающимся и родителям школы.';

export const getInbox = handler('getInbox', async (req) => {
  const school = await authorizedSchool(req, INBOX_REFUSAL);
  return { body: await messages.inbox(req.principal, school) };
});

export const getUnread = handler('getUnread', async (req) => {
  // The menu asks on every move between screens: the school item is not read, the caller's own grant
  // in the school (from the session) is what `message.inbox` checks, so the answer is one GetItem.
  req.authorize({ departmentId: req.principal.departmentId, schoolId: req.params.schoolId! }, INBOX_REFUSAL);
  return { body: { unread: await messages.unreadCount(req.principal, req.params.schoolId!) } };
});

export const getContacts = handler('getContacts', async (req) => {
  const school = await authorizedSchool(req, INBOX_REFUSAL);
  return { body: await messages.contacts(req.principal, school, req.query.classId) };
});

export const startThread = handler('startThread', async (req) => {
  const school = await schoolOf(req);
  // The recipient is named in the body: a stranger (or an empty body) is a 404 before the body is validated.
  const ctx = await messages.loadStartContext(req.principal, school, req.peek('to'));
  if (!req.allowed(ctx.access)) throw new NotFoundError(messages.NOT_A_CONTACT);
  return { status: 201, body: await messages.startThread(req.principal, school, ctx, req.body, req.now) };
});

export const announce = handler('announce', async (req) => {
  const school = await schoolOf(req);
  // Who may send it depends on the audience alone (its scope and class), peeked before the body is
  // validated; a grade's number does not change who may, so any grade stands for it here.
  const scope = req.peek('scope');
  const asked: Audience = scope === 'class' ? { scope, classId: req.peek('classId') ?? '' } : scope === 'grade' ? { scope, grade: 0 } : { scope: 'school' };
  const ctx = await messages.loadAnnouncementContext(school, asked);
  req.authorize(ctx.access, 'Объявление классу публикует его классный руководитель; параллели и школе — директор или заместитель директора.');
  const body = req.body;
  const audience: Audience = body.scope === 'class' ? { scope: 'class', classId: body.classId } : body.scope === 'grade' ? { scope: 'grade', grade: body.grade } : { scope: 'school' };
  return { status: 201, body: await messages.announce(req.principal, school, ctx, audience, body, req.now) };
});

/** The thread of the path, for a member; 404 for anyone else, the same as for a thread that does not exist. */
async function loaded(req: Pick<Req, 'principal' | 'params'> & { readonly allowed: (o: ThreadObject) => boolean }) {
  const school = await schoolOf(req);
  const t = await messages.loadThread(req.principal, school, req.params.threadId!);
  if (!t.head || !req.allowed(t.access)) throw new NotFoundError(messages.NO_THREAD);
  return { school, head: t.head };
}

export const getThread = handler('getThread', async (req) => {
  const { school, head } = await loaded(req);
  return { body: await messages.readThread(req.principal, school, head) };
});

export const replyToThread = handler('replyToThread', async (req) => {
  const school = await schoolOf(req);
  const t = await messages.loadThread(req.principal, school, req.params.threadId!);
  if (!t.head || !t.member) throw new NotFoundError(messages.NO_THREAD);
  req.authorize(t.access, 'В объявлении отвечать нельзя: напишите автору отдельное сообщение.');
  return { status: 201, body: await messages.reply(req.principal, school, t.head, req.body, req.now) };
});

export const markThreadRead = handler('markThreadRead', async (req) => {
  const { school, head } = await loaded(req);
  return { body: { unread: await messages.markThreadRead(req.principal, school, head.threadId, req.now) } };
});

export const getReceipts = handler('getReceipts', async (req) => {
  const school = await schoolOf(req);
  const t = await messages.loadThread(req.principal, school, req.params.threadId!);
  if (!t.head || !t.member) throw new NotFoundError(messages.NO_THREAD);
  req.authorize(t.access, 'Кто прочитал объявление, видит его автор.');
  return { body: await messages.receipts(school, t.head) };
});

import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

const BASE = '/api/schools/{schoolId}/messages';
const THREAD = `${BASE}/threads/{threadId}`;

export const messageRoutes = [
  { method: 'GET', path: BASE, area: 'messages', handler: 'getInbox', permission: 'message.inbox', summary: 'Входящие: переписки и объявления вызывающего, новые сверху, с числом непрочитанных', response: schemas.inboxResponse },
  { method: 'GET', path: `${BASE}/unread`, area: 'messages', handler: 'getUnread', permission: 'message.inbox', summary: 'Число непрочитанных сообщений (для меню): один запрос к базе', response: schemas.unreadResponse },
  { method: 'GET', path: `${BASE}/contacts`, area: 'messages', handler: 'getContacts', permission: 'message.inbox', summary: 'Кому можно написать: связанные классом, предметом или ролью; с ?classId= — родители класса (для работников)', query: schemas.contactsQuery, response: schemas.contactsResponse },
  { method: 'POST', path: `${BASE}/threads`, area: 'messages', handler: 'startThread', permission: 'message.start', summary: 'Начать переписку с учителем, родителем, обучающимся или администрацией (п. 2.2, 5)', body: schemas.startBody, response: schemas.threadResponse, successStatus: 201 },
  { method: 'POST', path: `${BASE}/announcements`, area: 'messages', handler: 'announce', permission: 'message.announce', summary: 'Объявление родителям класса (классный руководитель), параллели или школы (администрация)', body: schemas.announceBody, response: schemas.threadResponse, successStatus: 201 },
  { method: 'GET', path: THREAD, area: 'messages', handler: 'getThread', permission: 'message.read', summary: 'Переписка или объявление с сообщениями (только участникам)', response: schemas.threadResponse },
  { method: 'POST', path: `${THREAD}/messages`, area: 'messages', handler: 'replyToThread', permission: 'message.reply', summary: 'Ответить в переписке', body: schemas.replyBody, response: schemas.threadResponse, successStatus: 201 },
  { method: 'POST', path: `${THREAD}/read`, area: 'messages', handler: 'markThreadRead', permission: 'message.read', summary: 'Отметить переписку прочитанной (отметка о прочтении объявления); отвечает числом непрочитанных', response: schemas.unreadResponse },
  { method: 'GET', path: `${THREAD}/receipts`, area: 'messages', handler: 'getReceipts', permission: 'message.receipts', summary: 'Кто прочитал объявление и кто ещё нет (автору)', response: schemas.receiptsResponse },
] as const satisfies readonly RouteSpec[];

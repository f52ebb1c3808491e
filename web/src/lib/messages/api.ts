/**
 * Messages on the screens (issue 12, item 2): the API calls, their types (inferred from the server's
 * schemas, so the two cannot drift), the addresses and the words. Plain TypeScript.
 */
import type { z } from 'zod';
import type { contactsResponse, inboxResponse, receiptsResponse, threadResponse, unreadResponse } from '../../../../functions/messages/schemas';
import { send } from '../api';

export type Inbox = z.infer<typeof inboxResponse>;
export type InboxThread = Inbox['threads'][number];
export type Thread = z.infer<typeof threadResponse>;
export type Contacts = z.infer<typeof contactsResponse>;
export type Receipts = z.infer<typeof receiptsResponse>;
export type AudienceChoice = Contacts['audiences'][number];

const seg = encodeURIComponent;
const base = (schoolId: string) => `/api/schools/${seg(schoolId)}/messages`;

export const messagesApi = {
  inbox: (schoolId: string) => send<Inbox>('GET', base(schoolId)),
  unread: (schoolId: string) => send<z.infer<typeof unreadResponse>>('GET', `${base(schoolId)}/unread`),
  contacts: (schoolId: string, classId?: string) => send<Contacts>('GET', `${base(schoolId)}/contacts${classId ? `?classId=${seg(classId)}` : ''}`),
  start: (schoolId: string, body: { to: string; subject: string; text: string }) => send<Thread>('POST', `${base(schoolId)}/threads`, body),
  announce: (schoolId: string, body: { scope: string; classId?: string; grade?: number; subject: string; text: string }) => send<Thread>('POST', `${base(schoolId)}/announcements`, body),
  thread: (schoolId: string, threadId: string) => send<Thread>('GET', `${base(schoolId)}/threads/${seg(threadId)}`),
  reply: (schoolId: string, threadId: string, text: string) => send<Thread>('POST', `${base(schoolId)}/threads/${seg(threadId)}/messages`, { text }),
  markRead: (schoolId: string, threadId: string) => send<z.infer<typeof unreadResponse>>('POST', `${base(schoolId)}/threads/${seg(threadId)}/read`),
  receipts: (schoolId: string, threadId: string) => send<Receipts>('GET', `${base(schoolId)}/threads/${seg(threadId)}/receipts`),
};

export const messagesPaths = {
  inbox: (schoolId: string) => `/messages?school=${seg(schoolId)}`,
  thread: (schoolId: string, threadId: string) => `/messages/${seg(threadId)}?school=${seg(schoolId)}`,
  write: (schoolId: string, to?: string) => `/messages/new?school=${seg(schoolId)}${to ? `&to=${seg(to)}` : ''}`,
  announce: (schoolId: string) => `/messages/announce?school=${seg(schoolId)}`,
};

export const MESSAGES_TEXT = {
  title: 'Сообщения',
  inbox: 'Переписки и объявления',
  empty: 'Сообщений пока нет.',
  write: 'Написать сообщение',
  announce: 'Объявление родителям',
  announcement: 'Объявление',
  unread: (n: number) => `непрочитанных: ${n}`,
  badge: (n: number) => `, непрочитанных сообщений: ${n}`,
  from: 'Собеседник',
  to: 'Кому',
  subject: 'Тема',
  text: 'Текст сообщения',
  textHint: (max: number) => `До ${max} знаков. Адреса сайтов (https://…) станут ссылками.`,
  send: 'Отправить',
  sending: 'Отправляется…',
  publish: 'Опубликовать объявление',
  chooseRecipient: 'Выберите получателя',
  familiesOf: 'Родители класса',
  noClass: 'Работники школы',
  chooseClass: 'Чьи родители',
  audience: 'Кому объявление',
  reply: 'Ваш ответ',
  replySend: 'Ответить',
  noReply: 'На объявление не отвечают: чтобы задать вопрос, напишите автору отдельное сообщение.',
  writeToAuthor: 'Написать автору',
  receipts: 'Кто прочитал',
  readBy: (n: number, of: number) => `Прочитали ${n} из ${of}`,
  notYet: 'Ещё не прочитали',
  readAt: 'Прочитано',
  name: 'Имя',
  messagesOf: 'Сообщения переписки',
  you: 'Вы',
  participants: 'Участники',
  recipientCount: (n: number) => `Получателей: ${n}`,
  sent: 'Сообщение отправлено.',
  noContacts: 'Написать пока некому: учителя появятся, когда заместитель директора заполнит нагрузку классов.',
  nobodyHere: 'Сообщения доступны работникам, обучающимся и родителям школы.',
} as const;

/**
 * Request and response schemas of messages (issue 12, item 2). Messages are Russian: the screen
 * shows them as they are. Lengths are checked again by the domain after cleaning the text.
 */
import * as z from 'zod';
import { SUBJECT_MAX, TEXT_MAX } from '../../shared/domain/messages';
import { idParam } from '../schemas';

const text = (what: string, max: number) => z.string({ error: `${what}: ожидается текст.` }).max(max, `${what}: не длиннее ${max} знаков.`);

export const startBody = z.object({
  to: idParam('Получатель'),
  subject: text('Тема', SUBJECT_MAX),
  text: text('Сообщение', TEXT_MAX),
});

const grade = z.number({ error: 'Параллель: ожидается число.' }).int('Параллель — целое число.').min(1, 'Параллель — от 1 до 11.').max(11, 'Параллель — от 1 до 11.');
const announcement = { subject: text('Тема', SUBJECT_MAX), text: text('Объявление', TEXT_MAX) };

/** Flat, so that the adapter's `peek` reads the scope and class before the body is validated. */
export const announceBody = z.discriminatedUnion(
  'scope',
  [
    z.object({ scope: z.literal('class'), classId: idParam('Класс'), ...announcement }),
    z.object({ scope: z.literal('grade'), grade, ...announcement }),
    z.object({ scope: z.literal('school'), ...announcement }),
  ],
  { error: 'Кому объявление: классу (class), параллели (grade) или всей школе (school).' },
);
export const replyBody = z.object({ text: text('Сообщение', TEXT_MAX) });
export const contactsQuery = z.object({ classId: idParam('Класс').optional() });

const entry = z.object({
  threadId: z.string(),
  kind: z.enum(['direct', 'announcement']),
  subject: z.string(),
  counterpart: z.string(),
  lastAt: z.string(),
  preview: z.string(),
  unread: z.number(),
});

export const inboxResponse = z.object({ unread: z.number(), threads: z.array(entry) });
export const unreadResponse = z.object({ unread: z.number() });

export const threadResponse = z.object({
  thread: z.object({
    threadId: z.string(),
    kind: z.enum(['direct', 'announcement']),
    subject: z.string(),
    authorId: z.string(),
    authorName: z.string(),
    createdAt: z.string(),
    participants: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
    audienceLabel: z.string().optional(),
    recipientCount: z.number().optional(),
  }),
  messages: z.array(z.object({ messageId: z.string(), authorName: z.string(), mine: z.boolean(), text: z.string(), at: z.string() })),
  canReply: z.boolean(),
  canSeeReceipts: z.boolean(),
});

export const receiptsResponse = z.object({
  recipientCount: z.number(),
  read: z.array(z.object({ name: z.string(), readAt: z.string() })),
  unread: z.array(z.object({ name: z.string() })),
});

export const contactsResponse = z.object({
  people: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
  classes: z.array(z.object({ classId: z.string(), name: z.string() })),
  audiences: z.array(
    z.object({ scope: z.enum(['class', 'grade', 'school']), classId: z.string().optional(), grade: z.number().optional(), label: z.string() }),
  ),
});

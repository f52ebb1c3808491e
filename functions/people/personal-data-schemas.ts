/** Request and response schemas of personal-data routes: the access log, consent withdrawal. */
import * as z from 'zod';
import { dateRangeQueryWith, idParam } from '../schemas';

export const accessLogQuery = dateRangeQueryWith({
  studentId: idParam('Обучающийся').optional(),
  // The sort key of the last entry of the page before: an instant and a short random tail.
  after: z
    .string({ error: 'Неверная ссылка на следующую страницу: откройте журнал доступа заново.' })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9a-f]{8}$/, 'Неверная ссылка на следующую страницу: откройте журнал доступа заново.')
    .optional(),
});

export const accessLogResponse = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      atText: z.string(),
      actorName: z.string(),
      kind: z.enum(['view', 'export']),
      kindTitle: z.string(),
      what: z.string(),
      students: z.array(z.object({ studentId: z.string(), name: z.string() })),
    }),
  ),
  after: z.string().nullable(),
});

export const withdrawConsentBody = z.object({
  version: z.number({ error: 'Не указана версия карточки (обновите страницу).' }).int('Неверная версия карточки.').min(0, 'Неверная версия карточки.'),
  date: z.string({ error: 'Укажите дату отзыва согласия.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата отзыва согласия: дата в формате ГГГГ-ММ-ДД.'),
  document: z.string({ error: 'Опишите документ об отзыве согласия.' }).max(300, 'Документ об отзыве согласия: не длиннее 300 символов.'),
});

export const withdrawConsentResponse = z.object({
  studentId: z.string(),
  consentWithdrawn: z.object({ date: z.string(), document: z.string(), recordedByName: z.string() }),
  /** Accounts whose access ended with the withdrawal. */
  closedAccounts: z.array(z.string()),
  version: z.number(),
});

export const checkResponse = z.object({
  since: z.string(),
  sinceText: z.string(),
  lastCheck: z.object({ checkedAtText: z.string(), checkedByName: z.string(), changedCards: z.number() }).nullable(),
  cards: z.array(
    z.object({
      studentId: z.string(),
      name: z.string(),
      className: z.string(),
      changes: z.array(z.string()),
      lastChangeAt: z.string(),
      lastChangeText: z.string(),
      lastChangedBy: z.string(),
    }),
  ),
  /** The version of the last check; recording the next one names it. */
  version: z.number(),
});

export const recordCheckBody = z.object({
  version: z.number({ error: 'Не указана версия последней проверки (обновите страницу).' }).int('Неверная версия проверки.').min(0, 'Неверная версия проверки.'),
});

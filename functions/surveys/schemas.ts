/**
 * Request and response schemas of parent surveys (issue 12, item 3). Shapes only; the rules (counts,
 * lengths, the closing time) are the domain's, which the service applies after these.
 */
import * as z from 'zod';
import { FREE_TEXT_MAX, OPTION_MAX, QUESTION_KINDS, QUESTION_MAX, QUESTIONS_MAX, OPTIONS_MAX, TITLE_MAX } from '../../shared/domain/surveys';

const text = (what: string, max: number) => z.string({ error: `${what}: ожидается текст.` }).max(max, `${what}: не длиннее ${max} знаков.`);

export const createBody = z.object({
  title: text('Название', TITLE_MAX),
  anonymous: z.boolean({ error: 'Укажите, анонимный ли опрос.' }),
  closesAt: z.iso.datetime({ offset: true, error: 'Когда опрос закроется: дата и время в формате ISO 8601.' }),
  questions: z
    .array(
      z.object({
        kind: z.enum(QUESTION_KINDS, { error: 'Вид вопроса: single (один вариант), multiple (несколько) или text (свободный ответ).' }),
        text: text('Вопрос', QUESTION_MAX),
        options: z.array(text('Вариант ответа', OPTION_MAX)).max(OPTIONS_MAX, `Не больше ${OPTIONS_MAX} вариантов ответа.`).default([]),
      }),
      { error: 'Укажите вопросы опроса.' },
    )
    .max(QUESTIONS_MAX, `Не больше ${QUESTIONS_MAX} вопросов.`),
});

const part = z.object({
  questionId: z.string({ error: 'Вопрос: укажите его номер.' }).regex(/^q\d{1,2}$/, 'Вопрос: неверный номер.'),
  choices: z.array(z.number({ error: 'Вариант ответа: ожидается номер.' }).int('Вариант ответа: ожидается номер.')).max(OPTIONS_MAX, 'Слишком много вариантов.').optional(),
  text: text('Ответ', FREE_TEXT_MAX).optional(),
});

export const answerBody = z.object({
  parts: z.array(part, { error: 'Укажите ответы на вопросы.' }).max(QUESTIONS_MAX, 'Слишком много ответов.'),
  version: z.number({ error: 'Версия ответа: ожидается число.' }).int('Версия ответа — целое число.').min(1, 'Версия ответа — не меньше 1.').optional(),
});

const summary = z.object({
  surveyId: z.string(),
  classId: z.string(),
  className: z.string(),
  title: z.string(),
  anonymous: z.boolean(),
  closesAt: z.string(),
  open: z.boolean(),
  answerCount: z.number(),
  answered: z.boolean().optional(),
});
const question = z.object({ questionId: z.string(), kind: z.enum(QUESTION_KINDS), text: z.string(), options: z.array(z.string()) });
const answerPart = z.object({ questionId: z.string(), choices: z.array(z.number()).optional(), text: z.string().optional() });

export const listResponse = z.object({ asking: z.array(summary), asked: z.array(summary) });
export const createResponse = z.object({ survey: summary });
export const surveyResponse = z.object({
  survey: summary.extend({ questions: z.array(question), authorName: z.string() }),
  mine: z.object({ parts: z.array(answerPart), version: z.number() }).optional(),
  answered: z.boolean().optional(),
});
export const resultsResponse = z.object({
  survey: summary.extend({ authorName: z.string() }),
  answered: z.number(),
  shown: z.boolean(),
  anonymousMin: z.number(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      kind: z.enum(QUESTION_KINDS),
      text: z.string(),
      options: z.array(z.object({ text: z.string(), count: z.number(), percent: z.number() })),
      texts: z.array(z.string()),
    }),
  ),
  rows: z.array(z.object({ parentName: z.string(), childNames: z.array(z.string()), answers: z.array(z.string()) })),
});

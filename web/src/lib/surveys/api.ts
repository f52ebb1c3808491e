/**
 * Parent surveys on the screens (issue 12, item 3): API calls with types inferred from the server's
 * schemas, addresses and words. Plain TypeScript.
 */
import type { z } from 'zod';
import type { createResponse, listResponse, resultsResponse, surveyResponse } from '../../../../functions/surveys/schemas';
import type { AnswerPart, QuestionKind } from '../../../../shared/domain/surveys';
import { send } from '../api';

export type SurveyList = z.infer<typeof listResponse>;
export type SurveySummary = SurveyList['asked'][number];
export type SurveyView = z.infer<typeof surveyResponse>;
export type SurveyResults = z.infer<typeof resultsResponse>;

const seg = encodeURIComponent;
const school = (schoolId: string) => `/api/schools/${seg(schoolId)}`;

export interface SurveyDraftBody {
  title: string;
  anonymous: boolean;
  closesAt: string;
  questions: Array<{ kind: QuestionKind; text: string; options: string[] }>;
}

export const surveysApi = {
  list: (schoolId: string) => send<SurveyList>('GET', `${school(schoolId)}/surveys`),
  create: (schoolId: string, classId: string, body: SurveyDraftBody) => send<z.infer<typeof createResponse>>('POST', `${school(schoolId)}/classes/${seg(classId)}/surveys`, body),
  get: (schoolId: string, surveyId: string) => send<SurveyView>('GET', `${school(schoolId)}/surveys/${seg(surveyId)}`),
  answer: (schoolId: string, surveyId: string, body: { parts: AnswerPart[]; version?: number }) => send<SurveyView>('PUT', `${school(schoolId)}/surveys/${seg(surveyId)}/answer`, body),
  results: (schoolId: string, surveyId: string) => send<SurveyResults>('GET', `${school(schoolId)}/surveys/${seg(surveyId)}/results`),
};

export const surveysPaths = {
  list: (schoolId: string) => `/surveys?school=${seg(schoolId)}`,
  create: (schoolId: string, classId?: string) => `/surveys/new?school=${seg(schoolId)}${classId ? `&class=${seg(classId)}` : ''}`,
  answer: (schoolId: string, surveyId: string) => `/surveys/${seg(surveyId)}?school=${seg(schoolId)}`,
  results: (schoolId: string, surveyId: string) => `/surveys/${seg(surveyId)}/results?school=${seg(schoolId)}`,
};

export const SURVEYS_TEXT = {
  title: 'Опросы',
  asking: 'Опросы ваших классов',
  asked: 'Опросы для родителей',
  none: 'Опросов пока нет.',
  create: 'Новый опрос',
  createFor: (cls: string) => `Новый опрос родителей ${cls}`,
  results: 'Итоги',
  answer: 'Ответить',
  change: 'Изменить ответ',
  answered: 'вы ответили',
  notAnswered: 'ждёт вашего ответа',
  closes: (when: string) => `до ${when}`,
  closed: 'закрыт',
  anonymous: 'анонимный',
  named: 'не анонимный',
  answers: (n: number) => `ответов: ${n}`,
  surveyTitle: 'Название опроса',
  cls: 'Класс',
  anonymousLabel: 'Анонимный опрос: никто, даже автор, не узнает, кто как ответил',
  closesDate: 'Закрывается: дата',
  closesTime: 'Время',
  questions: 'Вопросы',
  question: (n: number) => `Вопрос ${n}`,
  questionText: 'Текст вопроса',
  kind: 'Вид ответа',
  options: 'Варианты ответа (каждый с новой строки)',
  addQuestion: 'Добавить вопрос',
  removeQuestion: (n: number) => `Убрать вопрос ${n}`,
  publish: 'Опубликовать опрос',
  published: 'Опрос опубликован.',
  send: 'Отправить ответ',
  saveChange: 'Сохранить изменённый ответ',
  saved: 'Ответ сохранён. Его можно изменить, пока опрос открыт.',
  freeText: 'Ваш ответ (необязательно)',
  isClosed: 'Опрос закрыт: ответить или изменить ответ уже нельзя.',
  anonymousNote: 'Опрос анонимный: ваш ответ хранится без вашего имени.',
  namedNote: 'Опрос не анонимный: классный руководитель увидит ваш ответ с вашим именем.',
  notShown: (min: number, n: number) => `Итоги анонимного опроса видны, когда ответят не меньше ${min} родителей (сейчас ${n}): иначе по ним можно узнать, кто как ответил.`,
  chart: 'Диаграмма',
  option: 'Вариант',
  count: 'Ответов',
  percent: 'Доля',
  texts: 'Свободные ответы',
  table: 'Ответы родителей',
  parent: 'Родитель',
  children: 'Дети',
  nobody: 'Опросы видят классные руководители и родители.',
} as const;

/**
 * Surveys as stored (issue 12, item 3): one partition per survey holds its head, its answers and the
 * has-answered markers; the head is also on its class's list (gsi2), newest first.
 *
 * A first answer is ONE transaction: the marker created only if absent (a parent answers once, two
 * tabs at once included), the answer, the head's count and the audit record (that the parent
 * answered, never what). A changed answer is a Put on the version read. An anonymous survey's answer
 * item carries no parent id, name or time: its key is a keyed hash the service computes.
 */
import type { Principal } from '../auth/roles';
import { tableName } from '../db/client';
import { keys } from '../db/keys';
import { batchGet, getItem, queryAll, queryPrefix, stripKeys, type Item } from '../db/query';
import { CREATE_ONLY, putOp, transact, transactIf, versionCondition } from '../db/transact';
import type { AnswerPart, Question } from '../domain/surveys';
import { auditPut } from './audit';

export interface StoredSurvey {
  schoolId: string;
  surveyId: string;
  classId: string;
  className: string;
  title: string;
  anonymous: boolean;
  closesAt: string;
  questions: Question[];
  authorId: string;
  authorName: string;
  createdAt: string;
  answerCount: number;
}

export interface StoredAnswer {
  answerKey: string;
  parts: AnswerPart[];
  version: number;
  /** Named surveys only: who answered, and for which children. */
  parentId?: string;
  parentName?: string;
  childNames?: string[];
}

type Actor = Pick<Principal, 'userId' | 'displayName'>;
const HEAD = 'survey';
const ANSWER = 'surveyAnswer';
const MARKER = 'surveyRespondent';
const entity = (s: Pick<StoredSurvey, 'surveyId'>) => `SURVEY#${s.surveyId}`;

/** The survey's head as stored (with its place on the class's list). */
export function surveyItem(s: StoredSurvey): Item {
  return { ...keys.survey(s.schoolId, s.surveyId), ...keys.surveysOfClass(s.schoolId, s.classId, s.createdAt, s.surveyId), type: HEAD, ...s };
}

export async function createSurvey(s: StoredSurvey, actor: Actor, at: Date): Promise<void> {
  await transact([
    putOp(surveyItem(s), CREATE_ONLY),
    auditPut({ schoolId: s.schoolId, actor, action: 'survey.create', entity: entity(s), after: { classId: s.classId, title: s.title, anonymous: s.anonymous, closesAt: s.closesAt }, at }),
  ]);
}

export async function getSurvey(sch: string, surveyId: string): Promise<StoredSurvey | null> {
  return stripKeys<StoredSurvey>((await getItem(keys.survey(sch, surveyId), { consistent: true })) ?? undefined, HEAD);
}

/** A class's surveys, newest first: one Query of gsi2. */
export async function listSurveysOfClass(sch: string, classId: string): Promise<StoredSurvey[]> {
  const items = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.surveysOfClassPartition(sch, classId) },
    ScanIndexForward: false,
  });
  return items.flatMap((i) => stripKeys<StoredSurvey>(i, HEAD) ?? []);
}

/** Which of these surveys the parent has answered: one BatchGetItem of their markers. */
export async function answeredSurveys(sch: string, surveyIds: readonly string[], parentId: string): Promise<Set<string>> {
  if (surveyIds.length === 0) return new Set();
  const items = await batchGet(surveyIds.map((id) => keys.surveyRespondent(sch, id, parentId)));
  return new Set(items.map((i) => String(i.surveyId)));
}

/** The parent's marker and answer, in one BatchGetItem. */
export async function getOwnAnswer(sch: string, surveyId: string, parentId: string, answerKey: string): Promise<{ answered: boolean; answer: StoredAnswer | null }> {
  const mk = keys.surveyRespondent(sch, surveyId, parentId);
  const ak = keys.surveyAnswer(sch, surveyId, answerKey);
  const items = await batchGet([mk, ak], { consistent: true });
  const find = (k: { pk: string; sk: string }) => items.find((i) => i.pk === k.pk && i.sk === k.sk);
  return { answered: !!find(mk), answer: stripKeys<StoredAnswer>(find(ak), ANSWER) };
}

/** Every answer of a survey: one Query (a class has at most a few dozen parents). */
export async function listAnswers(sch: string, surveyId: string): Promise<StoredAnswer[]> {
  const items = await queryPrefix(keys.surveyPartition(sch, surveyId), keys.surveyAnswersPrefix(), { consistent: true });
  return items.flatMap((i) => stripKeys<StoredAnswer>(i, ANSWER) ?? []);
}

/**
 * Stores an answer: a first one (`expectedVersion` undefined) with its marker and the head's count,
 * a change on the version read. False when another answer or change got there first.
 */
export async function saveAnswer(s: StoredSurvey, parentId: string, answer: StoredAnswer, expectedVersion: number | undefined, actor: Actor, at: Date): Promise<boolean> {
  const sch = s.schoolId;
  const item = { ...keys.surveyAnswer(sch, s.surveyId, answer.answerKey), type: ANSWER, ...answer };
  const audit = auditPut({ schoolId: sch, actor, action: expectedVersion === undefined ? 'survey.answer' : 'survey.changeAnswer', entity: entity(s), at });
  const ops =
    expectedVersion === undefined
      ? [
          putOp({ ...keys.surveyRespondent(sch, s.surveyId, parentId), type: MARKER, surveyId: s.surveyId, parentId }, CREATE_ONLY),
          putOp(item, CREATE_ONLY),
          {
            Update: {
              TableName: tableName(),
              Key: keys.survey(sch, s.surveyId),
              UpdateExpression: 'ADD answerCount :one',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          audit,
        ]
      : [putOp(item, versionCondition(expectedVersion)), audit];
  return transactIf(ops);
}

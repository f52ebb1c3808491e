/**
 * Surveys of a class's parents (issue 12, item 3; clause 5; R-51): the class teacher publishes one,
 * each parent of the class answers once and may change the answer until it closes, and the results
 * are tallied for a chart and a table. Rules are the domain's (shared/domain/surveys.ts).
 *
 * Anonymous surveys: the answer is stored under HMAC(key, school, survey, parent), with the session
 * signing key as the key, so that the parent can find and change their own answer while the table
 * holds no parent id beside an answer: reading the table (or the results) does not tell who
 * answered what, and without the key the hash cannot be tried against the school's parents.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { signingKey } from '../auth/signing-key';
import type { Principal } from '../auth/roles';
import type { SurveyObject } from '../auth/rules/messages';
import { checkAnswer, isOpen, resultsShown, storedDraft, surveyProblems, tally, ANONYMOUS_MIN, type AnswerPart, type QuestionResult, type SurveyDraft } from '../domain/surveys';
import { BadRequestError, ConflictError, LockedError, NotFoundError } from '../errors';
import { answeredSurveys, createSurvey as storeSurvey, getOwnAnswer, getSurvey, listAnswers, listSurveysOfClass, saveAnswer, type StoredAnswer, type StoredSurvey } from '../repos/surveys';
import { className, getStudentCards, type School, type SchoolClass } from '../repos/school';

const schoolObject = (school: School) => ({ departmentId: school.departmentId, schoolId: school.schoolId });
const childIdsIn = (p: Principal, sch: string) => p.grants.flatMap((g) => (g.role === 'parent' && g.schoolId === sch ? [g.studentId] : []));

/** The caller's children's cards in the school (one BatchGetItem; none for staff). */
async function childrenOf(p: Principal, sch: string) {
  const ids = childIdsIn(p, sch);
  return ids.length ? getStudentCards(ids.map((studentId) => ({ schoolId: sch, studentId }))) : [];
}

/** A survey on a list: the stored head's own fields, whether it is open now, and (for a parent) whether they have answered. */
export type SurveySummary = Pick<StoredSurvey, 'surveyId' | 'classId' | 'className' | 'title' | 'anonymous' | 'closesAt' | 'answerCount'> & {
  open: boolean;
  answered?: boolean;
};

const summary = (s: StoredSurvey, now: Date, answered?: boolean): SurveySummary => ({
  surveyId: s.surveyId, classId: s.classId, className: s.className, title: s.title, anonymous: s.anonymous, closesAt: s.closesAt, open: isOpen(s, now), answerCount: s.answerCount,
  ...(answered === undefined ? {} : { answered }),
});

/** The surveys the caller asks (classes they lead) and those they are asked (their children's classes). */
export async function listSurveys(p: Principal, school: School, now: Date): Promise<{ asking: SurveySummary[]; asked: SurveySummary[] }> {
  const sch = school.schoolId;
  const led = p.grants.flatMap((g) => (g.role === 'classTeacher' && g.schoolId === sch ? [g.classId] : []));
  const children = await childrenOf(p, sch);
  const childClasses = [...new Set(children.map((c) => c.classId))];
  const [asking, asked] = await Promise.all([Promise.all(led.map((c) => listSurveysOfClass(sch, c))), Promise.all(childClasses.map((c) => listSurveysOfClass(sch, c)))]);
  const askedList = asked.flat();
  const done = await answeredSurveys(sch, askedList.map((s) => s.surveyId), p.userId);
  return { asking: asking.flat().map((s) => summary(s, now)), asked: askedList.map((s) => summary(s, now, done.has(s.surveyId))) };
}

export async function createSurvey(p: Principal, school: School, cls: SchoolClass, draft: SurveyDraft, now: Date): Promise<SurveySummary> {
  const problems = surveyProblems(draft, now);
  if (problems.length) throw new BadRequestError(problems.map((x) => x.message).join(' '), { problems });
  const s: StoredSurvey = {
    schoolId: school.schoolId,
    surveyId: `s${randomBytes(8).toString('hex')}`,
    classId: cls.classId,
    className: className(cls),
    ...storedDraft(draft),
    authorId: p.userId,
    authorName: p.displayName,
    createdAt: now.toISOString(),
    answerCount: 0,
  };
  await storeSurvey(s, p, now);
  return summary(s, now);
}

export const NO_SURVEY = 'Опрос не найден.';

/** The survey and what `survey.*` is checked on (the caller's children's classes included). */
export async function loadSurvey(p: Principal, school: School, surveyId: string): Promise<{ survey: StoredSurvey | null; access: SurveyObject }> {
  const [survey, children] = await Promise.all([getSurvey(school.schoolId, surveyId), childrenOf(p, school.schoolId)]);
  return {
    survey,
    access: { ...schoolObject(school), classId: survey?.classId ?? '', authorId: survey?.authorId ?? '', askerChildClassIds: survey ? children.map((c) => c.classId) : [] },
  };
}

/** Where a parent's answer lives: their id (named) or a keyed hash of it (anonymous, see the header). */
async function answerKeyOf(s: StoredSurvey, parentId: string): Promise<string> {
  if (!s.anonymous) return parentId;
  return createHmac('sha256', await signingKey()).update(`survey-answer\u0000${s.schoolId}\u0000${s.surveyId}\u0000${parentId}`).digest('base64url').slice(0, 32);
}

export interface SurveyView {
  survey: SurveySummary & { questions: StoredSurvey['questions']; authorName: string };
  /** The parent's own answer, with its version for a change. */
  mine?: { parts: AnswerPart[]; version: number };
  answered?: boolean;
}

export async function surveyView(p: Principal, s: StoredSurvey, asParent: boolean, now: Date): Promise<SurveyView> {
  const view: SurveyView = { survey: { ...summary(s, now), questions: s.questions, authorName: s.authorName } };
  if (!asParent) return view;
  const own = await getOwnAnswer(s.schoolId, s.surveyId, p.userId, await answerKeyOf(s, p.userId));
  return { ...view, answered: own.answered, ...(own.answer ? { mine: { parts: own.answer.parts, version: own.answer.version } } : {}) };
}

/**
 * Answers (no `version`) or changes the answer (`version` of the one read) while the survey is
 * open. A second first answer, or a change from a stale version, is a 409 with the stored one.
 */
export async function answerSurvey(p: Principal, school: School, s: StoredSurvey, input: { parts: AnswerPart[]; version?: number }, now: Date): Promise<SurveyView> {
  if (!isOpen(s, now)) throw new LockedError('Опрос закрыт: ответить или изменить ответ уже нельзя.');
  const { problems, answer } = checkAnswer(s.questions, input.parts);
  if (problems.length) throw new BadRequestError(problems.map((x) => x.message).join(' '), { problems });
  const key = await answerKeyOf(s, p.userId);
  const named = s.anonymous
    ? {}
    : {
        parentId: p.userId,
        parentName: p.displayName,
        childNames: (await childrenOf(p, school.schoolId)).filter((c) => c.classId === s.classId).map((c) => `${c.lastName} ${c.firstName}`),
      };
  const stored: StoredAnswer = { answerKey: key, parts: answer, version: (input.version ?? 0) + 1, ...named };
  if (!(await saveAnswer(s, p.userId, stored, input.version, p, now))) {
    const current = await surveyView(p, s, true, now);
    throw new ConflictError(
      input.version === undefined ? 'Вы уже ответили на этот опрос: ответ можно изменить.' : 'Ответ уже изменён в другом окне: обновите страницу.',
      current,
    );
  }
  return surveyView(p, (await getSurvey(school.schoolId, s.surveyId)) ?? s, true, now);
}

export interface SurveyResults {
  survey: SurveySummary & { authorName: string };
  answered: number;
  /** False for an anonymous survey until ANONYMOUS_MIN parents have answered. */
  shown: boolean;
  anonymousMin: number;
  questions: QuestionResult[];
  /** Named surveys only: each parent's answers, in the questions' order, as text. */
  rows: Array<{ parentName: string; childNames: string[]; answers: string[] }>;
}

export async function surveyResults(s: StoredSurvey, now: Date): Promise<SurveyResults> {
  const answers = await listAnswers(s.schoolId, s.surveyId);
  const shown = resultsShown(s.anonymous, answers.length);
  const base = { survey: { ...summary(s, now), authorName: s.authorName }, answered: answers.length, shown, anonymousMin: ANONYMOUS_MIN };
  if (!shown) return { ...base, questions: [], rows: [] };
  // An anonymous survey's answers are read in key order (a hash): no order of arrival survives.
  const questions = tally(s.questions, answers.map((a) => a.parts));
  const cell = (a: StoredAnswer, qi: number) => {
    const q = s.questions[qi]!;
    const part = a.parts.find((x) => x.questionId === q.questionId);
    return q.kind === 'text' ? (part?.text ?? '') : (part?.choices ?? []).map((c) => q.options[c] ?? '').join('; ');
  };
  const rows = s.anonymous
    ? []
    : answers
        .map((a) => ({ parentName: a.parentName ?? '', childNames: a.childNames ?? [], answers: s.questions.map((_q, i) => cell(a, i)) }))
        .sort((x, y) => x.parentName.localeCompare(y.parentName, 'ru'));
  return { ...base, questions, rows };
}

export function notFound(): never {
  throw new NotFoundError(NO_SURVEY);
}

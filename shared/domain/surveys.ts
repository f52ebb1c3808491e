/**
 * Surveys of a class's parents (issue 12, item 3; clause 5; R-51): the class teacher asks, each
 * parent answers once and may change the answer until the survey closes. Pure: `now` is passed in.
 *
 * Anonymity: an anonymous survey's answers never name the parent (the repository stores them under
 * a keyed hash, and a separate marker says only that the parent has answered), and its results are
 * shown only once ANONYMOUS_MIN parents have answered: with one or two answers the author could tell
 * who answered what by elimination.
 */

export const TITLE_MAX = 200;
export const QUESTION_MAX = 300;
export const OPTION_MAX = 200;
export const FREE_TEXT_MAX = 1000;
export const QUESTIONS_MAX = 20;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 10;
export const ANONYMOUS_MIN = 3;
/** A survey stays open at most this long: parents' opinions go stale. */
export const OPEN_DAYS_MAX = 90;

export const QUESTION_KINDS = ['single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const KIND_LABELS: Record<QuestionKind, string> = {
  single: 'Один вариант',
  multiple: 'Несколько вариантов',
  text: 'Свободный ответ',
};

export interface Question {
  questionId: string;
  kind: QuestionKind;
  text: string;
  /** Choices of a single/multiple question; none for free text. */
  options: string[];
}

export interface SurveyDraft {
  title: string;
  anonymous: boolean;
  /** ISO instant the survey closes at. */
  closesAt: string;
  questions: Array<Omit<Question, 'questionId'>>;
}

/** One question's answer: the chosen options' indexes, or the free text. */
export interface AnswerPart {
  questionId: string;
  choices?: number[];
  text?: string;
}

export interface Problem {
  field: string;
  message: string;
}

/** Every problem of a draft, in Russian; empty when it may be published. */
export function surveyProblems(d: SurveyDraft, now: Date): Problem[] {
  const out: Problem[] = [];
  const title = d.title.trim();
  if (!title) out.push({ field: 'title', message: 'Укажите название опроса.' });
  if (title.length > TITLE_MAX) out.push({ field: 'title', message: `Название — не длиннее ${TITLE_MAX} знаков.` });
  const closes = Date.parse(d.closesAt);
  if (Number.isNaN(closes)) out.push({ field: 'closesAt', message: 'Укажите, когда опрос закроется.' });
  else if (closes <= now.getTime()) out.push({ field: 'closesAt', message: 'Опрос должен закрыться позже, чем сейчас.' });
  else if (closes > now.getTime() + OPEN_DAYS_MAX * 86_400_000) out.push({ field: 'closesAt', message: `Опрос может длиться не больше ${OPEN_DAYS_MAX} дней.` });
  if (d.questions.length === 0) out.push({ field: 'questions', message: 'Добавьте хотя бы один вопрос.' });
  if (d.questions.length > QUESTIONS_MAX) out.push({ field: 'questions', message: `Не больше ${QUESTIONS_MAX} вопросов.` });
  d.questions.forEach((q, i) => {
    const n = `Вопрос ${i + 1}`;
    if (!q.text.trim()) out.push({ field: `questions.${i}.text`, message: `${n}: напишите вопрос.` });
    if (q.text.length > QUESTION_MAX) out.push({ field: `questions.${i}.text`, message: `${n}: не длиннее ${QUESTION_MAX} знаков.` });
    if (q.kind === 'text') return;
    const options = q.options.map((o) => o.trim());
    if (options.length < OPTIONS_MIN || options.length > OPTIONS_MAX) out.push({ field: `questions.${i}.options`, message: `${n}: от ${OPTIONS_MIN} до ${OPTIONS_MAX} вариантов ответа.` });
    if (options.some((o) => !o)) out.push({ field: `questions.${i}.options`, message: `${n}: вариант ответа не может быть пустым.` });
    if (options.some((o) => o.length > OPTION_MAX)) out.push({ field: `questions.${i}.options`, message: `${n}: вариант — не длиннее ${OPTION_MAX} знаков.` });
    if (new Set(options).size !== options.length) out.push({ field: `questions.${i}.options`, message: `${n}: варианты ответа повторяются.` });
  });
  return out;
}

/** The questions as stored: numbered q1…, trimmed, free text without options. */
export function numberQuestions(qs: SurveyDraft['questions']): Question[] {
  return qs.map((q, i) => ({ questionId: `q${i + 1}`, kind: q.kind, text: q.text.trim(), options: q.kind === 'text' ? [] : q.options.map((o) => o.trim()) }));
}

/** A checked draft as it is kept: the title trimmed, the closing instant in ISO form, the questions numbered. */
export function storedDraft(draft: SurveyDraft): Omit<SurveyDraft, 'questions'> & { questions: Question[] } {
  return { title: draft.title.trim(), anonymous: draft.anonymous, closesAt: new Date(Date.parse(draft.closesAt)).toISOString(), questions: numberQuestions(draft.questions) };
}

export const isOpen = (s: { closesAt: string }, now: Date) => now.getTime() < Date.parse(s.closesAt);

/**
 * Every problem of an answer: a single-choice question needs exactly one choice, a multiple-choice
 * one at least one, a free text may be empty. Returns the answer as stored (one part per question,
 * in order) when there is none.
 */
export function checkAnswer(questions: readonly Question[], parts: readonly AnswerPart[]): { problems: Problem[]; answer: AnswerPart[] } {
  const problems: Problem[] = [];
  const byId = new Map(parts.map((p) => [p.questionId, p]));
  for (const p of parts) if (!questions.some((q) => q.questionId === p.questionId)) problems.push({ field: 'answers', message: 'В ответе есть вопрос, которого нет в опросе.' });
  const answer = questions.map((q, i): AnswerPart => {
    const n = `Вопрос ${i + 1}`;
    const p = byId.get(q.questionId);
    if (q.kind === 'text') {
      const text = (p?.text ?? '').trim();
      if (text.length > FREE_TEXT_MAX) problems.push({ field: `answers.${q.questionId}`, message: `${n}: ответ — не длиннее ${FREE_TEXT_MAX} знаков.` });
      return { questionId: q.questionId, text };
    }
    const choices = [...new Set(p?.choices ?? [])].sort((a, b) => a - b);
    if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= q.options.length)) problems.push({ field: `answers.${q.questionId}`, message: `${n}: нет такого варианта ответа.` });
    else if (q.kind === 'single' && choices.length !== 1) problems.push({ field: `answers.${q.questionId}`, message: `${n}: выберите один вариант.` });
    else if (q.kind === 'multiple' && choices.length === 0) problems.push({ field: `answers.${q.questionId}`, message: `${n}: выберите хотя бы один вариант.` });
    return { questionId: q.questionId, choices };
  });
  return { problems, answer };
}

export interface QuestionResult {
  questionId: string;
  kind: QuestionKind;
  text: string;
  /** Per option: its text, how many chose it and the share of those who answered, in whole percent. */
  options: Array<{ text: string; count: number; percent: number }>;
  /** Free-text answers that are not empty; for an anonymous survey in no particular order. */
  texts: string[];
}

/** The results of a survey over its answers (no identities in or out). */
export function tally(questions: readonly Question[], answers: ReadonlyArray<readonly AnswerPart[]>): QuestionResult[] {
  const total = answers.length;
  return questions.map((q) => {
    const parts = answers.map((a) => a.find((p) => p.questionId === q.questionId));
    const options = q.options.map((text, i) => {
      const count = parts.filter((p) => p?.choices?.includes(i)).length;
      return { text, count, percent: total ? Math.round((count * 100) / total) : 0 };
    });
    const texts = q.kind === 'text' ? parts.flatMap((p) => (p?.text ? [p.text] : [])) : [];
    return { questionId: q.questionId, kind: q.kind, text: q.text, options, texts };
  });
}

/** Whether an anonymous survey's results may be shown yet (see the header). */
export const resultsShown = (anonymous: boolean, answered: number) => !anonymous || answered >= ANONYMOUS_MIN;

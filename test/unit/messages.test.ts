/**
 * The pure rules of messages and surveys (issue 12, items 2-3): who is linked with whom, how a
 * message's text is cut into text and links (nothing but http(s) becomes a link), and how answers
 * are checked and tallied.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, linked, messageProblem, textParts, type MessageParty } from '../../shared/domain/messages';
import { closesAtOf, draftBody } from '../../web/src/lib/surveys/draft';
import { checkAnswer, numberQuestions, resultsShown, surveyProblems, tally } from '../../shared/domain/surveys';

const party = (userId: string, over: Partial<MessageParty> = {}): MessageParty => ({ userId, staff: false, administration: false, ledClassIds: [], familyClasses: [], ...over });
const fiveA = { classId: '5a', classTeacherId: 'ct', teacherIds: ['math'] };
const parent = party('p1', { familyClasses: [fiveA] });

describe('who may write to whom', () => {
  it('should link a family with the class teacher, the subject teachers and the administration of its classes only', () => {
    expect(linked(parent, party('ct', { staff: true, ledClassIds: ['5a'] }))).toBe(true);
    expect(linked(party('math', { staff: true }), parent)).toBe(true);
    expect(linked(parent, party('dir', { staff: true, administration: true }))).toBe(true);
    expect(linked(parent, party('bio', { staff: true }))).toBe(false);
    expect(linked(parent, party('ct8', { staff: true, ledClassIds: ['8b'] }))).toBe(false);
  });

  it('should never link two families, nor a person with themself; staff are linked with each other', () => {
    expect(linked(parent, party('p2', { familyClasses: [fiveA] }))).toBe(false);
    expect(linked(parent, parent)).toBe(false);
    expect(linked(party('a', { staff: true }), party('b', { staff: true }))).toBe(true);
  });
});

describe('the text of a message', () => {
  it('should make http(s) addresses links without the sentence\'s punctuation, and nothing else', () => {
    expect(textParts('См. https://example.ru/a?b=1. И javascript:alert(1) или <b>x</b>')).toEqual([
      { kind: 'text', text: 'См. ' },
      { kind: 'link', text: 'https://example.ru/a?b=1', href: 'https://example.ru/a?b=1' },
      { kind: 'text', text: '. И javascript:alert(1) или <b>x</b>' },
    ]);
    expect(textParts('(http://школа.рф)')).toEqual([{ kind: 'text', text: '(' }, { kind: 'link', text: 'http://школа.рф', href: 'http://xn--80atdl2c.xn--p1ai/' }, { kind: 'text', text: ')' }]);
    expect(textParts('просто текст')).toEqual([{ kind: 'text', text: 'просто текст' }]);
  });

  it('should drop control and direction-override characters and refuse an empty or long text', () => {
    expect(cleanText(' a\u202Eb\u0007\r\nc ')).toBe('ab\nc');
    expect(messageProblem('  ', 'Тема')).toBe('Напишите текст сообщения.');
    expect(messageProblem('текст', ' ')).toBe('Укажите тему сообщения.');
    expect(messageProblem('я'.repeat(4001))).toContain('4000');
    expect(messageProblem('я'.repeat(4000))).toBeNull();
  });
});

describe('surveys', () => {
  const now = new Date('2026-11-30T09:00:00Z');
  const questions = numberQuestions([
    { kind: 'single', text: 'Поедет?', options: ['Да', 'Нет'] },
    { kind: 'multiple', text: 'Дни', options: ['Сб', 'Вс'] },
    { kind: 'text', text: 'Пожелания', options: ['лишнее'] },
  ]);

  it('should refuse a survey that closes in the past or has one option', () => {
    const problems = surveyProblems({ title: 'x', anonymous: false, closesAt: '2026-11-30T08:59:59Z', questions: [{ kind: 'single', text: 'Да?', options: ['Да'] }] }, now);
    expect(problems.map((p) => p.field)).toEqual(['closesAt', 'questions.0.options']);
  });

  it('should need one choice for single, at least one for multiple, and let free text be empty', () => {
    expect(checkAnswer(questions, [{ questionId: 'q1', choices: [0, 1] }, { questionId: 'q2', choices: [] }]).problems.map((p) => p.message)).toEqual(['Вопрос 1: выберите один вариант.', 'Вопрос 2: выберите хотя бы один вариант.']);
    expect(checkAnswer(questions, [{ questionId: 'q1', choices: [5] }, { questionId: 'q2', choices: [1] }]).problems[0]!.message).toBe('Вопрос 1: нет такого варианта ответа.');
    expect(checkAnswer(questions, [{ questionId: 'q1', choices: [1] }, { questionId: 'q2', choices: [1, 0, 1] }]).answer).toEqual([
      { questionId: 'q1', choices: [1] },
      { questionId: 'q2', choices: [0, 1] },
      { questionId: 'q3', text: '' },
    ]);
  });

  it('should tally counts and whole percents, and hide anonymous results below three answers', () => {
    const r = tally(questions, [
      [{ questionId: 'q1', choices: [0] }, { questionId: 'q3', text: 'автобус' }],
      [{ questionId: 'q1', choices: [1] }],
      [{ questionId: 'q1', choices: [0] }],
    ]);
    expect(r[0]!.options).toEqual([{ text: 'Да', count: 2, percent: 67 }, { text: 'Нет', count: 1, percent: 33 }]);
    expect(r[2]!.texts).toEqual(['автобус']);
    expect(resultsShown(true, 2)).toBe(false);
    expect(resultsShown(true, 3)).toBe(true);
    expect(resultsShown(false, 1)).toBe(true);
  });

  it('should turn the form\'s date and time into the closing instant in the school\'s zone, and lines into options', () => {
    expect(closesAtOf('2026-12-05', '18:00', 'Europe/Moscow')).toBe('2026-12-05T15:00:00.000Z');
    expect(closesAtOf('2026-12-05', '', 'Europe/Moscow')).toBe('');
    expect(draftBody({ title: 't', anonymous: true, closesAt: 'x', questions: [{ kind: 'single', text: 'q', optionsText: ' Да \n\nНет\n' }, { kind: 'text', text: 'w', optionsText: 'лишнее' }] }).questions).toEqual([
      { kind: 'single', text: 'q', options: ['Да', 'Нет'] },
      { kind: 'text', text: 'w', options: [] },
    ]);
  });
});

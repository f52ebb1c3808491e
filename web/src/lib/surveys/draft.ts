/**
 * The survey form's model (issue 12, item 3): questions as the person types them (options one per
 * line) and the body the server takes. Plain TypeScript, so the rules are tested without a browser.
 */
import { instantInZone } from '../../../../shared/domain/calendar';
import type { QuestionKind } from '../../../../shared/domain/surveys';
import type { SurveyDraftBody } from './api';

export interface QuestionDraft {
  kind: QuestionKind;
  text: string;
  /** One option per line. */
  optionsText: string;
}

export const newQuestion = (): QuestionDraft => ({ kind: 'single', text: '', optionsText: '' });

/** The closing instant of a date (ISO) and a time (ЧЧ:ММ) in the school's zone; '' while either is missing. */
export function closesAtOf(date: string, time: string, timeZone: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!date || !m) return '';
  return instantInZone(date, Number(m[1]), Number(m[2]), timeZone);
}

export function draftBody(d: { title: string; anonymous: boolean; closesAt: string; questions: QuestionDraft[] }): SurveyDraftBody {
  return {
    title: d.title,
    anonymous: d.anonymous,
    closesAt: d.closesAt,
    questions: d.questions.map((q) => ({
      kind: q.kind,
      text: q.text,
      options: q.kind === 'text' ? [] : q.optionsText.split('\n').map((o) => o.trim()).filter(Boolean),
    })),
  };
}

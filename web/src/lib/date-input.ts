/**
 * Dates as people read and type them (ДД.ММ.ГГГГ) against the API's ISO dates: the one date input
 * (DateInput.svelte) reads and writes through these, so no screen shows a browser's mm/dd/yyyy.
 */
import { isIsoDate, ruDate } from '../../../shared/domain/calendar';

const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

export const DATE_TEXT = {
  placeholder: 'ДД.ММ.ГГГГ',
  notDate: 'Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026.',
  notBefore: (min: string) => `Дата не может быть раньше ${ruDate(min)}.`,
  notAfter: (max: string) => `Дата не может быть позже ${ruDate(max)}.`,
} as const;

/** '1.9.2026' or '01.09.2026' (or a pasted '2026-09-01') -> '2026-09-01'; null for anything that is not a real date. */
export function parseRuDate(text: string): string | null {
  if (isIsoDate(text.trim())) return text.trim();
  const m = RU_DATE.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** '2026-09-01' -> '01.09.2026'; '' for an empty or malformed value. */
export function formatRuDate(iso: string | null | undefined): string {
  return iso && isIsoDate(iso) ? ruDate(iso) : '';
}

/** What is wrong with the typed text, in Russian; '' when nothing (an empty optional field included). */
export function dateProblem(text: string, bounds: { min?: string; max?: string; required?: boolean } = {}): string {
  if (!text.trim()) return bounds.required ? DATE_TEXT.notDate : '';
  const iso = parseRuDate(text);
  if (!iso) return DATE_TEXT.notDate;
  if (bounds.min && isIsoDate(bounds.min) && iso < bounds.min) return DATE_TEXT.notBefore(bounds.min);
  if (bounds.max && isIsoDate(bounds.max) && iso > bounds.max) return DATE_TEXT.notAfter(bounds.max);
  return '';
}

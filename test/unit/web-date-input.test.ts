/** The one date input's reading and writing of ДД.ММ.ГГГГ (web/src/lib/date-input.ts). */
import { describe, expect, it } from 'vitest';
import { dateProblem, formatRuDate, parseRuDate } from '../../web/src/lib/date-input';

describe('parseRuDate', () => {
  it('should read a date typed with or without leading zeros, and a pasted ISO date', () => {
    expect(parseRuDate('01.09.2026')).toBe('2026-09-01');
    expect(parseRuDate(' 1.9.2026 ')).toBe('2026-09-01');
    expect(parseRuDate('2026-09-01')).toBe('2026-09-01');
  });

  it('should refuse what is not a real date, or not in the Russian order', () => {
    for (const text of ['30.02.2026', '31.04.2026', '01.13.2026', '09/01/2026', '2026.09.01', '1.9.26', '', 'вчера', '2026-02-30']) {
      expect(parseRuDate(text), text).toBeNull();
    }
  });
});

describe('formatRuDate', () => {
  it('should write an ISO date as ДД.ММ.ГГГГ and nothing for an empty or malformed value', () => {
    expect(formatRuDate('2026-11-05')).toBe('05.11.2026');
    expect(formatRuDate('')).toBe('');
    expect(formatRuDate(undefined)).toBe('');
    expect(formatRuDate('2026-13-01')).toBe('');
  });

  it('should give back what it reads', () => {
    for (const iso of ['2026-01-01', '2027-02-28', '2028-02-29', '2026-12-31']) expect(parseRuDate(formatRuDate(iso))).toBe(iso);
  });
});

describe('dateProblem', () => {
  it('should name a wrong date and a date outside the bounds in Russian, and accept an empty optional one', () => {
    expect(dateProblem('')).toBe('');
    expect(dateProblem('', { required: true })).toBe('Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026.');
    expect(dateProblem('30.02.2026')).toBe('Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026.');
    expect(dateProblem('31.08.2026', { min: '2026-09-01', max: '2026-10-31' })).toBe('Дата не может быть раньше 01.09.2026.');
    expect(dateProblem('01.11.2026', { min: '2026-09-01', max: '2026-10-31' })).toBe('Дата не может быть позже 31.10.2026.');
    expect(dateProblem('31.10.2026', { min: '2026-09-01', max: '2026-10-31' })).toBe('');
  });
});

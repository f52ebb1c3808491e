/** The temporary-access forms' dates (web/src/lib/people/people.ts temporaryTerm): ДД.ММ.ГГГГ in, ISO out, the first problem named. */
import { describe, expect, it } from 'vitest';
import { temporaryTerm } from '../../web/src/lib/people/people';

describe('temporaryTerm', () => {
  it('should turn both dates into ISO dates', () => {
    expect(temporaryTerm('20.12.2026', '27.11.2026', 'Доступ до')).toEqual({ activeUntil: '2026-12-20', applicationDate: '2026-11-27' });
  });

  it('should name the missing end date first, then a malformed application date', () => {
    expect(temporaryTerm('', '27.11.2026', 'Доступ до')).toEqual({ problem: 'Укажите доступ до.' });
    expect(temporaryTerm('20.12.2026', '31.02.2026', 'Доступ до')).toEqual({ problem: 'Дата заявления: дата в виде ДД.ММ.ГГГГ.' });
  });
});

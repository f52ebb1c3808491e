/** Dates as Russian schools write them (web/src/lib/format.ts). */
import { describe, expect, it } from 'vitest';
import { badgeNumber, formatDate, formatDateTime, plural } from '../../web/src/lib/format';

describe('formatDate', () => {
  it('should write a calendar date as DD.MM.YYYY without any time zone shift', () => {
    expect(formatDate('2026-09-01')).toBe('01.09.2026');
    expect(formatDate('2013-12-31', 'Pacific/Honolulu')).toBe('31.12.2013');
  });

  it('should write an instant as the date in the given time zone', () => {
    // 22:30 UTC on 31 August is already 1 September in Moscow (UTC+3).
    expect(formatDate('2026-08-31T22:30:00Z', 'Europe/Moscow')).toBe('01.09.2026');
    expect(formatDate('2026-08-31T22:30:00Z', 'UTC')).toBe('31.08.2026');
    expect(formatDate(new Date('2027-05-25T09:00:00Z'), 'Asia/Yekaterinburg')).toBe('25.05.2027');
  });

  it('should show a dash for a missing or unreadable value', () => {
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('не дата')).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('should write DD.MM.YYYY HH:MM on a 24-hour clock in the given time zone', () => {
    expect(formatDateTime('2026-09-15T06:05:00Z', 'Europe/Moscow')).toBe('15.09.2026 09:05');
    expect(formatDateTime('2026-09-15T12:00:00Z', 'Asia/Vladivostok')).toBe('15.09.2026 22:00');
    expect(formatDateTime('2026-09-15T21:00:00Z', 'Europe/Moscow')).toBe('16.09.2026 00:00');
  });

  it('should show a dash for a missing or unreadable value', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('2026-13-45T99:00:00Z')).toBe('—');
  });
});

describe('plural', () => {
  const days = ['день', 'дня', 'дней'] as const;
  it.each([
    [1, 'день'],
    [2, 'дня'],
    [4, 'дня'],
    [5, 'дней'],
    [11, 'дней'],
    [12, 'дней'],
    [14, 'дней'],
    [21, 'день'],
    [22, 'дня'],
    [25, 'дней'],
    [0, 'дней'],
    [111, 'дней'],
    [101, 'день'],
  ])('should say %i %s', (n, word) => {
    expect(plural(n, days)).toBe(word);
  });
});

describe('badgeNumber', () => {
  it('should show a count as it is up to 99 and «99+» past it', () => {
    expect([0, 7, 99, 100, 120].map(badgeNumber)).toEqual(['0', '7', '99', '99+', '99+']);
  });
});

/** The removal date of a year's records in the table (R-70, clause 8.6): calendar years after the year's end, leap-safe. */
import { describe, expect, it } from 'vitest';
import { dataExpiresAt, dataRemovalDate, RETENTION_DAYS } from '../../shared/domain/retention';

describe('the removal date of a school year\'s records', () => {
  it('should be the day after the year ends, 5 years on for the journal and 25 for the summary sheets', () => {
    expect(dataRemovalDate('2027-05-31', 'journals')).toBe('2032-06-01');
    expect(dataRemovalDate('2027-05-31', 'summarySheets')).toBe('2052-06-01');
  });

  it('should count calendar years, so leap days in between never bring it earlier', () => {
    // 2028 and 2032 are leap years: 5 years from 01.06.2027 hold two 29 Februaries, 1,827 days.
    const days = (Date.parse(`${dataRemovalDate('2027-05-31', 'journals')}T00:00:00Z`) - Date.parse('2027-06-01T00:00:00Z')) / 86_400_000;
    expect(days).toBe(1827);
    expect(days).toBeLessThanOrEqual(RETENTION_DAYS.journals);
    const long = (Date.parse(`${dataRemovalDate('2027-05-31', 'summarySheets')}T00:00:00Z`) - Date.parse('2027-06-01T00:00:00Z')) / 86_400_000;
    expect(long).toBeGreaterThanOrEqual(25 * 365 + 6);
  });

  it('should move a 29 February with no match in the later year to 1 March, never to 28 February', () => {
    // A year ending 28.02.2028: the day after is 29.02.2028; 2033 has no 29 February.
    expect(dataRemovalDate('2028-02-28', 'journals')).toBe('2033-03-01');
    // 2052 is a leap year: the date stays.
    expect(dataRemovalDate('2027-02-28', 'summarySheets')).toBe('2052-03-01');
    expect(dataRemovalDate('2028-02-28', 'summarySheets')).toBe('2053-03-01');
    expect(dataRemovalDate('2031-02-28', 'journals')).toBe('2036-03-01');
  });

  it('should cross the end of a month and of a year', () => {
    expect(dataRemovalDate('2026-12-31', 'journals')).toBe('2032-01-01');
    expect(dataRemovalDate('2027-06-30', 'journals')).toBe('2032-07-01');
  });

  it('should give the TTL as epoch seconds of 00:00 UTC on the removal date, already that date in every Russian zone', () => {
    const ttl = dataExpiresAt('2027-05-31', 'journals');
    expect(Number.isInteger(ttl)).toBe(true);
    expect(new Date(ttl * 1000).toISOString()).toBe('2032-06-01T00:00:00.000Z');
    // Kaliningrad (UTC+2) is the westernmost: 02:00 on the removal date there, not the day before.
    expect(new Date(ttl * 1000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Kaliningrad' })).toBe('2032-06-01');
    expect(dataExpiresAt('2027-05-31', 'summarySheets')).toBeGreaterThan(ttl);
  });
});

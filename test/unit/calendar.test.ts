/**
 * The one calendar (shared/domain/calendar.ts): strict dates, day arithmetic across month, year and
 * leap-day boundaries, the school's day at the zone's midnight, and Russian plurals.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  countOf,
  dateInZone,
  DAY,
  DAY_GENITIVE,
  daysBetween,
  endOfDayInZone,
  instantInZone,
  isIsoDate,
  mondayOf,
  plural,
  planningYearOf,
  ruDate,
  ruDateTimeInZone,
  ruDayMonth,
  startOfDayInZone,
  weekdayOf,
  YEAR_OF_AGE,
  zoneLabel,
} from '../../shared/domain/calendar';

const MSK = 'Europe/Moscow';

describe('isIsoDate', () => {
  it.each(['2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('should accept %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  it.each(['2026-02-30', '2026-02-29', '1900-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-01', '01.09.2026', '2026-09-01T00:00:00Z', '', ' 2026-09-01'])(
    'should refuse %j',
    (d) => {
      expect(isIsoDate(d)).toBe(false);
    },
  );
  it('should refuse what is not a string', () => {
    expect([undefined, null, 20260901, new Date()].map(isIsoDate)).toEqual([false, false, false, false]);
  });
});

describe('day arithmetic', () => {
  it('should cross months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-20', 0)).toBe('2026-11-20');
  });
  it('should count whole days between dates, negative backwards', () => {
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2027-02-01', '2027-03-01')).toBe(28);
    expect(daysBetween('2026-09-01', '2027-09-01')).toBe(365);
    expect(daysBetween('2026-11-30', '2026-11-20')).toBe(-10);
  });
  it('should name weekdays Monday first and find the Monday of a week', () => {
    expect(weekdayOf('2026-09-01')).toBe(2);
    expect(weekdayOf('2026-09-06')).toBe(7);
    expect(mondayOf('2026-09-06')).toBe('2026-08-31');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
  it('should take the school year from June on as the coming one', () => {
    expect(planningYearOf('2026-05-31')).toBe('2025');
    expect(planningYearOf('2026-06-01')).toBe('2026');
  });
});

describe('Russian dates', () => {
  it('should write DD.MM.YYYY and leave anything else as it is', () => {
    expect(ruDate('2026-09-01')).toBe('01.09.2026');
    expect(ruDate('2026-09-01T06:30:00Z')).toBe('01.09.2026');
    expect(ruDayMonth('2026-11-20')).toBe('20.11');
    expect(ruDate('когда-нибудь')).toBe('когда-нибудь');
  });
});

describe('the school day in its zone', () => {
  it('should turn at Moscow midnight: 20:59:59Z is still the day, 21:00:00Z the next', () => {
    expect(dateInZone(new Date('2026-11-30T20:59:59Z'), MSK)).toBe('2026-11-30');
    expect(dateInZone(new Date('2026-11-30T21:00:00Z'), MSK)).toBe('2026-12-01');
    expect(dateInZone(new Date('2028-02-28T21:00:00Z'), MSK)).toBe('2028-02-29');
    expect(dateInZone(new Date('2026-12-31T21:00:00Z'), MSK)).toBe('2027-01-01');
  });
  it('should give the same instant another date in another zone', () => {
    const at = new Date('2026-11-30T20:30:00Z');
    expect([MSK, 'Asia/Vladivostok', 'Europe/Kaliningrad', 'UTC'].map((z) => dateInZone(at, z))).toEqual(['2026-11-30', '2026-12-01', '2026-11-30', '2026-11-30']);
  });
  it('should find where a day starts and ends in a zone', () => {
    expect(new Date(startOfDayInZone('2026-12-01', MSK)).toISOString()).toBe('2026-11-30T21:00:00.000Z');
    expect(new Date(endOfDayInZone('2026-11-30', MSK)).toISOString()).toBe('2026-11-30T21:00:00.000Z');
    expect(new Date(endOfDayInZone('2026-11-30', 'Asia/Vladivostok')).toISOString()).toBe('2026-11-30T14:00:00.000Z');
    expect(new Date(startOfDayInZone('2028-02-29', MSK)).toISOString()).toBe('2028-02-28T21:00:00.000Z');
  });
  it('should settle a daylight-saving day (Berlin, 29.03.2026 has 23 hours)', () => {
    expect(new Date(startOfDayInZone('2026-03-29', 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(startOfDayInZone('2026-03-30', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
  it('should place a wall-clock time and write it back', () => {
    const at = instantInZone('2026-11-20', 10, 5, MSK);
    expect(at).toBe('2026-11-20T07:05:00.000Z');
    expect(ruDateTimeInZone(new Date(at), MSK)).toBe('20.11.2026 10:05');
    expect(ruDateTimeInZone(new Date('2026-11-30T21:00:00Z'), MSK)).toBe('01.12.2026 00:00');
  });
  it('should name the zone a printed time is in, with the offset of that instant', () => {
    const winter = new Date('2026-11-20T07:05:00Z');
    expect(zoneLabel(MSK, winter)).toBe('время московское');
    expect(zoneLabel('Asia/Yekaterinburg', winter)).toBe('время местное: Asia/Yekaterinburg, GMT+5');
    expect(zoneLabel('Europe/Berlin', winter)).toBe('время местное: Europe/Berlin, GMT+1');
    expect(zoneLabel('Europe/Berlin', new Date('2026-07-01T10:00:00Z'))).toBe('время местное: Europe/Berlin, GMT+2');
  });
});

describe('Russian plurals (Intl.PluralRules)', () => {
  it.each([
    [1, '1 день'], [2, '2 дня'], [4, '4 дня'], [5, '5 дней'], [11, '11 дней'], [12, '12 дней'], [14, '14 дней'],
    [21, '21 день'], [22, '22 дня'], [25, '25 дней'], [0, '0 дней'], [101, '101 день'], [111, '111 дней'],
  ])('%i -> %s', (n, text) => {
    expect(countOf(n, DAY)).toBe(text);
  });
  it('should use the genitive after «не более» and «по прошествии»: 1 дня, 4 дней, 21 дня', () => {
    expect([1, 2, 4, 5, 11, 21, 22, 25].map((n) => `не более ${countOf(n, DAY_GENITIVE)}`)).toEqual([
      'не более 1 дня', 'не более 2 дней', 'не более 4 дней', 'не более 5 дней', 'не более 11 дней', 'не более 21 дня', 'не более 22 дней', 'не более 25 дней',
    ]);
  });
  it('should say years of age and take the «few» form for a fraction', () => {
    expect([1, 3, 11, 14, 21].map((n) => plural(n, YEAR_OF_AGE))).toEqual(['год', 'года', 'лет', 'лет', 'год']);
    expect(plural(1.5, DAY)).toBe('дня');
  });
});

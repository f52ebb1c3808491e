/**
 * Throttling of failed sign-ins (issue 2, item 4): 5 per account and 30 per address in a
 * 15-minute window; the wait is what is left of the window.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, retryAfterSeconds, THROTTLE_WINDOW_SECONDS, throttleMessage, windowEndsAt, windowStart } from '../../shared/auth/throttle';

const at = (iso: string) => new Date(iso);

describe('windowStart and windowEndsAt', () => {
  it('should use 15-minute windows with limits of 5 per account and 30 per address', () => {
    expect(THROTTLE_WINDOW_SECONDS).toBe(900);
    expect(LIMITS).toEqual({ ACC: 5, IP: 30 });
  });

  it.each([
    ['2026-11-29T08:00:00.000Z', '2026-11-29T08:00:00.000Z'],
    ['2026-11-29T08:00:00.001Z', '2026-11-29T08:00:00.000Z'],
    ['2026-11-29T08:14:59.999Z', '2026-11-29T08:00:00.000Z'],
    ['2026-11-29T08:15:00.000Z', '2026-11-29T08:15:00.000Z'],
    ['2026-11-29T08:44:10.000Z', '2026-11-29T08:30:00.000Z'],
    ['2026-11-29T23:59:59.999Z', '2026-11-29T23:45:00.000Z'],
  ])('should put %s in the window starting %s', (moment, start) => {
    expect(windowStart(at(moment))).toBe(start);
  });

  it('should end a window 15 minutes after it starts', () => {
    expect(windowEndsAt(at('2026-11-29T08:14:59.999Z')).toISOString()).toBe('2026-11-29T08:15:00.000Z');
    expect(windowEndsAt(at('2026-11-29T08:15:00.000Z')).toISOString()).toBe('2026-11-29T08:30:00.000Z');
  });
});

describe('retryAfterSeconds', () => {
  const now = at('2026-11-29T08:10:00.000Z');

  it.each([
    ['no failures', {}],
    ['4 on the account', { ACC: 4 }],
    ['29 from the address', { IP: 29 }],
    ['4 on the account and 29 from the address', { ACC: 4, IP: 29 }],
  ])('should allow a try after %s', (_what, failures) => {
    expect(retryAfterSeconds(failures, now)).toBe(0);
  });

  it.each([
    ['5 on the account', { ACC: 5 }],
    ['9 on the account', { ACC: 9, IP: 9 }],
    ['30 from the address', { IP: 30 }],
    ['30 from the address, none on the account', { ACC: 0, IP: 30 }],
  ])('should make the caller wait out the window after %s', (_what, failures) => {
    expect(retryAfterSeconds(failures, now)).toBe(300);
  });

  it.each([
    ['2026-11-29T08:00:00.000Z', 900],
    ['2026-11-29T08:00:00.001Z', 900],
    ['2026-11-29T08:07:30.000Z', 450],
    ['2026-11-29T08:14:59.000Z', 1],
    ['2026-11-29T08:14:59.999Z', 1],
  ])('should at %s ask for exactly the %i seconds left in the window', (moment, seconds) => {
    expect(retryAfterSeconds({ ACC: 5 }, at(moment))).toBe(seconds);
  });
});

describe('throttleMessage', () => {
  it.each([
    [900, 15],
    [300, 5],
    [61, 2],
    [60, 1],
    [1, 1],
  ])('should round %i seconds up to %i whole minutes', (seconds, minutes) => {
    expect(throttleMessage(seconds)).toContain(`через ${minutes} мин.`);
  });

  it('should explain in Russian and not blame the account (no lock-out)', () => {
    const m = throttleMessage(300);
    expect(m.startsWith('Слишком много неудачных попыток входа.')).toBe(true);
    expect(m).toContain('код');
    expect(m).not.toMatch(/[A-Za-z]/);
  });
});

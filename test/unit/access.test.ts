/**
 * Whether an account may sign in now (R-04, clauses 4.1-4.5). `activeUntil` is an inclusive date
 * that ends at the end of that day in the department's zone: in Moscow (UTC+3) at 21:00 UTC.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES, accessVerdict, type AccessFacts } from '../../shared/domain/access';

const active: AccessFacts = { status: 'active', hasPassword: true };
const now = new Date('2026-11-29T08:00:00.000Z');
const MSK = 'Europe/Moscow';

describe('accessVerdict', () => {
  it('should let an active account with a password and no end date in', () => {
    expect(accessVerdict(active, now, MSK)).toEqual({ ok: true });
  });

  it.each<[string, AccessFacts, string]>([
    ['disabled', { status: 'disabled', hasPassword: true }, 'disabled'],
    ['disabled even while its end date is ahead', { status: 'disabled', hasPassword: true, activeUntil: '2027-06-30' }, 'disabled'],
    ['pending', { status: 'pending', hasPassword: false }, 'not_activated'],
    ['pending with a password', { status: 'pending', hasPassword: true }, 'not_activated'],
    ['active without a password', { status: 'active', hasPassword: false }, 'not_activated'],
    ['past its end date', { ...active, activeUntil: '2026-11-28' }, 'expired'],
    ['pending and past its end date', { status: 'pending', hasPassword: false, activeUntil: '2026-06-30' }, 'expired'],
  ])('should keep out an account that is %s', (_what, facts, reason) => {
    expect(accessVerdict(facts, now, MSK)).toEqual({ ok: false, reason });
  });

  it.each([
    ['today (the end date is inclusive)', '2026-11-29'],
    ['tomorrow', '2026-11-30'],
    ['next year', '2027-08-31'],
  ])('should let in an account whose end date is %s', (_what, activeUntil) => {
    expect(accessVerdict({ ...active, activeUntil }, now, MSK)).toEqual({ ok: true });
  });

  it.each([
    ['2026-12-31T00:00:00.000Z', true],
    ['2026-12-31T20:59:59.999Z', true],
    ['2026-12-31T21:00:00.000Z', false],
    ['2027-01-01T00:00:00.000Z', false],
  ])('should at %s treat activeUntil 2026-12-31 (ending at Moscow midnight) as ok=%s', (moment, ok) => {
    expect(accessVerdict({ ...active, activeUntil: '2026-12-31' }, new Date(moment), MSK).ok).toBe(ok);
  });

  it('should end access at midnight of the zone it is given, not of Moscow', () => {
    const until = { ...active, activeUntil: '2026-12-31' };
    expect(accessVerdict(until, new Date('2026-12-31T21:00:00.000Z'), 'Asia/Yekaterinburg').ok).toBe(false);
    expect(accessVerdict(until, new Date('2026-12-31T18:59:59.999Z'), 'Asia/Yekaterinburg').ok).toBe(true);
    expect(accessVerdict(until, new Date('2026-12-31T19:00:00.000Z'), 'Asia/Yekaterinburg').ok).toBe(false);
  });

  it('should explain every refusal in Russian', () => {
    expect(Object.keys(ACCESS_MESSAGES).sort()).toEqual(['disabled', 'expired', 'not_activated']);
    for (const m of Object.values(ACCESS_MESSAGES)) expect(m).toMatch(/^[А-ЯЁ][А-яЁё ,.;:-]+\.$/);
  });
});

describe('accessVerdict with a malformed end date', () => {
  it('should fail closed: a date it cannot read ends access', () => {
    expect(accessVerdict({ status: 'active', hasPassword: true, activeUntil: '31.12.2099' }, new Date('2026-01-01T00:00:00Z'), MSK)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});

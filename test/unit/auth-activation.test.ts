/**
 * Activation codes (R-03, clause 3.1): printed for a person to type, stored as a hash, valid for
 * 14 days and once.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_VALID_DAYS, codeExpiry, codeState, hashCode, newActivationCode, normaliseCode } from '../../shared/auth/activation';

const ALLOWED = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

describe('newActivationCode', () => {
  const codes = Array.from({ length: 300 }, () => newActivationCode());

  it('should be four dash-separated groups of four characters from the unambiguous alphabet', () => {
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
  });

  it('should never use the look-alikes 0, O, 1 and I', () => {
    const used = new Set(codes.join('').replace(/-/g, ''));
    for (const ch of '0O1I') expect(used.has(ch)).toBe(false);
    for (const ch of used) expect(ALLOWED).toContain(ch);
  });

  it('should draw from the whole alphabet and not repeat codes', () => {
    // 300 codes x 16 characters: every one of the 32 characters shows up (missing one by chance: ~1e-60).
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('normaliseCode', () => {
  it.each([
    ['ABCD-EFGH-JKMN-PQRS'],
    ['abcd-efgh-jkmn-pqrs'],
    ['abcdefghjkmnpqrs'],
    ['  Abcd efgh   JKMN-pqrs '],
    ['AB-CD-EF-GH-JK-MN-PQ-RS'],
    ['abcd\tefgh\njkmn--pqrs'],
  ])('should turn %j into ABCD-EFGH-JKMN-PQRS', (typed) => {
    expect(normaliseCode(typed)).toBe('ABCD-EFGH-JKMN-PQRS');
  });

  it('should give an empty string for nothing typed', () => {
    expect(normaliseCode('  - -  ')).toBe('');
  });
});

describe('hashCode', () => {
  const canonical = 'ABCD-EFGH-JKMN-PQRS';

  it('should be the 64-hex SHA-256 of the normalised code', () => {
    const expected = createHash('sha256').update(canonical).digest('hex');
    expect(hashCode(canonical)).toBe(expected);
    expect(hashCode(canonical)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should be the same for every way of typing the code', () => {
    const h = hashCode(canonical);
    for (const typed of ['abcd efgh jkmn pqrs', 'abcdefghjkmnpqrs', ' ABCD-efgh-JKMN-pqrs ']) expect(hashCode(typed)).toBe(h);
  });

  it('should differ for a code one character off', () => {
    expect(hashCode('ABCD-EFGH-JKMN-PQRT')).not.toBe(hashCode(canonical));
  });
});

describe('codeExpiry and codeState', () => {
  const issued = new Date('2026-11-29T08:00:00.000Z');
  const expiresAtIso = '2026-12-13T08:00:00.000Z';

  it('should expire 14 days after issue', () => {
    expect(CODE_VALID_DAYS).toBe(14);
    expect(codeExpiry(issued).toISOString()).toBe(expiresAtIso);
  });

  it.each([
    ['at issue', '2026-11-29T08:00:00.000Z', 'valid'],
    ['one millisecond before expiry', '2026-12-13T07:59:59.999Z', 'valid'],
    ['at the exact expiry', '2026-12-13T08:00:00.000Z', 'expired'],
    ['a day after expiry', '2026-12-14T08:00:00.000Z', 'expired'],
  ])('should be %s: %s -> %s', (_what, now, state) => {
    expect(codeState({ expiresAtIso }, new Date(now))).toBe(state);
  });

  it('should be used once redeemed, before or after the expiry', () => {
    const redeemed = { expiresAtIso, usedAt: '2026-11-30T10:00:00.000Z' };
    expect(codeState(redeemed, new Date('2026-12-01T00:00:00.000Z'))).toBe('used');
    expect(codeState(redeemed, new Date('2026-12-20T00:00:00.000Z'))).toBe('used');
  });
});

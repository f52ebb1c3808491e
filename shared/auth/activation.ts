/**
 * Activation codes (R-03, clause 3.1): single-use, expiring, stored only as a SHA-256 hash. The
 * code is long and random (so a fast hash is enough, unlike a password) and printed for a person
 * to type: groups of an alphabet without look-alike characters.
 */
import { createHash, randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_VALID_DAYS = 14;

export function newActivationCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}

/** People retype codes: case, spaces and dashes do not matter. */
export function normaliseCode(input: string): string {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  return bare.match(/.{1,4}/g)?.join('-') ?? '';
}

export function hashCode(code: string): string {
  return createHash('sha256').update(normaliseCode(code)).digest('hex');
}

export function codeExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + CODE_VALID_DAYS * 24 * 3600 * 1000);
}

export type CodeState = 'valid' | 'used' | 'expired';
export function codeState(code: { expiresAtIso: string; usedAt?: string }, now: Date): CodeState {
  if (code.usedAt) return 'used';
  return now.getTime() >= new Date(code.expiresAtIso).getTime() ? 'expired' : 'valid';
}

/** The web's idle watch (web/src/lib/shell/idle.ts) and the sign-in page's reason line, on times passed in. */
import { describe, expect, it } from 'vitest';
import { idleState } from '../../web/src/lib/shell/idle';
import { signedOutBecause } from '../../web/src/lib/shell/session-texts';

const t0 = Date.parse('2026-11-30T08:00:00Z');
const min = 60_000;

describe('idleState', () => {
  it('should warn a minute before the end and end at the idle limit', () => {
    expect(idleState(t0 + 13 * min, t0, 15, 60)).toEqual({ kind: 'active' });
    expect(idleState(t0 + 14 * min, t0, 15, 60)).toEqual({ kind: 'warning', secondsLeft: 60 });
    expect(idleState(t0 + 14 * min + 59_500, t0, 15, 60)).toEqual({ kind: 'warning', secondsLeft: 1 });
    expect(idleState(t0 + 15 * min, t0, 15, 60)).toEqual({ kind: 'over' });
  });

  it('should never end a session without a limit (students, parents)', () => {
    expect(idleState(t0 + 600 * min, t0, 0, 60)).toEqual({ kind: 'active' });
  });
});

describe('signedOutBecause', () => {
  it('should explain the known reasons only', () => {
    expect(signedOutBecause('idle')).toMatch(/долго не было действий/);
    expect(signedOutBecause('everywhere')).toMatch(/на всех устройствах/);
    for (const other of [null, '', 'constructor', 'toString']) expect(signedOutBecause(other)).toBe('');
  });
});

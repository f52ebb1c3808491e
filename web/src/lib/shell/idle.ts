/**
 * The web's side of the idle limit (the server refuses an idle session by itself:
 * shared/auth/session-rules.ts): a warning `warningSeconds` before the end, then sign-out.
 * Pure, on times in milliseconds.
 */
export type IdleState = { kind: 'active' } | { kind: 'warning'; secondsLeft: number } | { kind: 'over' };

export function idleState(now: number, lastActivity: number, idleMinutes: number, warningSeconds: number): IdleState {
  if (idleMinutes <= 0) return { kind: 'active' };
  const left = lastActivity + idleMinutes * 60_000 - now;
  if (left <= 0) return { kind: 'over' };
  if (left <= warningSeconds * 1000) return { kind: 'warning', secondsLeft: Math.ceil(left / 1000) };
  return { kind: 'active' };
}

/** Typing or clicking without a request keeps the server's session alive by a ping at most this often. */
export const PING_AFTER_MS = 2 * 60_000;

/**
 * One thing a person asks of the server from a screen (save, remove, check a file): while it runs
 * its buttons are disabled and a second press does nothing; a failure becomes a Russian message
 * to show instead of an exception. Plain TypeScript over any object with the three fields, so the
 * rule is tested without Svelte; screens use the reactive `Action` of `action.svelte.ts`.
 */
import { ApiError, messageOf } from './api';

export interface ActionState {
  busy: boolean;
  /** What went wrong, for a `role="alert"` line; empty when nothing did. */
  problem: string;
  /** What went right, for a `role="status"` line; the work sets it. */
  notice: string;
}

/**
 * What to show for a failure: a message, or nothing when the handler showed it its own way
 * (a list of field problems, a conflict panel).
 */
export type FailureHandler = (e: unknown) => string | void;

/**
 * Runs `work` unless the action is already running; clears the previous problem and notice first.
 * Returns what `work` returned, or undefined when it failed or did not run.
 */
export async function runAction<T>(state: ActionState, work: () => Promise<T>, fail: FailureHandler = messageOf): Promise<T | undefined> {
  if (state.busy) return undefined;
  state.busy = true;
  state.problem = '';
  state.notice = '';
  try {
    return await work();
  } catch (e) {
    state.problem = fail(e) ?? '';
    return undefined;
  } finally {
    state.busy = false;
  }
}

/** The current record a 409 answer carries (`details.current`), when it carries one. */
export function conflictCurrent<T>(e: unknown): T | undefined {
  if (!(e instanceof ApiError) || e.status !== 409) return undefined;
  const details = e.details;
  return details && typeof details === 'object' && 'current' in details ? ((details as { current: T }).current ?? undefined) : undefined;
}

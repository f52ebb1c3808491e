/**
 * The one way a screen runs what a person asked of the server (web/src/lib/action.ts): busy while
 * it runs, one at a time, and a failure shown as a Russian message rather than thrown.
 */
import { describe, expect, it } from 'vitest';
import { conflictCurrent, runAction, type ActionState } from '../../web/src/lib/action';
import { ApiError, messageOf } from '../../web/src/lib/api';

const fresh = (): ActionState => ({ busy: false, problem: 'old problem', notice: 'old notice' });

describe('runAction', () => {
  it('should be busy only while the work runs, clear the last outcome, and return the result', async () => {
    const state = fresh();
    let seen: ActionState | undefined;
    const result = await runAction(state, async () => {
      seen = { ...state };
      state.notice = 'Сохранено.';
      return 42;
    });
    expect(seen).toEqual({ busy: true, problem: '', notice: '' });
    expect(result).toBe(42);
    expect(state).toEqual({ busy: false, problem: '', notice: 'Сохранено.' });
  });

  it("should show the server's Russian message of a failure and return undefined", async () => {
    const state = fresh();
    const result = await runAction(state, async () => {
      throw new ApiError(400, 'Дата не в учебном году.', 'validation');
    });
    expect(result).toBeUndefined();
    expect(state).toEqual({ busy: false, problem: 'Дата не в учебном году.', notice: '' });
  });

  it('should show a general Russian message for a failure that is not an answer of the server', async () => {
    const state = fresh();
    await runAction(state, async () => {
      throw new TypeError('x is undefined');
    });
    expect(state.problem).toBe(messageOf(new TypeError('x')));
    expect(state.problem).toMatch(/[А-Яа-я]/);
  });

  it("should show what the failure handler returns, and nothing when it shows the failure its own way", async () => {
    const state = fresh();
    await runAction(state, async () => Promise.reject(new ApiError(409, 'Изменено.', 'conflict')), () => 'Загрузите текущую версию.');
    expect(state.problem).toBe('Загрузите текущую версию.');
    let handled: unknown;
    await runAction(state, async () => Promise.reject(new ApiError(400, 'Плохо.', 'validation')), (e) => void (handled = e));
    expect(state.problem).toBe('');
    expect(handled).toBeInstanceOf(ApiError);
  });

  it('should not start the work again while it runs (a second press of the button)', async () => {
    const state = fresh();
    let release: () => void = () => {};
    let runs = 0;
    const work = () => {
      runs++;
      return new Promise<string>((r) => (release = () => r('done')));
    };
    const first = runAction(state, work);
    const second = await runAction(state, work);
    expect(second).toBeUndefined();
    expect(state.busy).toBe(true);
    release();
    expect(await first).toBe('done');
    expect(runs).toBe(1);
    expect(state.busy).toBe(false);
  });
});

describe('conflictCurrent', () => {
  it('should give the current record of a 409 answer, and nothing for any other failure', () => {
    const current = { version: 3 };
    expect(conflictCurrent(new ApiError(409, 'Изменено.', 'conflict', { current }))).toBe(current);
    expect(conflictCurrent(new ApiError(409, 'Изменено.', 'conflict'))).toBeUndefined();
    expect(conflictCurrent(new ApiError(409, 'Изменено.', 'conflict', { current: null }))).toBeUndefined();
    expect(conflictCurrent(new ApiError(400, 'Плохо.', 'validation', { current }))).toBeUndefined();
    expect(conflictCurrent(new Error('x'))).toBeUndefined();
  });
});

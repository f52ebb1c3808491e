/**
 * Reads shared within one scope (the period close: shared/services/period-close.ts). The close
 * renders each class's documents through the services the screens use, and each of them reads the
 * school's subjects, year, corrections register, movements, the class and its list again: 60
 * classes made ~20 small requests each. Inside `withReadScope` the repos' school-wide and
 * per-class reads wrapped in `scopedRead` are made once and their answer (a promise) shared; outside
 * a scope (every API request) `scopedRead` reads as before.
 *
 * The answers are shared objects: a caller must not change what a scoped read returns.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `fn` with a fresh scope: the scoped reads it makes (however deep) are made once each. */
export function withReadScope<T>(fn: () => Promise<T>): Promise<T> {
  return scope.run(new Map(), fn);
}

/** `read()`, or within a scope the answer of the first read of the same key (a failed read is not kept). */
export function scopedRead<T>(key: readonly unknown[], read: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return read();
  const k = JSON.stringify(key);
  let answer = memo.get(k) as Promise<T> | undefined;
  if (!answer) {
    answer = read();
    memo.set(k, answer);
    answer.catch(() => memo.delete(k));
  }
  return answer;
}

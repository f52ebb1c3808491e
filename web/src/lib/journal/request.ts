/**
 * One request of a journal screen, made safe to repeat: an idempotency key per request, and
 * retries with that same key after a transient failure, so a request that did arrive is answered
 * from the stored result and never carried out twice.
 */
import { ApiError } from '../api';

export function newRequestId(): string {
  const c = globalThis.crypto as Crypto & { randomUUID?: () => string };
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A failure worth another attempt: no answer, the server's own failure, or too many requests. */
export function transient(e: unknown): boolean {
  return !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `request` again after a transient failure, once after each delay; any other failure, or the
 * last one, is thrown. The caller sends the same idempotency key each time: a request that did
 * arrive is answered from the stored result and is not carried out twice.
 */
export async function withRetries<T>(request: () => Promise<T>, delays: readonly number[], onRetry: () => void = () => {}, sleep = wait): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (e) {
      if (!transient(e) || attempt >= delays.length) throw e;
      onRetry();
      await sleep(delays[attempt]!);
    }
  }
}

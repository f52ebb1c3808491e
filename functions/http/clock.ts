/**
 * The request clock. Domain rules never read the time themselves; handlers pass this `now` in.
 * Integration tests replace it to stand on a chosen date instead of sleeping.
 */
let source: () => Date = () => new Date();

export function now(): Date {
  return source();
}

export function setClock(fn: (() => Date) | null): void {
  source = fn ?? (() => new Date());
}

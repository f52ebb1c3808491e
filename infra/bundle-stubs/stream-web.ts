/**
 * Stands in for `node:stream/web` in function bundles (an esbuild alias in infra/bundling.ts). Its
 * one importer is @middy/core, which needs `ReadableStream` only for streamed responses (an
 * `instanceof` check when `streamifyResponse` is on; our functions answer whole JSON bodies).
 * Importing the module at load builds Node's web-streams implementation: about 8 ms of every cold
 * start. This `ReadableStream` is the real global one, looked up when first used, so `instanceof`,
 * `new` and static members behave as before. Any other name imported from `node:stream/web` fails
 * the build (esbuild: no matching export) instead of arriving as `undefined`.
 */
export const ReadableStream = new Proxy(function ReadableStream() {} as unknown as typeof globalThis.ReadableStream, {
  construct: (_target, args: unknown[]) => new globalThis.ReadableStream(...(args as [])),
  get: (_target, key) => Reflect.get(globalThis.ReadableStream, key),
});

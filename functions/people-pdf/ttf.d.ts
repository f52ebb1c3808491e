/** Font files: esbuild's `binary` loader (infra/bundling.ts) makes them bytes in the Lambda bundle. */
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}

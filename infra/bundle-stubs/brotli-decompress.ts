/**
 * Stands in for `brotli/decompress.js` in function bundles (an esbuild alias in infra/bundling.ts).
 * fontkit, under pdfmake, needs Brotli only to open WOFF2 fonts; the reports embed TTF files and
 * documents may not load fonts of their own, so the 0.5 MB decoder would never run.
 */
export default function decompress(): never {
  throw new Error('WOFF2 fonts are not supported in the function bundles: embed TTF fonts (shared/reports/pdf.ts).');
}

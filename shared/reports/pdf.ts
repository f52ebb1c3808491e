/**
 * PDF rendering with pdfmake 0.3 and PT Sans (Cyrillic). Toolchain traps 6 and 7: pdfmake takes
 * fonts by name from its virtual file system, so the bytes are written there first; in local code
 * and tests the bytes are read with fs from the font package, while a Lambda bundle (which has no
 * node_modules) hands them in through `provideBundledFonts` from its entry, where esbuild embeds
 * the .ttf files as binary. No URL or local-file access is allowed to documents.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type pdfmakeType from 'pdfmake';

/** Upright faces only: no document uses italics, and the two italic files were 0.35 MB of bundle. */
export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const FONT = 'PTSans';

let bundled: (() => Promise<Partial<FontFiles> | null>) | null = null;
let fonts: FontFiles | null = null;

/** Called by a Lambda entry whose bundle embeds the fonts. */
export function provideBundledFonts(loader: () => Promise<Partial<FontFiles> | null>): void {
  bundled = loader;
}

function fromPackage(): FontFiles {
  const dir = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/pt-sans/package.json'));
  const read = (variant: string) => readFileSync(join(dir, variant, `PTSans_${variant}.ttf`));
  return { regular: read('400Regular'), bold: read('700Bold') };
}

/** The font files, from the bundle or the package (read once). */
export async function fontFiles(): Promise<FontFiles> {
  if (fonts) return fonts;
  const b = bundled ? await bundled().catch(() => null) : null;
  // Under vite/vitest a .ttf import is a URL string, not bytes (trap 7): then read the package.
  fonts = b && b.regular instanceof Uint8Array && b.bold instanceof Uint8Array ? (b as FontFiles) : fromPackage();
  return fonts;
}

/** pdfmake is loaded on first use: initialising it costs a cold start of the whole area otherwise. */
async function prepare(): Promise<typeof pdfmakeType> {
  const { default: pdfmake } = await import('pdfmake');
  const f = await fontFiles();
  // Registered on every render: cheap, and robust to another renderer changing pdfmake's fonts.
  pdfmake.virtualfs.writeFileSync('PTSans-Regular.ttf', Buffer.from(f.regular));
  pdfmake.virtualfs.writeFileSync('PTSans-Bold.ttf', Buffer.from(f.bold));
  // pdfmake refuses a document that asks for a style its font lacks: italics fall back to upright.
  pdfmake.addFonts({ [FONT]: { normal: 'PTSans-Regular.ttf', bold: 'PTSans-Bold.ttf', italics: 'PTSans-Regular.ttf', bolditalics: 'PTSans-Bold.ttf' } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake;
}

/** Renders a pdfmake document definition to PDF bytes. */
export async function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  const pdfmake = await prepare();
  const defaultStyle = { font: FONT, fontSize: 10, ...((doc.defaultStyle as object | undefined) ?? {}) };
  return pdfmake.createPdf({ ...doc, defaultStyle }).getBuffer();
}

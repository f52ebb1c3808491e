/**
 * A fast path through pdfmake for big tables (the summary sheet: pdf.summary_ms <= 25 ms for 30
 * students x 15 subjects, against 40 ms of CPU for pdfmake as used naively). Measured with
 * `npx tsx bench/reports.ts`, the time went to three places, and each is cut here:
 *
 * 1. OpenType shaping: pdfkit lays every word out through fontkit's GSUB/GPOS engine. Marks, names
 *    and figures need no ligatures or contextual forms, so the family `PTSansPlain` is PT Sans with
 *    its GSUB, GPOS, GDEF and kern tables left out of the font directory (the glyphs, metrics and
 *    cmap are the same bytes): words are measured by plain advance widths.
 * 2. Parsing the font for every document: pdfmake opens the TTF anew per document (fontkit.create
 *    decodes its tables each time). The parsed font is kept for the process and each document gets
 *    its own pdfkit font object over it, so each document still embeds its own subset.
 * 3. Subsetting the font for every document: pdfkit decodes every glyph it embeds and encodes a
 *    new TrueType file per document (about half of the time). Every face here starts with the same
 *    glyphs in the same order, those of `CHARSET` (Russian and Latin letters, digits, punctuation),
 *    so its subset is the same file in every document whose text stays within them: it is encoded
 *    once per process and reused, deflated once too (pdfkit would compress the font file stream of
 *    each document again). A document with another character gets its own subset as usual.
 * 4. Copying the font bytes into pdfmake's virtual file system on every render: done once.
 *
 * The document itself must help too (shared/reports/summary-pdf.ts): numeric column widths,
 * plain-string cells, one table style.
 */
import { deflateSync } from 'node:zlib';
import { fontFiles } from './pdf';

export const PLAIN_FONT = 'PTSansPlain';
const FILES = { normal: 'PTSansPlain-Regular.ttf', bold: 'PTSansPlain-Bold.ttf' };

/** The tables of OpenType layout: what shaping reads and a plain-width layout never needs. */
const SHAPING_TABLES = new Set(['GSUB', 'GPOS', 'GDEF', 'kern', 'morx', 'mort']);

/**
 * An sfnt (TrueType) file without some tables: the table directory is written anew and the kept
 * tables are copied as they are (4-byte aligned, checksums kept; readers do not verify them).
 */
export function withoutTables(font: Uint8Array, drop: ReadonlySet<string>): Buffer {
  const src = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  const count = src.readUInt16BE(4);
  const kept: Array<{ tag: string; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = src.toString('latin1', at, at + 4);
    const offset = src.readUInt32BE(at + 8);
    if (!drop.has(tag)) kept.push({ tag, checksum: src.readUInt32BE(at + 4), data: src.subarray(offset, offset + src.readUInt32BE(at + 12)) });
  }
  const padded = (n: number) => (n + 3) & ~3;
  const start = 12 + kept.length * 16;
  const out = Buffer.alloc(start + kept.reduce((n, t) => n + padded(t.data.length), 0));
  src.copy(out, 0, 0, 4);
  // numTables, then searchRange, entrySelector and rangeShift for the new count.
  const power = 2 ** Math.floor(Math.log2(kept.length));
  out.writeUInt16BE(kept.length, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(kept.length * 16 - power * 16, 10);
  let pos = start;
  kept.forEach((t, i) => {
    const at = 12 + i * 16;
    out.write(t.tag, at, 'latin1');
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(pos, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, pos);
    pos += padded(t.data.length);
  });
  return out;
}

/** A pdfkit object reference: its dictionary, and whether it deflates its stream when it ends. */
interface PdfRef {
  data: Record<string, unknown>;
  compress: boolean;
}
interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FontkitFont {
  glyphForCodePoint(codePoint: number): FontkitGlyph;
}
interface PdfkitFont {
  font: FontkitFont;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
  document: { ref(data?: object): PdfRef };
  embed(): unknown;
  layoutCache?: Record<string, unknown>;
  constructor: new (document: unknown, font: FontkitFont, id: string) => PdfkitFont;
}

/** What reports print: Russian and Latin letters, digits, punctuation, «», —, №. */
const CHARSET = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  ...Array.from({ length: 64 }, (_, i) => String.fromCharCode(0x410 + i)),
  'Ё', 'ё', '«', '»', '—', '–', '№', '…', '’', '“', '”', '„', '•', '·', '×', '\u00a0',
].join('');
interface PdfmakeDocument {
  fonts: Record<string, Record<string, string | Buffer>>;
  fontCache: Record<string, Record<string, PdfkitFont>>;
  _fontCount: number;
  _fontFamilies: Record<string, PdfkitFont>;
  getFontFile(family: string, bold: boolean, italics: boolean): string | null;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(family: string, bold: boolean, italics: boolean): PdfkitFont;
}

/**
 * Parsed faces of the plain family, by file name: fontkit's font object (read-only once parsed),
 * pdfkit's face class, and the laid-out words (a word's glyphs and advances depend on the font
 * alone, so documents share them; each document's subset and widths stay its own).
 */
interface Parsed {
  make: PdfkitFont['constructor'];
  font: FontkitFont;
  words: Record<string, unknown>;
  /** The charset's glyphs, in order. */
  glyphs: FontkitGlyph[];
  /** The encoded subset of exactly those glyphs, deflated, once a document has made it. */
  subset?: Uint8Array;
}
const parsed = new Map<string, Parsed>();

/** A new face starts with the charset's glyphs, so its subset is the shared one unless its text goes beyond. */
function prime(face: PdfkitFont, p: Parsed): PdfkitFont {
  face.layoutCache = p.words;
  for (const g of p.glyphs) {
    const gid = face.subset.includeGlyph(g.id);
    face.widths[gid] ??= g.advanceWidth * face.scale;
    face.unicode[gid] ??= g.codePoints;
  }
  const size = face.subset.glyphs.length;
  const encode = face.subset.encode.bind(face.subset);
  // pdfkit's embed() makes the font file's reference first, then ends it with the subset's bytes.
  let fontFile: PdfRef | null = null;
  face.subset.encode = () => {
    if (face.subset.glyphs.length !== size || !fontFile) return encode();
    fontFile.compress = false;
    fontFile.data.Filter = 'FlateDecode';
    return (p.subset ??= deflateSync(encode()));
  };
  const embed = face.embed.bind(face);
  face.embed = () => {
    const doc = face.document;
    const ref = doc.ref;
    doc.ref = (data?: object) => {
      const made = ref.call(doc, data);
      if (!fontFile) fontFile = made;
      return made;
    };
    try {
      return embed();
    } finally {
      doc.ref = ref;
    }
  };
  return face;
}

/**
 * pdfmake asks its document for a face by family and style; for the plain family the document
 * gets a pdfkit font object of its own (own subset, widths and id) over the font parsed once.
 */
function keepParsedFaces(pdfmakeDocumentModule: unknown): void {
  // A CommonJS module with `exports.default`: Node's ESM gives its exports object as the default.
  type Cls = { prototype: PdfmakeDocument };
  const m = pdfmakeDocumentModule as unknown as { default: Cls & { default?: Cls } };
  const proto = (m.default.default ?? m.default).prototype;
  const original = proto.provideFont;
  if ((original as { plain?: boolean }).plain) return;
  const provideFont = function (this: PdfmakeDocument, family: string, bold: boolean, italics: boolean): PdfkitFont {
    const file = family === PLAIN_FONT ? this.getFontFile(family, bold, italics) : null;
    const first = file ? parsed.get(file) : undefined;
    if (!file || !first) {
      const face = original.call(this, family, bold, italics);
      if (!file) return face;
      const glyphs = [...new Map([...CHARSET].map((c) => face.font.glyphForCodePoint(c.codePointAt(0)!)).filter((g) => g.id !== 0).map((g) => [g.id, g])).values()];
      const p: Parsed = { make: face.constructor, font: face.font, words: Object.create(null) as Record<string, unknown>, glyphs };
      parsed.set(file, p);
      return prime(face, p);
    }
    const type = this.getFontType(bold, italics);
    const cache = (this.fontCache[family] ??= {});
    if (!cache[type]) {
      const face = prime(new first.make(this, first.font, `F${++this._fontCount}`), first);
      // pdfkit embeds (and subsets) at the end every face registered in its families.
      this._fontFamilies[`${file}#${type}`] = face;
      cache[type] = face;
    }
    return cache[type];
  };
  proto.provideFont = Object.assign(provideFont, { plain: true });
}

let ready: Promise<typeof import('pdfmake').default> | null = null;

async function prepare() {
  const { default: pdfmake } = await import('pdfmake');
  const f = await fontFiles();
  pdfmake.virtualfs.writeFileSync(FILES.normal, withoutTables(f.regular, SHAPING_TABLES));
  pdfmake.virtualfs.writeFileSync(FILES.bold, withoutTables(f.bold, SHAPING_TABLES));
  // pdfmake's own document class (the module its printer uses), loaded with pdfmake: never at a cold start.
  keepParsedFaces(await import('pdfmake/js/PDFDocument.js'));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake;
}

/** Renders a document in the plain family (its default font): for large tables of figures and names. */
export async function renderPlainPdf(doc: Record<string, unknown>): Promise<Buffer> {
  const pdfmake = await (ready ??= prepare());
  // Added on every render (a cheap merge): another renderer may have replaced pdfmake's font list.
  pdfmake.addFonts({ [PLAIN_FONT]: { normal: FILES.normal, bold: FILES.bold, italics: FILES.normal, bolditalics: FILES.bold } });
  const defaultStyle = { font: PLAIN_FONT, fontSize: 9, ...((doc.defaultStyle as object | undefined) ?? {}) };
  return pdfmake.createPdf({ ...doc, defaultStyle }).getBuffer();
}



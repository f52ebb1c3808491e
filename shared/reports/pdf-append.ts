/**
 * Puts the pages of one PDF in front of another's without changing a byte of the other: a PDF
 * incremental update (ISO 32000-1, 7.5.6). The result is the original file as it was, followed by
 * the added page's objects, a new page tree object, a cross-reference section and a trailer that
 * points back (/Prev) to the original's. So the approved copy of an archived document begins with
 * the archived bytes themselves: its first `size` bytes hash to the archived SHA-256, and a reader
 * that strips the update gets the original back.
 *
 * Both PDFs are what pdfkit (under pdfmake) writes: a classic cross-reference table, a flat page
 * tree, direct /Length numbers, no object streams. Anything else is refused rather than guessed at
 * (no PDF library is a dependency here; pdf-lib would be a 1 MB answer to a 150-line question).
 */

interface Trailer {
  size: number;
  root: number;
  rest: string;
  startxref: number;
}

function trailerOf(text: string): Trailer {
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const at = text.lastIndexOf('trailer');
  if (!sx || at < 0) throw new Error('pdf-append: no classic trailer (a cross-reference stream is not supported)');
  const dict = text.slice(at, text.lastIndexOf('startxref'));
  const size = /\/Size\s+(\d+)/.exec(dict);
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(dict);
  if (!size || !root) throw new Error('pdf-append: trailer without /Size or /Root');
  const info = /\/Info\s+\d+\s+0\s+R/.exec(dict)?.[0];
  const id = /\/ID\s*\[[^\]]*\]/.exec(dict)?.[0];
  return { size: Number(size[1]), root: Number(root[1]), rest: [info, id].filter(Boolean).join('\n'), startxref: Number(sx[1]) };
}

interface PdfObject {
  num: number;
  /** The dictionary or value, with references still as written. */
  head: string;
  /** The raw stream bytes (between `stream\n` and `\nendstream`), if any. */
  stream?: Buffer;
}

/** Where each object of the last cross-reference table is (a pdfkit file has exactly one). */
function offsetsOf(text: string, startxref: number): Map<number, number> {
  const table = /^xref\s+0\s+(\d+)\s+/.exec(text.slice(startxref));
  if (!table) throw new Error('pdf-append: one cross-reference table starting at object 0 is expected');
  const count = Number(table[1]);
  const entries = text.slice(startxref + table[0].length, startxref + table[0].length + count * 20);
  const out = new Map<number, number>();
  for (let num = 1; num < count; num++) {
    const entry = entries.slice(num * 20, num * 20 + 20);
    if (entry[17] === 'n') out.set(num, Number(entry.slice(0, 10)));
  }
  return out;
}

/** Object `num` read at its offset; a stream's bytes are kept as they are (never searched). */
function objectAt(buf: Buffer, text: string, num: number, offset: number | undefined): PdfObject {
  const header = offset === undefined ? null : new RegExp(`^${num} 0 obj\\s*`).exec(text.slice(offset, offset + 32));
  if (offset === undefined || !header) throw new Error(`pdf-append: object ${num} is not where the table says`);
  const start = offset + header[0].length;
  const endobjAt = text.indexOf('endobj', start);
  const streamAt = text.indexOf('stream\n', start);
  if (streamAt < 0 || streamAt > endobjAt) return { num, head: text.slice(start, endobjAt).trimEnd() };
  const head = text.slice(start, streamAt).trimEnd();
  const length = /\/Length\s+(\d+)(?!\s+0\s+R)/.exec(head);
  if (!length) throw new Error(`pdf-append: object ${num} has no direct /Length`);
  const from = streamAt + 'stream\n'.length;
  return { num, head, stream: buf.subarray(from, from + Number(length[1])) };
}

class Pdf {
  readonly buf: Buffer;
  readonly text: string;
  readonly trailer: Trailer;
  private readonly offsets: Map<number, number>;

  constructor(bytes: Uint8Array) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.text = this.buf.toString('latin1');
    this.trailer = trailerOf(this.text);
    this.offsets = offsetsOf(this.text, this.trailer.startxref);
  }

  object(num: number): PdfObject {
    return objectAt(this.buf, this.text, num, this.offsets.get(num));
  }

  /** The page tree: its number, its dictionary and its kids' references, which must be pages. */
  pageTree(): { num: number; head: string; kids: string[] } {
    const ref = /\/Pages\s+(\d+)\s+0\s+R/.exec(this.object(this.trailer.root).head);
    if (!ref) throw new Error('pdf-append: the catalog names no page tree');
    const num = Number(ref[1]);
    const head = this.object(num).head;
    const kids = [...(/\/Kids\s*\[([^\]]*)\]/.exec(head)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => m[0]);
    if (kids.length === 0 || kids.some((k) => /\/Type\s*\/Pages/.test(this.object(Number(k.split(' ')[0])).head))) throw new Error('pdf-append: the page tree is not flat');
    return { num, head, kids };
  }
}

const REF = /(\d+) 0 R/g;
const xrefEntry = (offset: number) => `${String(offset).padStart(10, '0')} 00000 n \n`;

/**
 * The original PDF with the pages of `front` put before its own, as an incremental update. Only
 * what the front's pages use (contents, fonts, resources) is copied, numbered after the original's
 * objects; each page's /Parent becomes the original's page tree, which is written anew with them.
 */
export function prependPages(original: Uint8Array, front: Uint8Array): Buffer {
  const doc = new Pdf(original);
  const tree = doc.pageTree();
  const count = /\/Count\s+(\d+)/.exec(tree.head);
  if (!count) throw new Error('pdf-append: the page tree has no /Count');
  const add = new Pdf(front);
  const addTree = add.pageTree();

  // What the front's pages reach, without climbing back to their own page tree.
  const order: number[] = [];
  const pending = addTree.kids.map((k) => Number(k.split(' ')[0]));
  while (pending.length > 0) {
    const num = pending.shift()!;
    if (num === addTree.num || order.includes(num)) continue;
    order.push(num);
    for (const m of add.object(num).head.matchAll(REF)) pending.push(Number(m[1]));
  }
  const numbers = new Map(order.map((n, i) => [n, doc.trailer.size + i]));
  numbers.set(addTree.num, tree.num);
  // The front's font subsets get a tag of their own: a viewer that knows fonts by name would
  // otherwise draw them with the original's subset of the same name, which has other glyphs.
  const renumber = (s: string) => s.replace(REF, (_, n: string) => `${numbers.get(Number(n)) ?? n} 0 R`).replace(/\/(BaseFont|FontName) \/[A-Z]{6}\+/g, '/$1 /UTVERZ+');

  const newTree = tree.head
    .replace(/\/Kids\s*\[[^\]]*\]/, `/Kids [${[...addTree.kids.map(renumber), ...tree.kids].join(' ')}]`)
    .replace(/\/Count\s+\d+/, `/Count ${Number(count[1]) + addTree.kids.length}`);

  const parts: Buffer[] = [doc.buf];
  let offset = doc.buf.length;
  const push = (text: string | Buffer) => {
    const b = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
    parts.push(b);
    offset += b.length;
  };
  if (!doc.text.endsWith('\n')) push('\n');
  const written = new Map<number, number>();
  const write = (num: number, head: string, stream?: Buffer) => {
    written.set(num, offset);
    push(`${num} 0 obj\n${head}\n`);
    if (stream) push(Buffer.concat([Buffer.from('stream\n', 'latin1'), stream, Buffer.from('\nendstream\n', 'latin1')]));
    push('endobj\n');
  };
  write(tree.num, newTree);
  for (const num of order) {
    const o = add.object(num);
    write(numbers.get(num)!, renumber(o.head), o.stream);
  }

  const xrefAt = offset;
  const first = doc.trailer.size;
  let xref = `xref\n${tree.num} 1\n${xrefEntry(written.get(tree.num)!)}${first} ${order.length}\n`;
  for (let i = 0; i < order.length; i++) xref += xrefEntry(written.get(first + i)!);
  const { root, rest, startxref } = doc.trailer;
  push(`${xref}trailer\n<<\n/Size ${first + order.length}\n/Root ${root} 0 R\n${rest}\n/Prev ${startxref}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}

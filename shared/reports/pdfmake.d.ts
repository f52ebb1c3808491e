/**
 * The part of pdfmake 0.3 (server build, a CommonJS singleton without bundled types) that the
 * report renderers use. Document definitions stay loosely typed: they are plain data.
 */
declare module 'pdfmake' {
  interface PdfOutput {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    virtualfs: { writeFileSync(name: string, content: Buffer | Uint8Array): void; existsSync(name: string): boolean };
    addFonts(fonts: Record<string, { normal: string; bold?: string; italics?: string; bolditalics?: string }>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(doc: Record<string, unknown>, options?: Record<string, unknown>): PdfOutput;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}

/** pdfmake's document class (a pdfkit document): the plain-font renderer keeps parsed faces through it. */
declare module 'pdfmake/js/PDFDocument.js' {
  const PDFDocument: { prototype: object };
  export default PDFDocument;
}

/**
 * The fast PDF path's font (shared/reports/lean-pdf.ts): PT Sans without its shaping tables keeps
 * every glyph and metric, and a summary sheet rendered twice in one process (the second from the
 * parsed font and the shared subset) still carries its Cyrillic text.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarySheet } from '../../shared/domain/reports/summary-sheet';
import { withoutTables } from '../../shared/reports/lean-pdf';
import { renderSummaryPdf } from '../../shared/reports/summary-pdf';
import type { SummaryReport } from '../../shared/services/reports/summary';

const require = createRequire(import.meta.url);
const fontDir = dirname(require.resolve('@expo-google-fonts/pt-sans/package.json'));
/** pdfkit's own font reader (a dependency of pdfmake), as much of it as the test reads. */
interface Font {
  numGlyphs: number;
  directory: { tables: object };
  glyphForCodePoint(cp: number): { advanceWidth: number };
}
const fontkit = require('fontkit') as { create(bytes: Buffer): Font };
const regular = readFileSync(join(fontDir, '400Regular', 'PTSans_400Regular.ttf'));

describe('the plain font', () => {
  it('should drop the shaping tables and keep the glyphs and their widths', () => {
    const before = fontkit.create(regular);
    const after = fontkit.create(withoutTables(regular, new Set(['GSUB', 'GPOS', 'GDEF', 'kern'])));
    const tables = (f: Font) => Object.keys(f.directory.tables);
    expect(tables(before)).toContain('GSUB');
    expect(tables(after)).not.toContain('GSUB');
    expect(tables(after)).not.toContain('GPOS');
    expect(after.numGlyphs).toBe(before.numGlyphs);
    for (const ch of 'Ёжик, № 5 — «4,67»') {
      const cp = ch.codePointAt(0)!;
      expect(after.glyphForCodePoint(cp).advanceWidth, ch).toBe(before.glyphForCodePoint(cp).advanceWidth);
    }
  });
});

describe('the summary sheet PDF', () => {
  it('should render twice in one process with its Cyrillic text intact', async () => {
    const subjects = [{ subjectId: 'm', name: 'Математика', shortName: 'Мат.', passFail: false }];
    const students = [{ studentId: 'a', name: 'Щукина Ёлка' }];
    const r = {
      schoolName: 'МАОУ СОШ № 53', classId: '5a', className: '5А', grade: 5, timeZone: 'Europe/Moscow', today: '2026-12-28', note: '', queryPages: 1,
      period: { periodId: 'q2', name: '2 четверть', startDate: '2026-11-05', endDate: '2026-12-29' }, periods: [], subjects,
      ...summarySheet({ students, subjects, periodMarks: [{ subjectId: 'm', studentId: 'a', code: '4' }] }),
    } as SummaryReport;
    for (let i = 0; i < 2; i++) {
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: await renderSummaryPdf(r) }).toString('utf8');
      expect(text).toMatch(/Щукина Ёлка\s+4\s+4,00/);
      expect(text).toContain('Мат. — Математика');
    }
  });
});

/**
 * The documents of corrections as pdfmake definitions and rendered (shared/reports/correction-*.ts):
 * the change table of clause 7.5 and the register of clause 7.3, in Russian with PT Sans. PT Sans
 * has no arrow, so the change log's «3 → 4» must print as «3 на 4», not as a missing glyph.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeTableDoc, renderChangeTable } from '../../shared/reports/correction-changes';
import { printable } from '../../shared/reports/correction-frame';
import { registerDoc } from '../../shared/reports/correction-register';
import type { ChangeTable, RegisterDocument } from '../../shared/services/correction-documents';

const AT = new Date('2026-11-30T09:00:00Z');
const table: ChangeTable = {
  schoolName: 'МАОУ СОШ № 53',
  classId: '5a',
  className: '5А',
  periodId: '2026-q2',
  periodName: '2 четверть',
  yearId: '2026',
  timeZone: 'Europe/Moscow',
  rows: [
    {
      correctionNo: 3,
      at: '2026-11-30T08:15:00Z',
      actorName: 'Петрова Анна Ивановна',
      subjectName: 'Математика',
      studentName: 'Иванов Иван',
      lesson: { date: '2026-11-16', lessonNo: 2 },
      description: 'отметка 3 → 4, контрольная работа, по заявке № 3',
      reasonText: 'Пересдача по уважительной причине',
      document: { kind: 'Протокол пересдачи', number: '7', date: '2026-11-27' },
      approval: { text: 'Разрешено директором', byName: 'Данилов А. С.', at: '2026-11-28T07:00:00Z' },
    },
  ],
};

function text(bytes: Buffer): string | null {
  if (!existsSync('/usr/bin/pdftotext')) return null;
  const file = join(mkdtempSync(join(tmpdir(), 'corr-doc-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
}

describe('the change table (clause 7.5)', () => {
  it('should print the change log\'s arrows in words, since the font has none', () => {
    expect(printable('отметка 3 → 4')).toBe('отметка 3 на 4');
    expect(JSON.stringify(changeTableDoc(table, AT))).not.toContain('→');
  });

  it('should render landscape with the class, the period, the request and its decision in Russian', async () => {
    const doc = changeTableDoc(table, AT);
    expect(doc.pageOrientation).toBe('landscape');
    const pdf = await renderChangeTable(table, AT);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const t = text(pdf);
    if (t === null) return;
    for (const words of ['Таблица учета изменений в электронном журнале', '5А класс, 2 четверть', 'отметка 3 на 4', 'Иванов Иван', 'Пересдача по уважительной причине', 'Протокол пересдачи № 7 от 27.11.2026', 'Разрешено директором', '30.11.2026 11:15']) {
      expect(t).toContain(words);
    }
  });

  it('should say so when no change was made under a request', () => {
    expect(JSON.stringify(changeTableDoc({ ...table, rows: [] }, AT))).toContain('Изменений по заявкам на корректировку за период не было.');
  });
});

describe('the register (clause 7.3)', () => {
  const register: RegisterDocument = { schoolName: 'МАОУ СОШ № 53', yearId: '2026', timeZone: 'Europe/Moscow', filterText: 'класс: 5А', rows: [] };

  it('should name the school year and the filters, and say when no request is kept', () => {
    const s = JSON.stringify(registerDoc(register, AT));
    expect(s).toContain('2026/2027 учебный год; класс: 5А');
    expect(s).toContain('Заявок нет.');
  });
});

/**
 * The archive's pure rules (shared/domain/archive.ts) and the approved copy (the approval sheet put
 * in front of the untouched original by an incremental update, shared/reports/pdf-append.ts),
 * read back with pdftotext and pdfinfo.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  approvalRefusal,
  approvedFileName,
  archiveObjectName,
  byPlace,
  checksumState,
  docIdOf,
  fileNameProblem,
  legalHoldRefusal,
  slotOfPath,
  slotProblem,
  type ArchivedDocument,
} from '../../shared/domain/archive';
import { may } from '../../shared/auth/policy';
import { approvedCopy } from '../../shared/reports/approval-sheet';
import { allStaffOf, person } from '../support/principals';
import { renderPlainPdf } from '../../shared/reports/lean-pdf';
import { prependPages } from '../../shared/reports/pdf-append';
import { renderPdf } from '../../shared/reports/pdf';

const doc = (over: Partial<ArchivedDocument> = {}): ArchivedDocument => ({
  schoolId: 'sch53',
  yearId: '2026',
  periodId: '2026-q1',
  classId: '5a',
  kind: 'summary-marks',
  docId: '2026/2026-q1/5a/summary-marks',
  title: 'Сводная ведомость',
  fileName: 'svod-5a.pdf',
  contentType: 'application/pdf',
  retention: 'summarySheets',
  s3Key: 'summary-sheets/x',
  sha256: 'a'.repeat(64),
  size: 10,
  storedAt: '2026-11-03T21:00:00.000Z',
  retainUntil: '2051-11-03T21:00:00.000Z',
  version: 1,
  ...over,
});
const actor = { userId: 'u1', displayName: 'Иванова Анна Петровна' };

describe('archive slots', () => {
  it('should name a slot by path, with «-» for a year-wide or school-wide document', () => {
    expect(docIdOf({ yearId: '2026', periodId: '2026-q1', classId: '5a', kind: 'movement' })).toBe('2026/2026-q1/5a/movement');
    expect(docIdOf({ yearId: '2026', classId: '5a', kind: 'yearly-journal' })).toBe('2026/-/5a/yearly-journal');
    expect(slotOfPath('s', '2026', '-', '5a', 'yearly-journal')).toEqual({ schoolId: 's', yearId: '2026', classId: '5a', kind: 'yearly-journal' });
    expect(slotOfPath('s', '2026', '2026-q1', '-', 'close-manifest')).toEqual({ schoolId: 's', yearId: '2026', periodId: '2026-q1', kind: 'close-manifest' });
  });

  it('should refuse what cannot be part of a key', () => {
    expect(slotProblem({ schoolId: 's', yearId: '2026', kind: 'summary-marks' })).toBeNull();
    expect(slotProblem({ schoolId: 's', yearId: '26', kind: 'x' })).toMatch(/year/);
    expect(slotProblem({ schoolId: 's', yearId: '2026', periodId: '-', kind: 'x' })).toMatch(/period/);
    expect(slotProblem({ schoolId: 's', yearId: '2026', classId: 'a#b', kind: 'x' })).toMatch(/class/);
    expect(slotProblem({ schoolId: 's', yearId: '2026', kind: 'Сводная' })).toMatch(/kind/);
    expect(fileNameProblem('svod-5a.pdf')).toBeNull();
    expect(fileNameProblem('../svod.pdf')).not.toBeNull();
    expect(fileNameProblem('.hidden')).not.toBeNull();
  });

  it('should put the checksum in the object name, so that two bodies never share a key', () => {
    const slot = { schoolId: 'sch53', yearId: '2026', classId: '5a', kind: 'yearly-journal' };
    expect(archiveObjectName(slot, 'ab'.repeat(32), 'j.pdf')).toBe(`archive/sch53/2026/-/5a/yearly-journal/${'ab'.repeat(8)}-j.pdf`);
    expect(archiveObjectName(slot, 'cd'.repeat(32), 'j.pdf')).not.toBe(archiveObjectName(slot, 'ab'.repeat(32), 'j.pdf'));
    expect(approvedFileName('svod-5a.pdf')).toBe('svod-5a-utverzhdeno.pdf');
    expect(approvedFileName('manifest')).toBe('manifest-utverzhdeno');
  });

  it('should order a year by period, then class as a person counts, then kind', () => {
    const list = [doc({ classId: '10a' }), doc({ classId: '5a', kind: 'movement' }), doc({ periodId: undefined, kind: 'yearly-journal' }), doc({ classId: '5a' })];
    expect(list.sort(byPlace).map((d) => `${d.periodId ?? '-'} ${d.classId} ${d.kind}`)).toEqual(['- 5a yearly-journal', '2026-q1 5a movement', '2026-q1 5a summary-marks', '2026-q1 10a summary-marks']);
  });
});

describe('approval and legal hold rules', () => {
  it('should refuse a second approval, naming the first, and a non-PDF', () => {
    expect(approvalRefusal(doc())).toBeNull();
    const approved = doc({ approval: { by: actor, at: '2026-11-30T09:00:00Z', on: '2026-11-30', s3Key: 'k', sha256: 'b', size: 1, fileName: 'f', retainUntil: 'r' } });
    expect(approvalRefusal(approved)).toBe('Документ уже утверждён 30.11.2026 (Иванова Анна Петровна); повторное утверждение не требуется.');
    expect(approvalRefusal(doc({ contentType: 'application/json' }))).toMatch(/PDF/);
  });

  it('should set a hold only when off and lift it only when on', () => {
    const held = doc({ legalHold: { on: true, by: actor, at: 'x', reason: 'спор' } });
    expect(legalHoldRefusal(doc(), true)).toBeNull();
    expect(legalHoldRefusal(doc(), false)).toMatch(/не удерживается/);
    expect(legalHoldRefusal(held, true)).toMatch(/уже удерживается/);
    expect(legalHoldRefusal(held, false)).toBeNull();
  });

  it('should tell a changed object from a lost one', () => {
    expect(checksumState('ab', 'ab')).toBe('ok');
    expect(checksumState('ab', 'cd')).toBe('mismatch');
    expect(checksumState('ab', null)).toBe('missing');
  });
});

describe('who may do what in the archive', () => {
  const school = { departmentId: 'krd', schoolId: 's1' };
  const who = {
    director: person('d', [{ role: 'director', schoolId: 's1' }]),
    deputy: person('z', [{ role: 'deputy', schoolId: 's1' }]),
    department: person('uo', [{ role: 'department', departmentId: 'krd' }]),
    otherDepartment: person('uo2', [{ role: 'department', departmentId: 'msk' }], 'msk'),
    otherDirector: person('d2', [{ role: 'director', schoolId: 's2' }]),
    teacher: person('t', [{ role: 'teacher', schoolId: 's1' }, { role: 'classTeacher', schoolId: 's1', classId: '5a' }]),
    secretary: person('s', [{ role: 'secretary', schoolId: 's1' }, { role: 'administrator', schoolId: 's1' }]),
    parent: person('p', [{ role: 'parent', schoolId: 's1', studentId: 'st1' }]),
    viewer: person('v', [{ role: 'viewer', schoolId: 's1', classIds: 'all', areas: ['journal', 'reports', 'people'], until: '2099-01-01' }]),
    everyRoleOfAnother: person('x', allStaffOf('s2')),
  };
  const actions = ['archive.read', 'archive.approve', 'archive.setLegalHold', 'archive.liftLegalHold'] as const;
  it.each([
    ['director', [true, true, true, true]],
    ['deputy', [true, false, true, false]],
    ['department', [true, false, false, false]],
    ['otherDepartment', [false, false, false, false]],
    ['otherDirector', [false, false, false, false]],
    ['teacher', [false, false, false, false]],
    ['secretary', [false, false, false, false]],
    ['parent', [false, false, false, false]],
    ['viewer', [false, false, false, false]],
    ['everyRoleOfAnother', [false, false, false, false]],
  ] as const)('%s', (name, expected) => {
    expect(actions.map((a) => may(who[name], a, school))).toEqual(expected);
  });
});

describe('the approved copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhurnal-archive-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const read = (bytes: Uint8Array, tool: 'pdftotext' | 'pdfinfo') => {
    const file = join(dir, `${tool}.pdf`);
    writeFileSync(file, bytes);
    return execFileSync(tool, tool === 'pdftotext' ? ['-layout', file, '-'] : [file], { encoding: 'utf8' });
  };

  it.each([
    ['pdfmake', () => renderPdf({ content: [{ text: 'Журнал 5А' }, { text: 'Вторая страница', pageBreak: 'before' }] })],
    ['the lean path, landscape', () => renderPlainPdf({ pageOrientation: 'landscape', content: [{ table: { body: [['Иванов', '5'], ['Петров', '4']] } }] })],
  ])('should put the approval sheet before an untouched original (%s)', async (_name, render) => {
    const original = await render();
    const sha256 = createHash('sha256').update(original).digest('hex');
    const copy = await approvedCopy(original, {
      schoolName: 'МАОУ СОШ № 53',
      timeZone: 'Europe/Moscow',
      directorName: 'Иванова Анна Петровна',
      on: '2026-11-30',
      at: new Date('2026-11-30T09:00:00Z'),
      doc: { title: 'Сводная ведомость, 5А', fileName: 'svod.pdf', size: original.length, sha256, storedAt: '2026-11-03T21:00:00Z', retainUntil: '2051-11-03T21:00:00Z' },
    });
    // The original's bytes are the copy's beginning, byte for byte.
    expect(createHash('sha256').update(copy.subarray(0, original.length)).digest('hex')).toBe(sha256);
    const pagesOf = (b: Uint8Array) => Number(/Pages:\s+(\d+)/.exec(read(b, 'pdfinfo'))![1]);
    expect(pagesOf(copy)).toBe(pagesOf(original) + 1);
    const text = read(copy, 'pdftotext');
    const [sheet, ...rest] = text.split('\f');
    expect(sheet).toContain('УТВЕРЖДАЮ');
    expect(sheet).toContain('Иванова Анна Петровна');
    expect(sheet).toContain('30.11.2026');
    expect(sheet).toContain(sha256);
    expect(rest.join('\f')).toMatch(/Журнал 5А|Иванов/);
  });

  it('should refuse a file that is not a classic PDF rather than guess', () => {
    expect(() => prependPages(new TextEncoder().encode('{"manifest":true}'), new Uint8Array())).toThrow(/pdf-append/);
  });
});

/**
 * The entry of an approved correction request (issue 11; clauses 7.4, 3.11) as pure rules: the
 * cells sent against the scope, cell by cell; the «value now» check; the one-transaction bound known
 * at filing; the school's window setting and its boundary in the school's zone; the director's
 * settings; who may enter and who sets them; the change-log text naming the request.
 */
import { describe, expect, it } from 'vitest';
import { may, refusalBeforeLoading } from '../../shared/auth/policy';
import { SENSITIVE_ACTIONS } from '../../shared/auth/session-rules';
import {
  cellKey,
  correctionNote,
  correctionProblems,
  correctionSettingsProblems,
  DEFAULT_ENTRY_WINDOW_DAYS,
  entryItemsBound,
  entryProblems,
  entryWindow,
  entryWindowDaysOf,
  staleCells,
  stateAt,
  transitionRefusal,
  TRANSACTION_ITEMS_MAX,
  type ScopeCell,
} from '../../shared/domain/corrections';
import { chainNext, chainRun, genesisHash, logValue, verifyChain, type ChangeBody } from '../../shared/domain/journal-log';
import { describeChange } from '../../shared/domain/journal-log-text';
import { person } from '../support/principals';

const mark = (over: Partial<ScopeCell> = {}): ScopeCell =>
  ({ kind: 'mark', subjectId: 'math', date: '2026-11-16', lessonNo: 2, groupId: 'all', studentId: 's1', workType: 'lessonAnswer', from: '3', to: '5', ...over }) as ScopeCell;
const att: ScopeCell = { kind: 'attendance', subjectId: 'math', date: '2026-11-16', lessonNo: 2, groupId: 'all', studentId: 's2', from: 'н', to: 'б' };
const topic: ScopeCell = { kind: 'topic', subjectId: 'math', date: '2026-11-16', lessonNo: 2, groupId: 'all', from: null, to: 'Дроби' };
const final: ScopeCell = { kind: 'finalMark', subjectId: 'math', studentId: 's1', slot: '2026-q1', from: null, to: '4' };
const scope = [mark(), att, topic, final];

describe('the cells sent against the scope (clause 7.4: exactly the approved cells and values)', () => {
  it('should accept the scope as approved, in any order', () => {
    expect(entryProblems(scope, [...scope].reverse(), 7)).toEqual([]);
  });

  it('should refuse each cell outside the scope, each other value and each cell left out, naming the cell', () => {
    const outside = mark({ studentId: 's9' });
    const problems = entryProblems(scope, [mark({ to: '4' }), { ...att, from: 'уп' }, topic, outside], 7);
    expect(problems.map((p) => p.field)).toEqual(['cells.0.to', 'cells.1.from', 'cells.3', 'cells']);
    expect(problems[0]!.message).toBe('Ячейка 1 (текущая отметка 16.11.2026, 2-й урок): значение «4» отличается от разрешённого по заявке № 7 «5».');
    expect(problems[1]!.message).toContain('нынешнее значение «уп» не совпадает с указанным в заявке «н»');
    expect(problems[2]!.message).toContain('не входит в заявку № 7');
    expect(problems[3]!.message).toContain('Ячейка 4 заявки (отметка за период, годовая или итоговая (2026-q1)) не передана');
  });

  it('should refuse a cell sent twice and an empty value where a mark was approved', () => {
    expect(entryProblems([mark()], [mark(), mark()], 1).map((p) => p.message)).toEqual([expect.stringContaining('указана дважды')]);
    expect(entryProblems([mark()], [mark({ to: null })], 1)[0]!.message).toContain('значение «пусто» отличается от разрешённого по заявке № 1 «5»');
  });
});

describe('the value now (409 when the journal moved since filing)', () => {
  it('should name each cell whose journal value is not the request\'s «value now»', () => {
    const now = new Map<string, string | null>([[cellKey(mark()), '2'], [cellKey(att), 'н'], [cellKey(topic), null]]);
    const stale = staleCells(scope, now);
    expect(stale.map((s) => s.cell.kind)).toEqual(['mark']);
    expect(stale[0]).toMatchObject({ now: '2' });
    expect(stale[0]!.message).toContain('сейчас в журнале «2», а в заявке — «3»');
  });
});

describe('one transaction (DynamoDB: at most 100 items)', () => {
  it('should count cells, their records, one head per chain, one lesson mark per lesson, the request and its audit', () => {
    expect(entryItemsBound([mark()])).toBe(2 + 1 + 1 + 2);
    expect(entryItemsBound(scope)).toBe(8 + 2 + 1 + 2);
  });

  it('should refuse at filing a scope that could not be entered in one transaction', () => {
    const many = Array.from({ length: 40 }, (_, i) => mark({ studentId: `s${i}`, date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}` }));
    expect(entryItemsBound(many)).toBeGreaterThan(TRANSACTION_ITEMS_MAX);
    const draft = { reason: 'retake' as const, document: { kind: 'Протокол', number: '1', date: '2026-11-27' }, explanation: 'Пересдача.', cells: many };
    expect(correctionProblems(draft, '2026-11-30').map((p) => p.message)).toContain('Заявка слишком большая, чтобы внести её одним действием: разделите её на несколько заявок (например, по предметам).');
    expect(correctionProblems({ ...draft, cells: many.slice(0, 20) }, '2026-11-30')).toEqual([]);
  });
});

describe("the window, a school setting (clause 7.4), in the school's zone", () => {
  it('should take the school\'s days within 1..14 and the default otherwise', () => {
    expect(entryWindowDaysOf(5)).toBe(5);
    for (const bad of [undefined, 0, 15, 2.5, '3']) expect(entryWindowDaysOf(bad)).toBe(DEFAULT_ENTRY_WINDOW_DAYS);
  });

  it('should let the entry until the last millisecond of the window and refuse it from its end', () => {
    const w = entryWindow(new Date('2026-11-30T20:30:00Z'), 'Europe/Moscow', 1); // 23:30 in Moscow: one day, to midnight
    expect(w).toEqual({ lastDate: '2026-11-30', endsAt: '2026-11-30T21:00:00.000Z' });
    const approved = { state: 'approved' as const, windowEndsAt: w.endsAt };
    expect(stateAt(approved, new Date('2026-11-30T20:59:59.999Z'))).toBe('approved');
    expect(transitionRefusal(approved, 'enter', 'deputy', new Date('2026-11-30T20:59:59.999Z'))).toBeNull();
    expect(transitionRefusal(approved, 'enter', 'deputy', new Date('2026-11-30T21:00:00.000Z'))).toContain('Срок внесения истёк');
    expect(transitionRefusal({ state: 'rejected' }, 'enter', 'deputy', new Date('2026-11-30T12:00:00Z'))).toContain('Отклонена');
    expect(transitionRefusal(approved, 'enter', 'director', new Date('2026-11-30T12:00:00Z'))).toContain('заместитель директора, ответственный за контроль ведения журнала');
  });
});

describe("the director's settings (clauses 3.11, 7.4)", () => {
  const deputies = new Set(['d1', 'd2']);
  it('should accept the school\'s deputies and a window of 1..14 days', () => {
    expect(correctionSettingsProblems({ correctionEntryWindowDays: 3, journalControlDeputyIds: ['d1'] }, deputies)).toEqual([]);
    expect(correctionSettingsProblems({ correctionEntryWindowDays: 14, journalControlDeputyIds: [] }, deputies)).toEqual([]);
  });
  it('should refuse a window out of bounds, a non-deputy and a deputy named twice', () => {
    const p = correctionSettingsProblems({ correctionEntryWindowDays: 0, journalControlDeputyIds: ['d1', 'd1', 't1'] }, deputies);
    expect(p.map((x) => x.field)).toEqual(['correctionEntryWindowDays', 'journalControlDeputyIds', 'journalControlDeputyIds.2']);
    expect(p[2]!.message).toContain('только заместителя директора');
  });
});

describe('who enters and who designates (policy)', () => {
  const S = { departmentId: 'krd', schoolId: 's1' };
  const deputy = (id: string) => person(id, [{ role: 'deputy', schoolId: 's1' }]);
  const director = person('dir', [{ role: 'director', schoolId: 's1' }]);
  const entry = { ...S, classId: '5a', journalControlDeputyIds: ['d1'] };
  it('should let only a designated deputy enter', () => {
    expect(may(deputy('d1'), 'correction.enter', entry)).toBe(true);
    expect(may(deputy('d2'), 'correction.enter', entry)).toBe(false);
    expect(may(director, 'correction.enter', entry)).toBe(false);
    // A designated id that lost the deputy role enters nothing.
    expect(may(person('d1', [{ role: 'teacher', schoolId: 's1' }]), 'correction.enter', entry)).toBe(false);
    expect(refusalBeforeLoading(person('p', [{ role: 'parent', schoolId: 's1', studentId: 'x' }]), 'correction.enter', S)).toContain('работники школы');
  });
  it('should let only the director designate, asking for the password again', () => {
    expect(may(director, 'correction.configure', S)).toBe(true);
    expect(may(deputy('d1'), 'correction.configure', S)).toBe(false);
    expect(SENSITIVE_ACTIONS.has('correction.configure')).toBe(true);
  });
  it('should let the class teacher enter absence documents, and the administration read them', () => {
    const ct = person('ct', [{ role: 'teacher', schoolId: 's1' }, { role: 'classTeacher', schoolId: 's1', classId: '5a' }]);
    const cls = { ...S, classId: '5a' };
    expect(may(ct, 'absenceDocument.enter', cls)).toBe(true);
    expect(may(ct, 'absenceDocument.enter', { ...cls, classId: '6b' })).toBe(false);
    expect(may(deputy('d1'), 'absenceDocument.enter', cls)).toBe(false);
    expect(may(deputy('d1'), 'absenceDocument.list', cls)).toBe(true);
    expect(may(person('t', [{ role: 'teacher', schoolId: 's1' }]), 'absenceDocument.list', cls)).toBe(false);
  });
});

describe('the change-log record of a correction (R-42)', () => {
  const body = (over: Partial<ChangeBody> = {}): ChangeBody => ({
    partition: 'SCH#s1#CLS#5a#PER#q2', subjectId: 'math', at: '2026-11-30T09:00:00.000Z', actorId: 'd1', actorName: 'Зам', action: 'update', entity: 'mark',
    target: { lessonId: '2026-11-16.2.all', studentId: 's1', workType: 'lessonAnswer' }, old: logValue.mark({ value: 3 }), new: logValue.mark({ value: 5 }),
    reason: correctionNote(7), correctionNo: 7, ...over,
  });
  it('should say «по заявке № N» in words', () => {
    expect(describeChange(body())).toBe('отметка 3 → 5, ответ на уроке, по заявке № 7');
    expect(describeChange({ ...body(), correctionNo: undefined })).toBe('отметка 3 → 5, ответ на уроке');
  });
  it('should chain several records of one transaction on one head, the request number inside the hash', () => {
    const head = chainNext(body({ correctionNo: undefined, reason: undefined }), null);
    const run = chainRun([body(), body({ entity: 'attendance', target: { lessonId: '2026-11-16.2.all', studentId: 's2' }, old: logValue.attendance({ kind: 'absent' }), new: logValue.attendance({ kind: 'absent', reason: 'illness' }) })], head);
    expect(run.map((r) => r.seq)).toEqual([2, 3]);
    expect(run[0]!.prevHash).toBe(head.hash);
    expect(verifyChain('SCH#s1#CLS#5a#PER#q2', [head, ...run], [{ subjectId: 'math', seq: 3, hash: run[1]!.hash }]).ok).toBe(true);
    const forged = { ...run[0]!, correctionNo: 8 };
    expect(verifyChain('SCH#s1#CLS#5a#PER#q2', [head, forged, run[1]!], [{ subjectId: 'math', seq: 3, hash: run[1]!.hash }]).ok).toBe(false);
    expect(genesisHash('SCH#s1#CLS#5a#PER#q2', 'math')).toBe(head.prevHash);
  });
});

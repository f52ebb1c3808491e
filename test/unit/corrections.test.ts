/**
 * Correction requests (issue 11; clauses 7.1-7.5): the scope's rules, every transition with who may
 * take it, and the entry window at its exact boundaries in the school's zone (Moscow: 21:00Z is
 * midnight of the next day).
 */
import { describe, expect, it } from 'vitest';
import {
  CORRECTION_ACTIONS,
  CORRECTION_REASONS,
  correctionProblems,
  entryWindow,
  REASON_LABELS,
  stateAt,
  transitionRefusal,
  TRANSITIONS,
  type CorrectionAction,
  type CorrectionActor,
  type CorrectionDraft,
  type CorrectionProgress,
  type ScopeCell,
} from '../../shared/domain/corrections';

const MSK = 'Europe/Moscow';
const TODAY = '2026-11-30';
const mark = (over: Partial<ScopeCell> = {}): ScopeCell =>
  ({ kind: 'mark', subjectId: 'math', date: '2026-11-16', lessonNo: 2, groupId: 'all', studentId: 's1', workType: 'lessonAnswer', from: null, to: '4', ...over }) as ScopeCell;
const draft = (over: Partial<CorrectionDraft> = {}): CorrectionDraft => ({
  reason: 'retake',
  document: { kind: 'Протокол пересдачи', number: '12', date: '2026-11-27' },
  explanation: 'Пересдача контрольной работы после болезни.',
  cells: [mark()],
  ...over,
});
const fields = (d: CorrectionDraft) => correctionProblems(d, TODAY).map((p) => p.field);

describe('the request of clause 7.1', () => {
  it('should name the five reasons of the regulation in Russian', () => {
    expect(CORRECTION_REASONS).toHaveLength(5);
    expect(REASON_LABELS.pupilAbsence).toContain('болезни');
    expect(REASON_LABELS.teacherAbsence).toContain('педагогом');
  });

  it('should accept a documented change of real cells', () => {
    const cells: ScopeCell[] = [
      mark(),
      { kind: 'attendance', subjectId: 'math', date: '2026-11-16', lessonNo: 2, groupId: 'all', studentId: 's1', from: 'н', to: 'б' },
      { kind: 'topic', subjectId: 'math', date: '2026-11-16', lessonNo: 2, groupId: 'all', from: null, to: 'Дроби' },
      { kind: 'finalMark', subjectId: 'math', studentId: 's1', slot: '2026-q1', from: 'na', to: '3' },
    ];
    expect(correctionProblems(draft({ cells }), TODAY)).toEqual([]);
  });

  it('should refuse a document from the future, empty fields, no cells, and say so in Russian', () => {
    const problems = correctionProblems(draft({ document: { kind: ' ', number: '', date: '2026-12-01' }, explanation: '', cells: [] }), TODAY);
    expect(problems.map((p) => p.field).sort()).toEqual(['cells', 'document.date', 'document.kind', 'document.number', 'explanation']);
    expect(problems.find((p) => p.field === 'document.date')!.message).toContain('01.12.2026');
  });

  it('should refuse a cell that changes nothing, a value the journal does not know, a cell twice, a future lesson', () => {
    expect(fields(draft({ cells: [mark({ from: '4', to: '4' })] }))).toEqual(['cells.0.to']);
    expect(fields(draft({ cells: [mark({ to: '6' })] }))).toEqual(['cells.0.to']);
    expect(fields(draft({ cells: [mark({ workType: 'nonsense' } as Partial<ScopeCell>)] }))).toEqual(['cells.0.workType']);
    expect(fields(draft({ cells: [mark(), mark({ to: '5' })] }))).toEqual(['cells.1']);
    expect(fields(draft({ cells: [mark({ date: '2026-12-01' } as Partial<ScopeCell>)] }))).toEqual(['cells.0.date']);
    expect(fields(draft({ cells: [{ kind: 'attendance', subjectId: 'm', date: '2026-11-16', lessonNo: 1, groupId: 'all', studentId: 's', from: 'н', to: 'x' }] }))).toEqual(['cells.0.to']);
    expect(fields(draft({ cells: [{ kind: 'finalMark', subjectId: 'm', studentId: 's', slot: 'year', from: null, to: '7' }] }))).toEqual(['cells.0.to']);
  });
});

describe('the transitions of clauses 7.2, 7.4, 7.5 and who takes each', () => {
  const at = new Date('2026-11-30T09:00:00Z');
  const ACTORS: CorrectionActor[] = ['director', 'department', 'deputy'];
  const cases = CORRECTION_ACTIONS.map((a) => [a, TRANSITIONS[a]] as const);

  it.each(cases)('%s should be allowed from its state to its actor only', (action: CorrectionAction, t) => {
    const r: CorrectionProgress = { state: t.from as CorrectionProgress['state'], windowEndsAt: '2026-12-01T21:00:00.000Z' };
    expect(transitionRefusal(r, action, t.by, at)).toBeNull();
    for (const other of ACTORS.filter((a) => a !== t.by)) expect(transitionRefusal(r, action, other, at)).toContain('может только');
    for (const state of ['filed', 'approved', 'rejected', 'disputed', 'entered'] as const) {
      if (state !== t.from) expect(transitionRefusal({ state, windowEndsAt: r.windowEndsAt }, action, t.by, at), state).toContain('нельзя');
    }
  });

  it('should follow the paths of the regulation', () => {
    expect(TRANSITIONS.approve).toEqual({ from: 'filed', to: 'approved', by: 'director' });
    expect(TRANSITIONS.dispute.to).toBe('disputed');
    expect(TRANSITIONS.departmentApprove).toEqual({ from: 'disputed', to: 'approved', by: 'department' });
    expect(TRANSITIONS.enter).toEqual({ from: 'approved', to: 'entered', by: 'deputy' });
  });
});

describe('the entry window, in the school zone', () => {
  it('should run 3 days counting the day of approval, to midnight in Moscow', () => {
    // 23:30 Moscow on 24.11 is 20:30Z; late approval still gets the 24th as its first day.
    expect(entryWindow(new Date('2026-11-24T20:30:00Z'), MSK)).toEqual({ lastDate: '2026-11-26', endsAt: '2026-11-26T21:00:00.000Z' });
    // 00:30 Moscow on 25.11 is 21:30Z on 24.11: already the 25th.
    expect(entryWindow(new Date('2026-11-24T21:30:00Z'), MSK).lastDate).toBe('2026-11-27');
    expect(entryWindow(new Date('2026-11-24T09:00:00Z'), 'Asia/Yekaterinburg', 1)).toEqual({ lastDate: '2026-11-24', endsAt: '2026-11-24T19:00:00.000Z' });
  });

  it('should let the entry be made until the last instant and expire exactly at midnight', () => {
    const { endsAt } = entryWindow(new Date('2026-11-24T09:00:00Z'), MSK);
    const approved: CorrectionProgress = { state: 'approved', windowEndsAt: endsAt };
    const justBefore = new Date(Date.parse(endsAt) - 1);
    expect(stateAt(approved, justBefore)).toBe('approved');
    expect(transitionRefusal(approved, 'enter', 'deputy', justBefore)).toBeNull();
    expect(stateAt(approved, new Date(endsAt))).toBe('expired');
    expect(transitionRefusal(approved, 'enter', 'deputy', new Date(endsAt))).toContain('Срок внесения истёк');
    // Only an approved request expires.
    expect(stateAt({ state: 'filed', windowEndsAt: endsAt }, new Date('2027-01-01'))).toBe('filed');
  });
});

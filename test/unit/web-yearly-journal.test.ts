/**
 * The yearly journal's link on a class's reports screen (web/src/lib/reports/yearly-journal.ts) is
 * offered by the server's own rule: the director and deputies of the class's school, nobody else.
 */
import { describe, expect, it } from 'vitest';
import { mayPrintYearlyJournal } from '../../web/src/lib/reports/yearly-journal';
import type { Me, RoleGrant } from '../../web/src/lib/types';

const me = (grants: RoleGrant[]): Me => ({
  userId: 'u-1',
  login: 'someone',
  displayName: 'Иванова Анна Петровна',
  departmentId: 'krd',
  grants,
  csrfToken: 'csrf',
  children: [],
  schools: [{ schoolId: 'sch53', name: 'МАОУ СОШ № 53' }],
});

describe('mayPrintYearlyJournal', () => {
  it('should offer the link to the school\'s director and deputy only', () => {
    expect(mayPrintYearlyJournal(me([{ role: 'director', schoolId: 'sch53' }]), 'sch53', '5a')).toBe(true);
    expect(mayPrintYearlyJournal(me([{ role: 'deputy', schoolId: 'sch53' }]), 'sch53', '5a')).toBe(true);
    expect(mayPrintYearlyJournal(me([{ role: 'deputy', schoolId: 'sch7' }]), 'sch53', '5a')).toBe(false);
    expect(mayPrintYearlyJournal(me([{ role: 'classTeacher', schoolId: 'sch53', classId: '5a' }]), 'sch53', '5a')).toBe(false);
    expect(mayPrintYearlyJournal(me([{ role: 'teacher', schoolId: 'sch53' }]), 'sch53', '5a')).toBe(false);
  });
});

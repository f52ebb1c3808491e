/**
 * Read-only grants (clauses 4.1, 4.5; shared/auth/rules/viewer.ts): generated from the routes
 * manifest, every write route's action is refused to a grant of every area and class, both before
 * loading and on the object; the reads follow the grant's areas and classes; a real role held
 * beside a read-only grant keeps its own rights.
 */
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { may, refusalBeforeLoading, VIEWER_REFUSAL, type Action } from '../../shared/auth/policy';
import type { ViewerGrant } from '../../shared/auth/roles';
import { VIEWER_READ_ACTIONS } from '../../shared/auth/rules/viewer';
import { person } from '../support/principals';

const everything: ViewerGrant = { role: 'viewer', schoolId: 's1', classIds: 'all', areas: ['journal', 'reports', 'people'], until: '2027-05-31' };
const viewer = person('v', [everything]);
const guarded = routes.filter((r) => r.permission !== 'public' && r.permission !== 'session');
const writes = guarded.filter((r) => r.method !== 'GET');
/** An object with every field some rule reads, naming the viewer wherever a rule looks for a person. */
const anything = { departmentId: 'krd', schoolId: 's1', classId: '5a', studentId: 'st-1', subjectId: 'math', groupId: 'all', kind: 'staff', fillers: ['v'], teacherIds: ['v'], teacherId: 'v' };

describe('a read-only grant never writes', () => {
  it.each(writes.map((r) => [`${r.method} ${r.path}`, r.permission as Action]))('%s is refused', (_route, action) => {
    expect(refusalBeforeLoading(viewer, action, { departmentId: 'krd', schoolId: 's1' })).toBe(VIEWER_REFUSAL);
    expect(may(viewer, action, anything as never)).toBe(false);
  });

  it('should list only actions that no write route uses', () => {
    const writeActions = new Set(writes.map((r) => r.permission));
    expect([...VIEWER_READ_ACTIONS].filter((a) => writeActions.has(a as Action))).toEqual([]);
    const readActions = new Set(guarded.filter((r) => r.method === 'GET').map((r) => r.permission as string));
    expect([...VIEWER_READ_ACTIONS].filter((a) => !readActions.has(a))).toEqual([]);
  });
});

describe('what a read-only grant reads', () => {
  const of5a = person('v', [{ ...everything, classIds: ['5a'], areas: ['journal'] }]);
  const page = (classId: string, schoolId = 's1') => ({ departmentId: 'krd', schoolId, classId, subjectId: 'math', fillers: [] });

  it('should read the journal of its classes only, in its school only', () => {
    expect(may(of5a, 'journal.read', page('5a'))).toBe(true);
    expect(may(of5a, 'journal.read', page('5b'))).toBe(false);
    expect(may(of5a, 'journal.read', page('5a', 's2'))).toBe(false);
    expect(may(person('v', [everything], 'sochi'), 'journal.read', page('5a'))).toBe(false);
  });

  it('should read only the areas it names', () => {
    expect(may(of5a, 'finalMark.readClass', { ...page('5a'), teacherIds: [] })).toBe(false);
    expect(may(of5a, 'class.readRoster', page('5a'))).toBe(false);
    expect(may(viewer, 'class.readRoster', page('5a'))).toBe(true);
  });

  it('should never read personal data, whatever its areas', () => {
    for (const action of ['student.readCard', 'student.readFull', 'movement.read', 'staff.read', 'loginRegister.read'] as const) {
      expect(may(viewer, action, { ...page('5a'), studentId: 'st-1' } as never), action).toBe(false);
    }
  });

  it('should keep the rights of a real role held beside it', () => {
    const teacherToo = person('v', [everything, { role: 'administrator', schoolId: 's2' }]);
    expect(may(teacherToo, 'staff.write', { departmentId: 'krd', schoolId: 's2' })).toBe(true);
    expect(may(teacherToo, 'staff.write', { departmentId: 'krd', schoolId: 's1' })).toBe(false);
    expect(refusalBeforeLoading(teacherToo, 'staff.write', { departmentId: 'krd', schoolId: 's2' })).toBeNull();
  });
});

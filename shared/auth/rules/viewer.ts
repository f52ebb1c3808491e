/**
 * What a read-only grant (shared/auth/roles.ts ViewerGrant) may do: read, in its school, the areas it
 * names, limited to its classes where the object names a class (clauses 4.1, 4.5). Only read actions
 * are listed here, so nothing a read-only grant holds can ever pass a write: the policy asks the
 * ordinary rules without these grants (shared/auth/policy.ts).
 */
import type { Principal, ViewArea, ViewerGrant } from '../roles';
import type { SchoolObject } from './objects';

/** Reads that every read-only grant needs to find its way: the school, its classes, its year. */
const ALWAYS = ['school.read', 'class.list', 'year.read'] as const;

/** The read actions of each area. A write action must never appear here (test/unit/viewer-policy.test.ts). */
export const VIEWER_ACTIONS: Record<ViewArea, readonly string[]> = {
  journal: [
    'journal.read',
    'journal.listMine',
    'journal.readChangeLog',
    'lesson.readOfClass',
    'curriculum.read',
    'subgroups.read',
    'substitute.read',
    'timetable.read',
    'ktp.listClass',
    'ktp.read',
    'assessment.read',
  ],
  reports: ['report.readClass', 'finalMark.readClass', 'finalMark.readWarnings', 'journal.classDay', 'externalAssessment.read', 'curriculum.read', 'journalCheck.read'],
  // Names of pupils in a class list, never a personal card, birth date or contact.
  people: ['class.readRoster'],
};

export const VIEWER_READ_ACTIONS: ReadonlySet<string> = new Set([...ALWAYS, ...Object.values(VIEWER_ACTIONS).flat()]);

function grantAllows(g: ViewerGrant, action: string, o: SchoolObject): boolean {
  if (g.schoolId !== o.schoolId) return false;
  if (!(ALWAYS as readonly string[]).includes(action) && !g.areas.some((a) => VIEWER_ACTIONS[a].includes(action))) return false;
  // An object of one class needs that class in scope; a school-wide one (no class, or '' from the
  // web's "no class in particular") is the school's list and is filtered by the screen.
  const classId = (o as Partial<{ classId: string }>).classId;
  return g.classIds === 'all' || !classId || g.classIds.includes(classId);
}

/** May one of the principal's read-only grants do this read to this object? */
export function viewerMay(p: Principal, action: string, o: unknown): boolean {
  if (!VIEWER_READ_ACTIONS.has(action) || !o || typeof o !== 'object' || !('schoolId' in o)) return false;
  const obj = o as SchoolObject;
  if (obj.departmentId !== p.departmentId) return false;
  return p.grants.some((g) => g.role === 'viewer' && grantAllows(g, action, obj));
}

/** The principal holds nothing in this school but read-only grants. */
export function onlyViewerIn(p: Principal, schoolId: string): boolean {
  const here = p.grants.filter((g) => 'schoolId' in g && g.schoolId === schoolId);
  return here.length > 0 && here.every((g) => g.role === 'viewer');
}

export const viewsSchool = (p: Principal, schoolId: string) => p.grants.some((g) => g.role === 'viewer' && g.schoolId === schoolId);

/** The classes a principal's read-only grants show in an area of a school: 'all', or their ids. */
export function viewedClassIds(p: Principal, schoolId: string, area: ViewArea): 'all' | string[] {
  const grants = p.grants.filter((g): g is ViewerGrant => g.role === 'viewer' && g.schoolId === schoolId && g.areas.includes(area));
  return grants.some((g) => g.classIds === 'all') ? 'all' : [...new Set(grants.flatMap((g) => g.classIds as string[]))];
}

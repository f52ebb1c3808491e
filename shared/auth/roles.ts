/**
 * Roles of the regulation (R-02, clauses 1.5, 3.6, 5). A person holds any number of grants; each
 * grant is scoped to the place it applies: a department, a school, a class, or one student.
 *
 * Glossary: administrator = администратор ЭЖ; secretary = секретарь; teacher = учитель-предметник;
 * classTeacher = классный руководитель; deputy = заместитель директора; director = директор;
 * student = обучающийся; parent = родитель (законный представитель); department = специалист УО.
 */
export const SCHOOL_STAFF_ROLES = ['administrator', 'secretary', 'teacher', 'deputy', 'director'] as const;
export type SchoolStaffRole = (typeof SCHOOL_STAFF_ROLES)[number];

/**
 * What a read-only grant may read (clauses 4.1, 4.5): the journal (pages, lessons, plans, the
 * timetable), reports (period and year tables, checks, warnings), people without personal data
 * (class lists, staff list: names and positions, never cards, birth dates or contacts).
 */
export const VIEW_AREAS = ['journal', 'reports', 'people'] as const;
export type ViewArea = (typeof VIEW_AREAS)[number];

/**
 * Read-only access to one school: a temporary grant on written application (an inspector, a
 * methodologist), or a department inspector's, one grant per school. It can never write: the policy
 * reads the ordinary rules without it and lets it only the read actions of its areas
 * (shared/auth/rules/viewer.ts). `until` is the last day (inclusive), as the account's `activeUntil`.
 */
export interface ViewerGrant {
  role: 'viewer';
  schoolId: string;
  classIds: 'all' | string[];
  areas: ViewArea[];
  until: string;
}

export type RoleGrant =
  | { role: 'department'; departmentId: string }
  | ViewerGrant
  | { role: SchoolStaffRole; schoolId: string }
  | { role: 'classTeacher'; schoolId: string; classId: string }
  | { role: 'student'; schoolId: string; studentId: string }
  | { role: 'parent'; schoolId: string; studentId: string };

export type Role = RoleGrant['role'];

export const ROLE_TITLES: Record<Role, string> = {
  administrator: 'Администратор',
  secretary: 'Секретарь',
  teacher: 'Учитель',
  classTeacher: 'Классный руководитель',
  deputy: 'Заместитель директора',
  director: 'Директор',
  student: 'Обучающийся',
  parent: 'Родитель',
  department: 'Специалист управления образования',
  viewer: 'Просмотр (временный доступ)',
};

/** Who the server believes is calling: taken from the verified session token only. */
export interface Principal {
  userId: string;
  departmentId: string;
  displayName: string;
  grants: RoleGrant[];
}

export function hasSchoolRole(p: Principal, schoolId: string, ...roles: Role[]): boolean {
  return p.grants.some((g) => roles.includes(g.role) && 'schoolId' in g && g.schoolId === schoolId);
}

export function isDepartmentStaff(p: Principal, departmentId: string): boolean {
  return p.grants.some((g) => g.role === 'department' && g.departmentId === departmentId);
}

export function ledClassIds(p: Principal, schoolId: string): string[] {
  return p.grants.flatMap((g) => (g.role === 'classTeacher' && g.schoolId === schoolId ? [g.classId] : []));
}

export function childStudentIds(p: Principal, schoolId?: string): string[] {
  return p.grants.flatMap((g) =>
    g.role === 'parent' && (schoolId === undefined || g.schoolId === schoolId) ? [g.studentId] : [],
  );
}

export function schoolIdsOf(p: Principal): string[] {
  return [...new Set(p.grants.flatMap((g) => ('schoolId' in g ? [g.schoolId] : [])))];
}

export const isViewerGrant = (g: RoleGrant): g is ViewerGrant => g.role === 'viewer';

/** The principal as the ordinary (writing) rules see it: read-only grants count for nothing there. */
export function withoutViewerGrants(p: Principal): Principal {
  return p.grants.some(isViewerGrant) ? { ...p, grants: p.grants.filter((g) => !isViewerGrant(g)) } : p;
}

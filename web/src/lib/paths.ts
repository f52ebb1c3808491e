/** Addresses of the screens, in one place, so that links and redirects cannot drift apart. */

const seg = encodeURIComponent;

export const paths = {
  home: '/',
  login: '/login',
  activate: '/activate',
  forgot: '/forgot',
  loginRegister: (schoolId: string) => `/schools/${seg(schoolId)}/logins`,
  /** The code sheets: a class's students and parents, or (without a class) the school's staff. */
  activationCodes: (schoolId: string, classId?: string) =>
    `/people/${seg(schoolId)}/codes${classId ? `?class=${seg(classId)}` : ''}`,
  classPage: (schoolId: string, classId: string) => `/schools/${seg(schoolId)}/classes/${seg(classId)}`,
  /** Department staff see the department's lock numbers there; a director or deputy the school's settings. */
  settings: '/settings',
  /** A school's settings: its director and deputy change them, the department reads them. */
  schoolSettings: (schoolId: string) => `/settings?school=${seg(schoolId)}`,
  /** The department's schools, each with its settings (the department specialist's list). */
  schools: '/schools',
  /** A new school and a school's first administrator (the department specialist's, issue 9). */
  newSchool: '/schools/new',
  /** A department inspector's read-only access to the department's schools. */
  inspectors: '/schools/inspectors',
  year: '/year',
  people: (schoolId: string) => `/people/${seg(schoolId)}`,
  peopleClasses: (schoolId: string) => `/people/${seg(schoolId)}/classes`,
  peopleClass: (schoolId: string, classId: string) => `/people/${seg(schoolId)}/classes/${seg(classId)}`,
  peopleImport: (schoolId: string) => `/people/${seg(schoolId)}/import`,
  movements: (schoolId: string) => `/people/${seg(schoolId)}/movements`,
  staff: (schoolId: string) => `/people/${seg(schoolId)}/staff`,
  curriculum: (schoolId: string) => `/curriculum?school=${seg(schoolId)}`,
  subgroups: (schoolId: string, classId?: string) => `/curriculum/subgroups?school=${seg(schoolId)}${classId ? `&class=${seg(classId)}` : ''}`,
  substitutes: (schoolId: string) => `/curriculum/substitutes?school=${seg(schoolId)}`,
  timetable: (schoolId: string, classId?: string) => `/timetable?school=${seg(schoolId)}${classId ? `&class=${seg(classId)}` : ''}`,
  timetableChanges: (schoolId: string) => `/timetable/changes?school=${seg(schoolId)}`,
  myTimetable: (schoolId: string) => `/timetable/teacher?school=${seg(schoolId)}`,
  ktp: (schoolId: string, classId?: string) => `/ktp?school=${seg(schoolId)}${classId ? `&class=${seg(classId)}` : ''}`,
  assessments: (schoolId: string, classId?: string) => `/assessments?school=${seg(schoolId)}${classId ? `&class=${seg(classId)}` : ''}`,
  journal: (schoolId: string) => `/journal?school=${seg(schoolId)}`,
  journalCheck: (schoolId: string, classId: string) => `/journal/check/${seg(classId)}?school=${seg(schoolId)}`,
  exams: (schoolId: string) => `/journal/exams?school=${seg(schoolId)}`,
};

/**
 * Where to go after signing in: only a path of this site (`/…`, not `//host` or `/\host`, which
 * browsers treat as another origin), so that a crafted link cannot send a person elsewhere.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.home;
  if (next === paths.login || next.startsWith(`${paths.login}?`) || next === paths.activate) return paths.home;
  return next;
}

/** The sign-in address that brings the person back to `url` afterwards. */
export function loginHref(url: Pick<URL, 'pathname' | 'search'>): string {
  const here = url.pathname + url.search;
  return here === paths.home ? paths.login : `${paths.login}?next=${encodeURIComponent(here)}`;
}

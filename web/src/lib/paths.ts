/** Addresses of the screens, in one place, so that links and redirects cannot drift apart. */

const seg = encodeURIComponent;

export const paths = {
  home: '/',
  login: '/login',
  activate: '/activate',
  loginRegister: (schoolId: string) => `/schools/${seg(schoolId)}/logins`,
  activationCodes: (schoolId: string, classId?: string) =>
    `/schools/${seg(schoolId)}/codes${classId ? `?class=${seg(classId)}` : ''}`,
  classPage: (schoolId: string, classId: string) => `/schools/${seg(schoolId)}/classes/${seg(classId)}`,
  /** Department staff see the department's lock numbers there; a director or deputy the school's settings. */
  settings: '/settings',
  year: '/year',
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

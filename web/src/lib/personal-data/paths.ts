/** Addresses of the personal-data screens (the menu links them without loading the API client). */
const seg = encodeURIComponent;

export interface AccessLogFilter {
  studentId?: string;
  from?: string;
  to?: string;
  after?: string;
}

/** The filter as a query string, without the empty parts. */
export function filterQuery(f: AccessLogFilter): string {
  const q = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1]));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const personalDataPaths = {
  accessLog: (schoolId: string, f: AccessLogFilter = {}) => `/people/${seg(schoolId)}/personal-data${filterQuery(f)}`,
  check: (schoolId: string) => `/people/${seg(schoolId)}/personal-data/check`,
};


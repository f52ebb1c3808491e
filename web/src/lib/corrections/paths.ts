/** Addresses of the correction screens (home, menu, the grid's lock message and the screens use them). */
const seg = encodeURIComponent;

export interface RegisterFilter {
  state?: string;
  classId?: string;
  periodId?: string;
  reason?: string;
  year?: string;
}

export const correctionPaths = {
  /** The register; without a school, the department specialist chooses one there. */
  register: (schoolId?: string, filter: RegisterFilter = {}) => {
    const q = new URLSearchParams(Object.entries({ school: schoolId, ...filter }).filter((e): e is [string, string] => !!e[1]));
    const s = q.toString();
    return `/corrections${s ? `?${s}` : ''}`;
  },
  request: (schoolId: string, yearId: string, num: number) => `/corrections/${seg(yearId)}/${num}?school=${seg(schoolId)}`,
  /** The form; `cells` (the scope, JSON) comes filled in from a locked cell of the grid. */
  form: (schoolId: string, place?: { classId: string; periodId: string; subjectId?: string; cells?: readonly unknown[] }) => {
    const q = new URLSearchParams({ school: schoolId });
    if (place) {
      q.set('class', place.classId);
      q.set('period', place.periodId);
      if (place.subjectId) q.set('subject', place.subjectId);
      if (place.cells?.length) q.set('cells', JSON.stringify(place.cells));
    }
    return `/corrections/new?${q.toString()}`;
  },
};

const api = (schoolId: string) => `/api/schools/${seg(schoolId)}`;

/** The PDFs (functions/corrections-pdf, clauses 7.3, 7.5): plain GETs with the session cookie, so a link downloads them. */
export const pdfPaths = {
  register: (schoolId: string, yearId: string, filter: Omit<RegisterFilter, 'year'> = {}) => {
    const q = new URLSearchParams(
      Object.entries({ state: filter.state, classId: filter.classId, periodId: filter.periodId, reason: filter.reason }).filter((e): e is [string, string] => !!e[1]),
    ).toString();
    return `${api(schoolId)}/years/${seg(yearId)}/correction-register/pdf${q ? `?${q}` : ''}`;
  },
  changeTable: (schoolId: string, classId: string, periodId: string) => `${api(schoolId)}/classes/${seg(classId)}/periods/${seg(periodId)}/correction-changes/pdf`,
};

/** The addresses of the diary's screens (home, menu and the screens' own links use them). */
const seg = encodeURIComponent;
/** `?a=1&b=2` of the parameters that have a value; '' when none has. */
export const qs = (q: Record<string, string | undefined | null>) => {
  const s = Object.entries(q)
    .filter((e): e is [string, string] => !!e[1])
    .map(([k, v]) => `${k}=${seg(v)}`)
    .join('&');
  return s ? `?${s}` : '';
};

export const diaryPaths = {
  /** Without a student: the person's own diary or their first child's; without `from`: this week. */
  week: (studentId?: string, from?: string) => `/diary${qs({ student: studentId, from })}`,
  subject: (studentId: string, subjectId: string, period?: string) => `/diary/subject${qs({ student: studentId, subject: subjectId, period })}`,
  /** The events of a school (a class teacher's: of their class) with the form to publish one. */
  events: (schoolId: string, classId?: string) => `/events${qs({ school: schoolId, class: classId })}`,
};

/** The address of the family's period marks (home, menu and the screen's own child switch use it). */
const seg = encodeURIComponent;

export const familyMarksPaths = {
  /** Without a student: the person's own marks or their first child's. */
  marks: (studentId?: string, periodId?: string) => {
    const q = [studentId ? `student=${seg(studentId)}` : '', periodId ? `period=${seg(periodId)}` : ''].filter(Boolean).join('&');
    return `/marks${q ? `?${q}` : ''}`;
  },
};

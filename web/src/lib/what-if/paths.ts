/** The address of the family's period marks (home, menu and the screen's own child switch use it). */
const seg = encodeURIComponent;

export const familyMarksPaths = {
  /** Without a student: the person's own marks or their first child's. */
  /** `classId`: an earlier class of the student (an earlier school year). */
  marks: (studentId?: string, periodId?: string, classId?: string) => {
    const q = [studentId ? `student=${seg(studentId)}` : '', periodId ? `period=${seg(periodId)}` : '', classId ? `class=${seg(classId)}` : ''].filter(Boolean).join('&');
    return `/marks${q ? `?${q}` : ''}`;
  },
};

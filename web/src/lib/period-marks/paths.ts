/** Addresses of the period, year and final marks screens and of the early warnings (issue 10). */
const seg = encodeURIComponent;
const school = (schoolId: string) => `?school=${seg(schoolId)}`;

export const finalMarksPaths = {
  /** The classes the person may open, each with its tables and warnings. */
  index: (schoolId: string) => `/final-marks${school(schoolId)}`,
  period: (schoolId: string, classId: string, periodId: string) => `/final-marks/${seg(classId)}/${seg(periodId)}${school(schoolId)}`,
  year: (schoolId: string, classId: string) => `/final-marks/${seg(classId)}/year${school(schoolId)}`,
  warnings: (schoolId: string, classId: string, periodId: string) => `/final-marks/${seg(classId)}/${seg(periodId)}/warnings${school(schoolId)}`,
  schoolWarnings: (schoolId: string, periodId?: string) => `/final-marks/warnings${school(schoolId)}${periodId ? `&period=${seg(periodId)}` : ''}`,
};

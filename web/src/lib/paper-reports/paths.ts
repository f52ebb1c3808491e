/** The paper reports' screen: the home screen and the menu link to it without loading its API. */
const seg = encodeURIComponent;

export const paperPaths = {
  screen: (schoolId: string, classId?: string) => `/paper-reports?school=${seg(schoolId)}${classId ? `&class=${seg(classId)}` : ''}`,
};

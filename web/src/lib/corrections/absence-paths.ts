/** The address of the absence documents' screen (clause 3.7); home, menu and the screen use it. */
export const absencePaths = {
  screen: (schoolId: string, classId?: string) => `/absence-documents?${new URLSearchParams({ school: schoolId, ...(classId ? { class: classId } : {}) }).toString()}`,
};

import { api } from '$lib/api';
import { orFail, requireMe } from '$lib/session';
import type { ClassSummary } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const [me, roster, classes] = await Promise.all([
    requireMe(url),
    orFail(url, () => api.students(params.schoolId, params.classId)),
    // Only for the heading (name and class teacher); the roster is what matters.
    api.classes(params.schoolId).then((r) => r.classes, (): ClassSummary[] => []),
  ]);
  const cls = classes.find((c) => c.classId === params.classId);
  return {
    me,
    schoolId: params.schoolId,
    classId: params.classId,
    className: cls?.name ?? params.classId,
    classTeacherName: cls?.classTeacherName,
    students: roster.students,
  };
};

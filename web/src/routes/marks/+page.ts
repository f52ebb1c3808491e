import { error } from '@sveltejs/kit';
import { diaryApi } from '$lib/diary/diary';
import { orFail, requireMe } from '$lib/session';
import { chosenStudent, familyMarksApi, familyStudents, FAMILY_TEXT } from '$lib/what-if/family';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const students = familyStudents(me);
  const student = chosenStudent(students, url.searchParams.get('student'));
  if (!student) error(403, FAMILY_TEXT.nobody);
  const classId = url.searchParams.get('class');
  const [report, history] = await Promise.all([
    orFail(url, () => familyMarksApi.report(student.schoolId, student.studentId, url.searchParams.get('period'), classId)),
    // The school years to switch between: a courtesy, the marks show without it.
    diaryApi.years(student.schoolId, student.studentId).catch(() => null),
  ]);
  return { me, students, student, report, years: history?.years ?? [], classId };
};

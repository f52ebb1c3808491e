import { error } from '@sveltejs/kit';
import { orFail, requireMe } from '$lib/session';
import { chosenStudent, familyMarksApi, familyStudents, FAMILY_TEXT } from '$lib/what-if/family';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const students = familyStudents(me);
  const student = chosenStudent(students, url.searchParams.get('student'));
  if (!student) error(403, FAMILY_TEXT.nobody);
  const report = await orFail(url, () => familyMarksApi.report(student.schoolId, student.studentId, url.searchParams.get('period')));
  return { me, students, student, report };
};

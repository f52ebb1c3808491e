import { error } from '@sveltejs/kit';
import { diaryApi, DIARY_TEXT } from '$lib/diary/diary';
import { orFail, requireMe } from '$lib/session';
import { chosenStudent, familyStudents } from '$lib/what-if/family';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const students = familyStudents(me);
  const student = chosenStudent(students, url.searchParams.get('student'));
  const subjectId = url.searchParams.get('subject');
  if (!student) error(403, DIARY_TEXT.nobody);
  if (!subjectId) error(404, 'Предмет не выбран.');
  const subject = await orFail(url, () => diaryApi.subject(student.schoolId, student.studentId, subjectId, url.searchParams.get('period')));
  return { me, students, student, subject };
};

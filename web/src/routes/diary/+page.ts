import { error } from '@sveltejs/kit';
import { diaryApi, DIARY_TEXT } from '$lib/diary/diary';
import { orFail, requireMe } from '$lib/session';
import { chosenStudent, familyMarksApi, familyStudents } from '$lib/what-if/family';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const students = familyStudents(me);
  const student = chosenStudent(students, url.searchParams.get('student'));
  if (!student) error(403, DIARY_TEXT.nobody);
  const [week, report, history, events] = await Promise.all([
    orFail(url, () => diaryApi.week(student.schoolId, student.studentId, url.searchParams.get('from'))),
    // The early warning and the earlier years are a courtesy around the week: the week shows without them.
    familyMarksApi.report(student.schoolId, student.studentId).catch(() => null),
    diaryApi.years(student.schoolId, student.studentId).catch(() => null),
    diaryApi.events(student.schoolId, student.studentId).catch(() => null),
  ]);
  return { me, students, student, week, report, years: history?.years ?? [], upcoming: events?.events ?? [], holidays: events?.holidays ?? [] };
};

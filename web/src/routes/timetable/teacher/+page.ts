import { error } from '@sveltejs/kit';
import { mayManage } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
import { TIMETABLE_TEXT } from '$lib/timetable/timetable';
import { timetableApi } from '$lib/timetable/api';
import { loadJournalLinks } from '$lib/timetable/journal-links';
import { hasSchoolRole } from '../../../../../shared/auth/roles';
import { principalOf, schoolObject } from '$lib/policy';
import { schoolAndYear } from '$lib/curriculum/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId, yearId } = await schoolAndYear(url, 'timetable.read', schoolObject, TIMETABLE_TEXT.refused);
  const canManage = mayManage(me, schoolId);
  // Someone who teaches here opens on their own week.
  const isTeacher = hasSchoolRole(principalOf(me), schoolId, 'teacher', 'classTeacher');
  const teachers = canManage ? (await orFail(url, () => curriculumApi.overview(schoolId, yearId))).teachers : [];
  const teacherId = url.searchParams.get('teacher') ?? (isTeacher ? me.userId : teachers[0]?.userId);
  if (!teacherId) error(404, 'Выберите учителя.');
  const [week, load, journalLinks] = await Promise.all([
    orFail(url, () => timetableApi.ofTeacher(schoolId, yearId, teacherId)),
    teacherId === me.userId || canManage ? orFail(url, () => curriculumApi.teacherLoad(schoolId, yearId, teacherId)) : Promise.resolve(null),
    loadJournalLinks(me, schoolId),
  ]);
  return { me, schoolId, yearId, teachers, teacherId, week, load, canManage, journalLinks };
};

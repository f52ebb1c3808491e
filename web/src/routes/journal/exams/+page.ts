import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { hasRole, journalSchool } from '$lib/journal/common';
import { journalApi } from '$lib/journal/api';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId || !hasRole(me, schoolId, 'deputy', 'secretary', 'director', 'classTeacher')) {
    error(403, 'Результаты ОГЭ, ЕГЭ и ГВЭ доступны администрации школы и классному руководителю.');
  }
  const canWrite = hasRole(me, schoolId, 'deputy', 'secretary');
  const led = me.grants.flatMap((g) => (g.role === 'classTeacher' && g.schoolId === schoolId ? [g.classId] : []));
  const all = await orFail(url, () => api.classes(schoolId));
  const classes = all.classes.filter((c) => (c.grade === 9 || c.grade === 11) && (hasRole(me, schoolId, 'deputy', 'secretary', 'director') || led.includes(c.classId)));
  const asked = url.searchParams.get('class');
  const classId = classes.find((c) => c.classId === asked)?.classId ?? classes[0]?.classId ?? null;
  const [exams, students, subjects] = classId
    ? await Promise.all([
        orFail(url, () => journalApi.exams(schoolId, classId)),
        orFail(url, () => api.students(schoolId, classId)),
        orFail(url, () => journalApi.subjects(schoolId)),
      ])
    : [null, null, null];
  return { me, schoolId, classes, classId, exams, students: students?.students ?? [], subjects: subjects?.subjects ?? [], canWrite };
};

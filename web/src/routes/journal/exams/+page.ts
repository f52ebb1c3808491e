import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { journalSchool } from '$lib/journal/common';
import { journalApi } from '$lib/journal/api';
import { classObject, ledClasses, mayMe } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import { isGraduationGrade } from '../../../../../shared/domain/movement';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  const reads = (classId: string) => mayMe(me, 'externalAssessment.read', classObject(me, schoolId ?? '', classId));
  // School-wide readers ask with no class; a class teacher reads their own classes.
  if (!schoolId || !['', ...ledClasses(me, schoolId)].some(reads)) {
    error(403, 'Результаты ОГЭ, ЕГЭ и ГВЭ доступны администрации школы и классному руководителю.');
  }
  const canWrite = mayMe(me, 'externalAssessment.write', classObject(me, schoolId));
  const all = await orFail(url, () => api.classes(schoolId));
  const classes = all.classes.filter((c) => isGraduationGrade(c.grade) && reads(c.classId));
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

import { api } from '$lib/api';
import { mayManage, SUBSTITUTES_TEXT } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
import { classAndPeriod, schoolAndYear } from '$lib/curriculum/load';
import { classObject } from '$lib/policy';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId, yearId } = await schoolAndYear(url, 'substitute.read', classObject, SUBSTITUTES_TEXT.refused);
  const canManage = mayManage(me, schoolId);
  const [{ classes }, overview] = await Promise.all([
    orFail(url, () => api.classes(schoolId)),
    canManage ? orFail(url, () => curriculumApi.overview(schoolId, yearId)) : Promise.resolve(null),
  ]);
  const { cls, periods, period } = await classAndPeriod(url, me, schoolId, classes);
  const view = await orFail(url, () => curriculumApi.substitutes(schoolId, cls.classId, period.periodId));
  return { me, schoolId, yearId, classes, classId: cls.classId, periods, periodId: period.periodId, view, canManage, teachers: overview?.teachers ?? [] };
};

import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { currentYearId, mayManage, schoolOfMe, SUBSTITUTES_TEXT } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
import { classAndPeriod } from '$lib/curriculum/load';
import { classObject, mayMe } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfMe(me, url.searchParams.get('school'));
  if (!schoolId || !mayMe(me, 'substitute.read', classObject(me, schoolId))) error(403, SUBSTITUTES_TEXT.refused);
  const yearId = url.searchParams.get('year') ?? currentYearId(new Date());
  const canManage = mayManage(me, schoolId);
  const [{ classes }, overview] = await Promise.all([
    orFail(url, () => api.classes(schoolId)),
    canManage ? orFail(url, () => curriculumApi.overview(schoolId, yearId)) : Promise.resolve(null),
  ]);
  const { cls, periods, period } = await classAndPeriod(url, me, schoolId, classes);
  const view = await orFail(url, () => curriculumApi.substitutes(schoolId, cls.classId, period.periodId));
  return { me, schoolId, yearId, classes, classId: cls.classId, periods, periodId: period.periodId, view, canManage, teachers: overview?.teachers ?? [] };
};

import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { currentYearId, defaultPeriod, ledClasses, mayManage, schoolOfMe, SUBSTITUTES_TEXT, todayIso } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
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
  const led = ledClasses(me, schoolId);
  const asked = url.searchParams.get('class');
  const cls = classes.find((c) => c.classId === asked) ?? classes.find((c) => led.includes(c.classId)) ?? classes[0];
  if (!cls) error(404, 'В школе ещё нет классов.');
  const { periods } = await orFail(url, () => curriculumApi.periodsOfClass(schoolId, cls.classId));
  const period = periods.find((p) => p.periodId === url.searchParams.get('period')) ?? defaultPeriod(periods, todayIso(new Date()));
  if (!period) error(404, 'У этого класса нет учебных периодов.');
  const view = await orFail(url, () => curriculumApi.substitutes(schoolId, cls.classId, period.periodId));
  return { me, schoolId, yearId, classes, classId: cls.classId, periods, periodId: period.periodId, view, canManage, teachers: overview?.teachers ?? [] };
};

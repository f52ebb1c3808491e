import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { currentYearId, mayManage, schoolOfMe, SUBGROUPS_TEXT, todayIso } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
import { classAndPeriod } from '$lib/curriculum/load';
import { mayMe, schoolObject } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfMe(me, url.searchParams.get('school'));
  if (!schoolId || !mayMe(me, 'curriculum.read', schoolObject(me, schoolId))) error(403, SUBGROUPS_TEXT.refused);
  const yearId = url.searchParams.get('year') ?? currentYearId(new Date());
  const { classes } = await orFail(url, () => api.classes(schoolId));
  const { led, cls, periods, period } = await classAndPeriod(url, me, schoolId, classes);
  const view = await orFail(url, () => curriculumApi.subgroups(schoolId, cls.classId, period.periodId));
  const canEdit = mayManage(me, schoolId) || led.includes(cls.classId);
  return { me, schoolId, yearId, classes, classId: cls.classId, periods, periodId: period.periodId, view, canEdit, ended: period.endDate < todayIso(new Date()) };
};

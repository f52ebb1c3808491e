import { api } from '$lib/api';
import { mayManage, SUBGROUPS_TEXT, todayIso } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
import { classAndPeriod, schoolAndYear } from '$lib/curriculum/load';
import { schoolObject } from '$lib/policy';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId, yearId } = await schoolAndYear(url, 'curriculum.read', schoolObject, SUBGROUPS_TEXT.refused);
  const { classes } = await orFail(url, () => api.classes(schoolId));
  const { led, cls, periods, period } = await classAndPeriod(url, me, schoolId, classes);
  const view = await orFail(url, () => curriculumApi.subgroups(schoolId, cls.classId, period.periodId));
  const canEdit = mayManage(me, schoolId) || led.includes(cls.classId);
  return { me, schoolId, yearId, classes, classId: cls.classId, periods, periodId: period.periodId, view, canEdit, ended: period.endDate < todayIso(new Date()) };
};

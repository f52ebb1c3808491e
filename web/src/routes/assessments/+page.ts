import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { assessmentApi } from '$lib/assessments/api';
import { planningYearId, schoolOf } from '$lib/ktp/common';
import { ledClasses } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOf(me, url.searchParams.get('school'));
  if (!schoolId) error(403, 'График оценочных процедур доступен сотрудникам школы.');
  const yearId = url.searchParams.get('year') ?? planningYearId(new Date());
  const halfId = url.searchParams.get('half') === 'h2' ? 'h2' : 'h1';
  // Without a class in the address a class teacher sees their class, everyone else the whole school.
  const classId = url.searchParams.get('class') ?? ledClasses(me, schoolId)[0] ?? '';
  const [classes, schedule] = await Promise.all([
    orFail(url, () => api.classes(schoolId)),
    orFail(url, () => assessmentApi.schedule(schoolId, yearId, halfId, classId || undefined)),
  ]);
  return { me, schoolId, yearId, halfId, classId, classes: classes.classes, schedule };
};

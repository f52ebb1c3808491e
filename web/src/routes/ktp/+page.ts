import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { hasRole, planningYearId, schoolOf } from '$lib/ktp/common';
import { ktpApi } from '$lib/ktp/api';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOf(me, url.searchParams.get('school'));
  if (!schoolId) error(403, 'КТП ведут сотрудники школы.');
  const yearId = url.searchParams.get('year') ?? planningYearId(new Date());
  const isTeacher = hasRole(me, schoolId, 'teacher');
  // The deputy and the director look at any class; a class teacher at their own.
  const overseer = hasRole(me, schoolId, 'deputy', 'director');
  const led = me.grants.flatMap((g) => (g.role === 'classTeacher' && g.schoolId === schoolId ? [g.classId] : []));
  const [mine, classes] = await Promise.all([
    isTeacher ? orFail(url, () => ktpApi.mine(schoolId, yearId)) : Promise.resolve(null),
    overseer || led.length > 0 ? orFail(url, () => api.classes(schoolId)).then((r) => r.classes.filter((c) => overseer || led.includes(c.classId))) : Promise.resolve([]),
  ]);
  const asked = url.searchParams.get('class');
  const classId = classes.some((c) => c.classId === asked) ? asked : overseer ? null : (classes[0]?.classId ?? null);
  const ofClass = classId ? await orFail(url, () => ktpApi.ofClass(schoolId, yearId, classId)) : null;
  return { me, schoolId, yearId, mine, classes, classId, ofClass, overseer };
};

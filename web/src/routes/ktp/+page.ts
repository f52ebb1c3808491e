import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { planningYearId, schoolOf } from '$lib/ktp/common';
import { ktpApi } from '$lib/ktp/api';
import { classObject, ledClasses, mayMe, schoolObject } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOf(me, url.searchParams.get('school'));
  if (!schoolId) error(403, 'КТП ведут сотрудники школы.');
  const yearId = url.searchParams.get('year') ?? planningYearId(new Date());
  const isTeacher = mayMe(me, 'ktp.listOwn', schoolObject(me, schoolId));
  // The deputy and the director look at any class (asked with no class in particular); a class teacher at their own.
  const overseer = mayMe(me, 'ktp.listClass', classObject(me, schoolId));
  const led = ledClasses(me, schoolId);
  const [mine, classes] = await Promise.all([
    isTeacher ? orFail(url, () => ktpApi.mine(schoolId, yearId)) : Promise.resolve(null),
    overseer || led.length > 0 ? orFail(url, () => api.classes(schoolId)).then((r) => r.classes.filter((c) => overseer || led.includes(c.classId))) : Promise.resolve([]),
  ]);
  const asked = url.searchParams.get('class');
  const classId = classes.some((c) => c.classId === asked) ? asked : overseer ? null : (classes[0]?.classId ?? null);
  const ofClass = classId ? await orFail(url, () => ktpApi.ofClass(schoolId, yearId, classId)) : null;
  return { me, schoolId, yearId, mine, classes, classId, ofClass, overseer };
};

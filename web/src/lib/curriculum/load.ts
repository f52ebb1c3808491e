/** What the screens of the curriculum and the timetable load alike. */
import { error } from '@sveltejs/kit';
import type { Action, ObjectOf } from '../../../../shared/auth/policy';
import { mayMe } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { Me } from '$lib/types';
import { curriculumApi } from './api';
import { currentYearId, defaultPeriod, ledClasses, schoolOfMe, todayIso } from './curriculum';

/**
 * The signed-in person, the school they look at (the one asked for, else their own) and the school year
 * (the one asked for, else the current one); 403 with `refused` unless `action` is allowed on `object`.
 */
export async function schoolAndYear<A extends Action>(url: URL, action: A, object: (me: Me, schoolId: string) => ObjectOf<A>, refused: string) {
  const me = await requireMe(url);
  const schoolId = schoolOfMe(me, url.searchParams.get('school'));
  if (!schoolId || !mayMe(me, action, object(me, schoolId))) error(403, refused);
  const yearId = url.searchParams.get('year') ?? currentYearId(new Date());
  return { me, schoolId, yearId };
}

/**
 * The class and study period a screen shows: the class asked for, else one the person leads, else
 * the first; the period asked for, else the one today falls in. 404 when the school has no classes
 * or the class no periods.
 */
export async function classAndPeriod<C extends { classId: string }>(url: URL, me: Parameters<typeof ledClasses>[0], schoolId: string, classes: C[]) {
  const led = ledClasses(me, schoolId);
  const asked = url.searchParams.get('class');
  const cls = classes.find((c) => c.classId === asked) ?? classes.find((c) => led.includes(c.classId)) ?? classes[0];
  if (!cls) error(404, 'В школе ещё нет классов.');
  const { periods } = await orFail(url, () => curriculumApi.periodsOfClass(schoolId, cls.classId));
  const period = periods.find((p) => p.periodId === url.searchParams.get('period')) ?? defaultPeriod(periods, todayIso(new Date()));
  if (!period) error(404, 'У этого класса нет учебных периодов.');
  return { led, cls, periods, period };
}

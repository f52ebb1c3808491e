/** What the class screens of the curriculum (subgroups, substitutes) load alike. */
import { error } from '@sveltejs/kit';
import { orFail } from '$lib/session';
import { curriculumApi } from './api';
import { defaultPeriod, ledClasses, todayIso } from './curriculum';

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

import { error } from '@sveltejs/kit';
import { schoolAndYear } from '$lib/curriculum/load';
import { CLOSE_TEXT as T, periodCloseApi } from '$lib/period-close/period-close';
import { schoolObject } from '$lib/policy';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId } = await schoolAndYear(url, 'periodClose.read', schoolObject, T.denied);
  const overview = await orFail(url, () => periodCloseApi.overview(schoolId));
  // The period asked for, else the last one whose close has begun, else none (the list alone).
  const asked = url.searchParams.get('period');
  const started = overview.periods.filter((p) => p.state === 'running' || p.state === 'done').at(-1)?.periodId;
  const periodId = asked ?? started;
  if (asked && !overview.periods.some((p) => p.periodId === asked)) error(404, 'Нет такого периода в учебном году.');
  const detail = periodId ? await orFail(url, () => periodCloseApi.detail(schoolId, periodId)) : null;
  return { me, schoolId, overview, detail };
};

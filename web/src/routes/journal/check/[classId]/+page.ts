import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { journalApi } from '$lib/journal/api';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId) error(403, 'Контроль заполнения журнала доступен классному руководителю и администрации.');
  const from = url.searchParams.get('from') ?? undefined;
  const to = url.searchParams.get('to') ?? undefined;
  const day = await orFail(url, () => journalApi.classDay(schoolId, params.classId, { from, to }));
  return { me, schoolId, day };
};

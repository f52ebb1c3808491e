import { journalApi } from '$lib/journal/api';
import { journalPerson } from '$lib/journal/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const { me, schoolId } = await journalPerson(url, 'Контроль заполнения журнала доступен классному руководителю и администрации.');
  const from = url.searchParams.get('from') ?? undefined;
  const to = url.searchParams.get('to') ?? undefined;
  const day = await orFail(url, () => journalApi.classDay(schoolId, params.classId, { from, to }));
  return { me, schoolId, day };
};

import { logQueryOf, readLog } from '$lib/journal/log';
import { journalPerson } from '$lib/journal/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const { me, schoolId } = await journalPerson(url, 'Журнал изменений доступен директору, заместителю директора и классному руководителю.');
  const query = logQueryOf(url.searchParams);
  const log = await orFail(url, () => readLog(schoolId, params.classId, params.periodId, query));
  return { me, schoolId, classId: params.classId, periodId: params.periodId, query, log };
};

import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { logQueryOf, readLog } from '$lib/journal/log';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId) error(403, 'Журнал изменений доступен директору, заместителю директора и классному руководителю.');
  const query = logQueryOf(url.searchParams);
  const log = await orFail(url, () => readLog(schoolId, params.classId, params.periodId, query));
  return { me, schoolId, classId: params.classId, periodId: params.periodId, query, log };
};

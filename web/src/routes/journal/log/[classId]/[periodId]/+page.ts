import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { journalApi } from '$lib/journal/api';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId) error(403, 'Журнал изменений доступен директору, заместителю директора и классному руководителю.');
  const subjectId = url.searchParams.get('subject') ?? undefined;
  const log = await orFail(url, () => journalApi.changeLog(schoolId, params.classId, params.periodId, subjectId));
  return { me, schoolId, classId: params.classId, periodId: params.periodId, log };
};

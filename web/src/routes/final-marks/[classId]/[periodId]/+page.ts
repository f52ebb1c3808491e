import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { orFail, requireMe } from '$lib/session';
import { finalMarksApi } from './table';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId) error(403, 'Отметки класса за период доступны только учителям и администрации школы.');
  const table = await orFail(url, () => finalMarksApi.table(schoolId, params.classId, params.periodId));
  return { me, schoolId, classId: params.classId, periodId: params.periodId, table };
};

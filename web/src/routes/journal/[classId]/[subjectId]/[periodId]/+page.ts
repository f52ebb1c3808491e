import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { journalApi } from '$lib/journal/api';
import { ledClasses } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId) error(403, 'Журнал доступен только учителям и администрации школы.');
  const groupId = url.searchParams.get('group');
  const place = { schoolId, classId: params.classId, subjectId: params.subjectId, periodId: params.periodId };
  const page = await orFail(url, () => journalApi.page(place, groupId));
  const leads = ledClasses(me, schoolId).includes(params.classId);
  return { me, place, page, groupId, leads };
};

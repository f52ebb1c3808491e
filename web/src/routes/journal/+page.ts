import { error } from '@sveltejs/kit';
import { hasRole, journalSchool } from '$lib/journal/common';
import { journalApi } from '$lib/journal/api';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId || !hasRole(me, schoolId, 'teacher', 'classTeacher', 'deputy', 'director', 'administrator')) {
    error(403, 'Журнал доступен учителям и администрации школы.');
  }
  const mine = await orFail(url, () => journalApi.mine(schoolId));
  return { me, schoolId, mine, examsAllowed: hasRole(me, schoolId, 'deputy', 'secretary', 'director'), logAllowed: hasRole(me, schoolId, 'deputy', 'director') };
};

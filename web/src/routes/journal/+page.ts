import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { journalApi } from '$lib/journal/api';
import { classObject, mayMe, schoolObject } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId || !mayMe(me, 'journal.listMine', schoolObject(me, schoolId))) {
    error(403, 'Журнал доступен учителям и администрации школы.');
  }
  const mine = await orFail(url, () => journalApi.mine(schoolId));
  // Links for school-wide roles only: a class teacher reaches their class's results and change log from the class.
  const school = classObject(me, schoolId);
  return { me, schoolId, mine, examsAllowed: mayMe(me, 'externalAssessment.read', school), logAllowed: mayMe(me, 'journal.readChangeLog', school) };
};

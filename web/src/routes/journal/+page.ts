import { journalApi } from '$lib/journal/api';
import { classObject, mayMe, schoolObject } from '$lib/policy';
import { journalPerson } from '$lib/journal/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId } = await journalPerson(url, 'Журнал доступен учителям и администрации школы.', (who, id) => mayMe(who, 'journal.listMine', schoolObject(who, id)));
  const mine = await orFail(url, () => journalApi.mine(schoolId));
  // Links for school-wide roles only: a class teacher reaches their class's results and change log from the class.
  const school = classObject(me, schoolId);
  return { me, schoolId, mine, examsAllowed: mayMe(me, 'externalAssessment.read', school), logAllowed: mayMe(me, 'journal.readChangeLog', school) };
};

import { journalApi } from '$lib/journal/api';
import { mayMe, schoolObject } from '$lib/policy';
import { journalPerson } from '$lib/journal/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId } = await journalPerson(url, 'Итоговые отметки доступны учителям и администрации школы.', (who, id) => mayMe(who, 'journal.listMine', schoolObject(who, id)));
  // The journal's own list: every class for the administration, the led class, the classes taught.
  const mine = await orFail(url, () => journalApi.mine(schoolId));
  const seen = new Set<string>();
  const classes = [...mine.classes, ...mine.teaching]
    .filter((c) => c.periodId && !seen.has(c.classId) && seen.add(c.classId))
    .map((c) => ({ classId: c.classId, className: c.className, periodId: c.periodId!, led: 'led' in c && c.led }));
  return { me, schoolId, classes, schoolWide: mayMe(me, 'finalMark.readSchoolWarnings', schoolObject(me, schoolId)) };
};

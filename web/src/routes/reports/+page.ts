import { error } from '@sveltejs/kit';
import { journalSchool } from '$lib/journal/common';
import { journalApi } from '$lib/journal/api';
import { classObject, mayMe, schoolObject } from '$lib/policy';
import { currentYearId } from '$lib/curriculum/curriculum';
import { REPORTS_TEXT } from '$lib/reports/reports';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId || !mayMe(me, 'journal.listMine', { departmentId: me.departmentId, schoolId })) error(403, REPORTS_TEXT.denied);
  // The journal's own list (every class for the administration, the led class), kept to the classes the policy lets the person report on.
  const mine = await orFail(url, () => journalApi.mine(schoolId));
  const seen = new Set<string>();
  const classes = mine.classes
    .filter((c) => c.periodId && !seen.has(c.classId) && seen.add(c.classId) && mayMe(me, 'report.readClass', classObject(me, schoolId, c.classId)))
    .map((c) => ({ classId: c.classId, className: c.className, periodId: c.periodId!, led: 'led' in c && c.led }));
  // The school reports (issue 13 item 2) for the director and deputies: the current school year's.
  const schoolReports = mayMe(me, 'report.readSchool', schoolObject(me, schoolId)) ? { yearId: currentYearId(new Date()) } : null;
  // The monitoring of how the journal is kept (issue 13 item 3): the director, deputies (and the department, by its address).
  const monitoring = mayMe(me, 'report.monitoring', schoolObject(me, schoolId));
  return { me, schoolId, classes, schoolReports, monitoring };
};

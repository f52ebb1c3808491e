import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { paperApi } from '$lib/paper-reports/api';
import { PAPER_TEXT as T } from '$lib/paper-reports/texts';
import { classObject, ledClasses, mayMe, schoolsWhere } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schools = schoolsWhere(me, 'paperReport.overdue');
  const asked = url.searchParams.get('school');
  const schoolId = schools.find((s) => s === asked) ?? schools[0];
  if (!schoolId) error(403, T.notAllowed);
  // The secretary and the administration choose any class; a class teacher their own.
  const everyClass = mayMe(me, 'paperReport.readClass', classObject(me, schoolId));
  const led = ledClasses(me, schoolId);
  const classes = (await orFail(url, () => api.classes(schoolId))).classes.filter((c) => everyClass || led.includes(c.classId));
  const classId = classes.find((c) => c.classId === url.searchParams.get('class'))?.classId ?? classes[0]?.classId;
  if (!classId) error(403, T.noClasses);
  const view = await orFail(url, () => paperApi.classView(schoolId, classId));
  const cls = classObject(me, schoolId, classId);
  return {
    me,
    schoolId,
    classes,
    classId,
    view,
    canRecord: mayMe(me, 'paperReport.recordApplication', cls),
    canHandOver: mayMe(me, 'paperReport.handOver', cls),
  };
};

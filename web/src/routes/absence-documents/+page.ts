import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { absenceApi, ABSENCE_TEXT as T } from '$lib/corrections/absence-api';
import { classObject, ledClasses, mayMe } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

/**
 * The class's documents (clause 3.7): the class teacher's own class first (where they enter them),
 * any class for the director and deputies (who only read them).
 */
export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const mayRead = (schoolId: string) => ledClasses(me, schoolId).length > 0 || mayMe(me, 'absenceDocument.list', classObject(me, schoolId));
  const schools = [...new Set(me.grants.flatMap((g) => ('schoolId' in g && mayRead(g.schoolId) ? [g.schoolId] : [])))];
  const asked = url.searchParams.get('school');
  const schoolId = schools.find((s) => s === asked) ?? schools[0];
  if (!schoolId) error(403, T.notAllowed);
  const led = ledClasses(me, schoolId);
  const everyClass = mayMe(me, 'absenceDocument.list', classObject(me, schoolId));
  const all = (await orFail(url, () => api.classes(schoolId))).classes;
  // The class teacher's own classes first, so that theirs is the one preselected.
  const classes = [...all.filter((c) => led.includes(c.classId)), ...all.filter((c) => everyClass && !led.includes(c.classId))];
  const classId = classes.find((c) => c.classId === url.searchParams.get('class'))?.classId ?? classes[0]?.classId;
  if (!classId) error(403, T.noClasses);
  const canEnter = mayMe(me, 'absenceDocument.enter', classObject(me, schoolId, classId));
  const [list, roster] = await Promise.all([
    orFail(url, () => absenceApi.list(schoolId, classId)),
    canEnter ? orFail(url, () => api.students(schoolId, classId)) : Promise.resolve({ classId, students: [] }),
  ]);
  return { me, schoolId, classes, classId, documents: list.documents, students: roster.students, canEnter };
};

import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { ledClasses, mayManage } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
import { TIMETABLE_TEXT } from '$lib/timetable/timetable';
import { timetableApi } from '$lib/timetable/api';
import { loadJournalLinks } from '$lib/timetable/journal-links';
import { schoolObject } from '$lib/policy';
import { schoolAndYear } from '$lib/curriculum/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId, yearId } = await schoolAndYear(url, 'timetable.read', schoolObject, TIMETABLE_TEXT.refused);
  const { classes } = await orFail(url, () => api.classes(schoolId));
  const asked = url.searchParams.get('class');
  const classId = classes.find((c) => c.classId === asked)?.classId ?? ledClasses(me, schoolId)[0] ?? classes[0]?.classId;
  if (!classId) error(404, 'В школе ещё нет классов.');
  const canManage = mayManage(me, schoolId);
  const [week, ofClass, journalLinks] = await Promise.all([
    orFail(url, () => timetableApi.ofClass(schoolId, yearId, classId)),
    canManage ? orFail(url, () => curriculumApi.periodsOfClass(schoolId, classId)) : Promise.resolve(null),
    loadJournalLinks(me, schoolId),
  ]);
  return { me, schoolId, yearId, classes, classId, week, canManage, periods: ofClass?.periods ?? [], journalLinks };
};

import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { peopleApi } from '$lib/people/api';
import { abilities, PEOPLE_TEXT } from '$lib/people/people';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const can = abilities(me, params.schoolId);
  if (!can.readPeople) error(403, PEOPLE_TEXT.refused);
  const [classes, staff] = await Promise.all([
    orFail(url, () => api.classes(params.schoolId)),
    can.keeper ? orFail(url, () => peopleApi.staff(params.schoolId)) : Promise.resolve({ staff: [] }),
  ]);
  const teachers = staff.staff.filter((s) => s.roles.includes('teacher') && s.status !== 'disabled');
  return { me, schoolId: params.schoolId, can, classes: classes.classes, teachers };
};

import { error } from '@sveltejs/kit';
import { peopleApi } from '$lib/people/api';
import { abilities, PEOPLE_TEXT } from '$lib/people/people';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const can = abilities(me, params.schoolId, params.classId);
  if (!can.readPeople) error(403, PEOPLE_TEXT.refused);
  const [page, staff] = await Promise.all([
    orFail(url, () => peopleApi.classPage(params.schoolId, params.classId)),
    can.keeper ? orFail(url, () => peopleApi.staff(params.schoolId)) : Promise.resolve({ staff: [] }),
  ]);
  return {
    me,
    schoolId: params.schoolId,
    can,
    page,
    teachers: staff.staff.filter((s) => s.roles.includes('teacher') && s.status !== 'disabled'),
  };
};

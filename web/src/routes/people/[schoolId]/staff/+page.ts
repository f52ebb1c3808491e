import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { peopleApi } from '$lib/people/api';
import { abilities, PEOPLE_TEXT } from '$lib/people/people';
import { mayMe, schoolObject } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const can = abilities(me, params.schoolId);
  const reads = mayMe(me, 'staff.read', schoolObject(me, params.schoolId));
  if (!reads) error(403, PEOPLE_TEXT.refused);
  // The administrator's temporary-access form names classes (clause 4.5).
  const [{ staff }, { classes }] = await Promise.all([
    orFail(url, () => peopleApi.staff(params.schoolId)),
    can.admin ? orFail(url, () => api.classes(params.schoolId)) : Promise.resolve({ classes: [] }),
  ]);
  return { me, schoolId: params.schoolId, can, staff, classes };
};

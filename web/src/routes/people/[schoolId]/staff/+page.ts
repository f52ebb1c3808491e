import { error } from '@sveltejs/kit';
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
  const { staff } = await orFail(url, () => peopleApi.staff(params.schoolId));
  return { me, schoolId: params.schoolId, can, staff };
};

import { error } from '@sveltejs/kit';
import { abilities, PEOPLE_TEXT } from '$lib/people/people';
import { requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const can = abilities(me, params.schoolId);
  if (!can.readPeople) error(403, PEOPLE_TEXT.refused);
  const schoolName = me.schools.find((s) => s.schoolId === params.schoolId)?.name ?? params.schoolId;
  return { me, schoolId: params.schoolId, schoolName, can };
};

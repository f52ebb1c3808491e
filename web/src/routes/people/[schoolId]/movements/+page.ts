import { error } from '@sveltejs/kit';
import { peopleApi } from '$lib/people/api';
import { isoFromRu, PEOPLE_TEXT } from '$lib/people/people';
import { mayMe, schoolObject } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const allowed = mayMe(me, 'movement.read', schoolObject(me, params.schoolId));
  if (!allowed) error(403, PEOPLE_TEXT.refused);
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? '';
  const { movements } = await orFail(url, () => peopleApi.movements(params.schoolId, isoFromRu(from) ?? undefined, isoFromRu(to) ?? undefined));
  return { me, schoolId: params.schoolId, movements: movements.reverse(), from, to };
};

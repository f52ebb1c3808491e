import { error } from '@sveltejs/kit';
import { mayMe, schoolObject } from '$lib/policy';
import { PERSONAL_DATA_TEXT, personalDataApi } from '$lib/personal-data/personal-data';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  if (!mayMe(me, 'personalData.check', schoolObject(me, params.schoolId))) error(403, PERSONAL_DATA_TEXT.checkRefused);
  const view = await orFail(url, () => personalDataApi.check(params.schoolId));
  return { me, schoolId: params.schoolId, view };
};

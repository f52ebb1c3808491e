import { error } from '@sveltejs/kit';
import { departmentApi, NEW_SCHOOL_TEXT } from '$lib/department/api';
import { mayMe } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

/** The department specialist's «Новая школа»: the department's schools come from the API, so a new one shows at once. */
export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  if (!mayMe(me, 'school.create', { departmentId: me.departmentId })) error(403, NEW_SCHOOL_TEXT.refused);
  const { schools } = await orFail(url, () => departmentApi.schools(me.departmentId));
  return { me, schools };
};

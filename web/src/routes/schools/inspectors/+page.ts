import { error } from '@sveltejs/kit';
import { departmentApi, INSPECTOR_TEXT } from '$lib/department/api';
import { mayMe } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

/** The department specialist's «Инспектор управления»: read-only access to the department's schools. */
export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  if (!mayMe(me, 'department.grantInspector', { departmentId: me.departmentId })) error(403, INSPECTOR_TEXT.refused);
  const { schools } = await orFail(url, () => departmentApi.schools(me.departmentId));
  return { me, schools };
};

import { error } from '@sveltejs/kit';
import { paths } from '$lib/paths';
import { SCHOOLS_TEXT } from '$lib/schools';
import { mayMe, schoolObject } from '$lib/policy';
import { requireMe } from '$lib/session';
import type { PageLoad } from './$types';

/** The department's schools (/me names them for its staff), each with the screens the policy opens to the reader. */
export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  if (!me.grants.some((g) => g.role === 'department' && g.departmentId === me.departmentId)) error(403, SCHOOLS_TEXT.refused);
  const schools = me.schools.map((s) => ({ ...s, settings: mayMe(me, 'settings.readSchool', schoolObject(me, s.schoolId)) ? paths.schoolSettings(s.schoolId) : null }));
  return { me, schools };
};

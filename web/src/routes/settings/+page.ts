import { error } from '@sveltejs/kit';
import { mayMe, schoolObject } from '$lib/policy';
import { settingsApi } from '$lib/settings/api';
import { SETTINGS_TEXT, settingsScopes } from '$lib/settings/settings';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const asked = url.searchParams.get('school');
  const scopes = settingsScopes(me, asked);
  // The department reads a school's settings from its list of schools; only the school's administration changes them.
  const overseen = !!asked && asked !== scopes.schoolId && me.schools.some((s) => s.schoolId === asked) && mayMe(me, 'settings.readSchool', schoolObject(me, asked));
  const { departmentId, schoolId } = overseen ? { departmentId: undefined, schoolId: asked } : scopes;
  if (!departmentId && !schoolId) error(403, SETTINGS_TEXT.refused);
  const [department, school] = await Promise.all([
    departmentId ? orFail(url, () => settingsApi.department(departmentId)) : null,
    schoolId ? orFail(url, () => settingsApi.school(schoolId)) : null,
  ]);
  const schoolName = schoolId ? (me.schools.find((s) => s.schoolId === schoolId)?.name ?? schoolId) : '';
  const readOnly = !!schoolId && !mayMe(me, 'settings.writeSchool', schoolObject(me, schoolId));
  return { me, department, school, schoolName, readOnly };
};

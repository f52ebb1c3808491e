import { error } from '@sveltejs/kit';
import { settingsApi } from '$lib/settings/api';
import { SETTINGS_TEXT, settingsScopes } from '$lib/settings/settings';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const { departmentId, schoolId } = settingsScopes(me, url.searchParams.get('school'));
  if (!departmentId && !schoolId) error(403, SETTINGS_TEXT.refused);
  const [department, school] = await Promise.all([
    departmentId ? orFail(url, () => settingsApi.department(departmentId)) : null,
    schoolId ? orFail(url, () => settingsApi.school(schoolId)) : null,
  ]);
  const schoolName = schoolId ? (me.schools.find((s) => s.schoolId === schoolId)?.name ?? schoolId) : '';
  return { me, department, school, schoolName };
};

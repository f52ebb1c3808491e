import { error } from '@sveltejs/kit';
import { CURRICULUM_TEXT, currentYearId, mayManage, schoolOfMe } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
import { mayMe, schoolObject } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfMe(me, url.searchParams.get('school'));
  if (!schoolId || !mayMe(me, 'curriculum.read', schoolObject(me, schoolId))) error(403, CURRICULUM_TEXT.refused);
  const yearId = url.searchParams.get('year') ?? currentYearId(new Date());
  const overview = await orFail(url, () => curriculumApi.overview(schoolId, yearId));
  return { me, schoolId, yearId, overview, canManage: mayManage(me, schoolId) };
};

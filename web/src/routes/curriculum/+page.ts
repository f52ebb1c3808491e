import { CURRICULUM_TEXT, mayManage } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
import { schoolObject } from '$lib/policy';
import { schoolAndYear } from '$lib/curriculum/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId, yearId } = await schoolAndYear(url, 'curriculum.read', schoolObject, CURRICULUM_TEXT.refused);
  const overview = await orFail(url, () => curriculumApi.overview(schoolId, yearId));
  return { me, schoolId, yearId, overview, canManage: mayManage(me, schoolId) };
};

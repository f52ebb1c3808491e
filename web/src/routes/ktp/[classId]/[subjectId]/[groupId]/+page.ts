import { error } from '@sveltejs/kit';
import { planningYearId, schoolOf } from '$lib/ktp/common';
import { ktpApi } from '$lib/ktp/api';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = schoolOf(me, url.searchParams.get('school'));
  if (!schoolId) error(403, 'КТП ведут сотрудники школы.');
  const ref = {
    schoolId,
    yearId: url.searchParams.get('year') ?? planningYearId(new Date()),
    classId: params.classId,
    subjectId: params.subjectId,
    groupId: params.groupId,
  };
  return { me, ref, ktp: await orFail(url, () => ktpApi.get(ref)) };
};

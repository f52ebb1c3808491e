import { error } from '@sveltejs/kit';
import { mayMe, schoolObject } from '$lib/policy';
import { PERSONAL_DATA_TEXT, personalDataApi } from '$lib/personal-data/personal-data';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  if (!mayMe(me, 'personalData.readAccessLog', schoolObject(me, params.schoolId))) error(403, PERSONAL_DATA_TEXT.refused);
  const get = (k: string) => url.searchParams.get(k) ?? undefined;
  const filter = { studentId: get('studentId'), from: get('from'), to: get('to'), after: get('after') };
  const log = await orFail(url, () => personalDataApi.accessLog(params.schoolId, filter));
  const studentName = filter.studentId ? log.entries.flatMap((e) => e.students).find((s) => s.studentId === filter.studentId)?.name : undefined;
  return { me, schoolId: params.schoolId, filter, log, studentName };
};

import { error } from '@sveltejs/kit';
import { mayMe } from '$lib/policy';
import { DEPARTMENT_TEXT, departmentReportsApi } from '$lib/reports/department';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  if (!mayMe(me, 'report.readDepartment', { departmentId: me.departmentId })) error(403, DEPARTMENT_TEXT.denied);
  const periodId = url.searchParams.get('periodId') ?? undefined;
  const report = await orFail(url, () => departmentReportsApi.schools(me.departmentId, periodId));
  return { me, report };
};

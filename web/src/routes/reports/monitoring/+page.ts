import { schoolAndYear } from '$lib/curriculum/load';
import { schoolObject } from '$lib/policy';
import { monitoringApi, MONITORING_TEXT } from '$lib/reports/monitoring';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId, yearId } = await schoolAndYear(url, 'report.monitoring', schoolObject, MONITORING_TEXT.denied);
  // No period asked: the server's «current», the one today falls in.
  const filter = {
    periodId: url.searchParams.get('period') || 'current',
    classId: url.searchParams.get('class') || undefined,
    teacherId: url.searchParams.get('teacher') || undefined,
  };
  const report = await orFail(url, () => monitoringApi.read(schoolId, yearId, filter));
  return { me, schoolId, yearId, filter: { ...filter, periodId: report.period.periodId }, report };
};

/** What each school report screen's load does: the person, the school and year (403 unless the director or a deputy), then the report. */
import { schoolAndYear } from '$lib/curriculum/load';
import { schoolObject } from '$lib/policy';
import { orFail } from '$lib/session';
import { SCHOOL_REPORTS_TEXT } from './school';

export async function loadSchoolReport<T>(url: URL, read: (schoolId: string, yearId: string) => Promise<T>) {
  const { me, schoolId, yearId } = await schoolAndYear(url, 'report.readSchool', schoolObject, SCHOOL_REPORTS_TEXT.denied);
  const report = await orFail(url, () => read(schoolId, yearId));
  return { me, schoolId, yearId, report };
}

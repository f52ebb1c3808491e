import { catalogFor, correctionSchool } from '$lib/corrections/load';
import { namesOf } from '$lib/corrections/names';
import { cellsFromParam } from '$lib/corrections/scope';
import { requireMe } from '$lib/session';
import type { PageLoad } from './$types';

/** The form: blank, or with the cells of a locked grid cell (class, period, subject and the scope in the address). */
export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = correctionSchool(me, url.searchParams.get('school'));
  const q = url.searchParams;
  const cells = cellsFromParam(q.get('cells'));
  const classId = q.get('class') ?? '';
  const periodId = q.get('period') ?? '';
  const catalog = await catalogFor(schoolId);
  const names = classId && periodId && cells.length ? await namesOf({ schoolId, classId, periodId, cells }, catalog) : { subjects: new Map(catalog.subjects), students: new Map<string, string>(), periods: catalog.periodNames };
  return { me, schoolId, catalog, classId, periodId, cells, names, fromCell: cells.length > 0 };
};

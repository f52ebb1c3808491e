import { error } from '@sveltejs/kit';
import { readChangeTable, CHANGES_TEXT as T } from '$lib/corrections/changes';
import { correctionSchool } from '$lib/corrections/load';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

/** The change table of one class and period (clause 7.5): `?classId=&periodId=` (or the register's `class`, `period`). */
export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = correctionSchool(me, url.searchParams.get('school'));
  const q = url.searchParams;
  const classId = q.get('classId') ?? q.get('class');
  const periodId = q.get('periodId') ?? q.get('period');
  if (!classId || !periodId) error(400, T.missing);
  const table = await orFail(url, () => readChangeTable(schoolId, classId, periodId));
  return { me, schoolId, table };
};

import { error } from '@sveltejs/kit';
import { currentYearId, mayManage, schoolOfMe, todayIso } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
import { TIMETABLE_TEXT } from '$lib/timetable/timetable';
import { timetableApi } from '$lib/timetable/api';
import { mayMe, schoolObject } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfMe(me, url.searchParams.get('school'));
  if (!schoolId || !mayMe(me, 'timetable.read', schoolObject(me, schoolId))) error(403, TIMETABLE_TEXT.refused);
  const yearId = url.searchParams.get('year') ?? currentYearId(new Date());
  const today = todayIso(new Date());
  const from = url.searchParams.get('from') || shift(today, -7);
  const to = url.searchParams.get('to') || shift(today, 31);
  const classId = url.searchParams.get('class') || undefined;
  const canManage = mayManage(me, schoolId);
  const [{ changes }, overview] = await Promise.all([
    orFail(url, () => timetableApi.changes(schoolId, yearId, from, to, classId)),
    canManage ? orFail(url, () => curriculumApi.overview(schoolId, yearId)) : Promise.resolve(null),
  ]);
  return { me, schoolId, yearId, from, to, classId, changes, overview, canManage, today };
};

import { mayManage, todayIso } from '$lib/curriculum/curriculum';
import { curriculumApi } from '$lib/curriculum/api';
import { TIMETABLE_TEXT } from '$lib/timetable/timetable';
import { timetableApi } from '$lib/timetable/api';
import { schoolObject } from '$lib/policy';
import { schoolAndYear } from '$lib/curriculum/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId, yearId } = await schoolAndYear(url, 'timetable.read', schoolObject, TIMETABLE_TEXT.refused);
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

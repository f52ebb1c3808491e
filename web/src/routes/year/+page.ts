import { error } from '@sveltejs/kit';
import { yearApi } from '$lib/year/api';
import { formOf, newYearForm, YEAR_TEXT, yearSchool } from '$lib/year/year';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = yearSchool(me, url.searchParams.get('school'));
  if (!schoolId) error(403, YEAR_TEXT.refused);
  const { years } = await orFail(url, () => yearApi.list(schoolId));
  const latest = years.at(-1) ?? null;
  const wanted = years.find((y) => y.yearId === url.searchParams.get('year'));
  // A new year follows the latest one (or, in a school with none, starts this calendar year).
  const isNew = url.searchParams.has('new') || !latest;
  const nextId = latest ? String(Number(latest.yearId) + 1) : String(new Date().getFullYear());
  const form = isNew ? newYearForm(nextId, latest) : formOf(wanted ?? latest!);
  const schoolName = me.schools.find((s) => s.schoolId === schoolId)?.name ?? schoolId;
  return { me, schoolId, schoolName, yearIds: years.map((y) => y.yearId), nextId, form, isNew };
};

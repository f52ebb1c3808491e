import { error } from '@sveltejs/kit';
import { peopleApi } from '$lib/people/api';
import { classCodeRows, CODES_TEXT, staffCodeRows } from '$lib/people/codes';
import { PEOPLE_TEXT } from '$lib/people/people';
import { classObject, mayMe, schoolObject } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

/** `?class=` for a class's students and parents; without it, the school's staff. */
export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const classId = url.searchParams.get('class');
  if (classId) {
    if (!mayMe(me, 'activationSheet.issueClass', classObject(me, params.schoolId, classId))) error(403, PEOPLE_TEXT.refused);
    const page = await orFail(url, () => peopleApi.classPage(params.schoolId, classId));
    return { me, schoolId: params.schoolId, classId, title: CODES_TEXT.classTitle(page.class.name), intro: CODES_TEXT.classIntro, rows: classCodeRows(page) };
  }
  if (!mayMe(me, 'activationSheet.issueStaff', schoolObject(me, params.schoolId))) error(403, PEOPLE_TEXT.refused);
  const { staff } = await orFail(url, () => peopleApi.staff(params.schoolId));
  return { me, schoolId: params.schoolId, classId: null, title: CODES_TEXT.staffTitle, intro: CODES_TEXT.staffIntro, rows: staffCodeRows(staff) };
};

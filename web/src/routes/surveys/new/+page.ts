import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { schoolOfScreen } from '$lib/messages/school';
import { orFail, requireMe } from '$lib/session';
import { surveysPaths, SURVEYS_TEXT } from '$lib/surveys/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfScreen(me, url);
  const led = me.grants.flatMap((g) => (g.role === 'classTeacher' && g.schoolId === schoolId ? [g.classId] : []));
  if (!schoolId || led.length === 0) error(403, 'Опрос родителей класса проводит его классный руководитель.');
  const { classes } = await orFail(url, () => api.classes(schoolId));
  const mine = led.map((classId) => ({ classId, name: classes.find((c) => c.classId === classId)?.name ?? classId }));
  return { me, schoolId, classes: mine, classId: url.searchParams.get('class') ?? mine[0]!.classId, trail: [{ title: SURVEYS_TEXT.title, href: surveysPaths.list(schoolId) }] };
};

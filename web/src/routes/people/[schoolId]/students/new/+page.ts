import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { abilities, PEOPLE_TEXT, peoplePaths } from '$lib/people/people';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  if (!abilities(me, params.schoolId).keeper) error(403, PEOPLE_TEXT.refused);
  const { classes } = await orFail(url, () => api.classes(params.schoolId));
  const classId = url.searchParams.get('class') ?? '';
  const cls = classes.find((c) => c.classId === classId);
  const trail = cls ? [{ title: `${PEOPLE_TEXT.klass} ${cls.name}`, href: peoplePaths.classPage(params.schoolId, classId) }] : [];
  return { me, schoolId: params.schoolId, classes, classId, trail };
};

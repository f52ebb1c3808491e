import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { peopleApi } from '$lib/people/api';
import { abilities, PEOPLE_TEXT, peoplePaths } from '$lib/people/people';
import { orFail, requireMe } from '$lib/session';
import type { ClassSummary } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const full = await orFail(url, () => peopleApi.student(params.schoolId, params.studentId));
  const can = abilities(me, params.schoolId, full.card.classId);
  if (!can.readPeople) error(403, PEOPLE_TEXT.refused);
  const classes = can.keeper ? await api.classes(params.schoolId).then((r) => r.classes, (): ClassSummary[] => []) : [];
  const { card } = full;
  const trail = [{ title: `${PEOPLE_TEXT.klass} ${card.className ?? card.classId}`, href: peoplePaths.classPage(params.schoolId, card.classId) }];
  return { me, schoolId: params.schoolId, can, full, classes, trail };
};

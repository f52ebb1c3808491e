import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { schoolOfMe, todayIso } from '$lib/curriculum/curriculum';
import { eventsApi, EVENTS_TEXT } from '$lib/diary/events';
import { addDays } from '../../../../shared/domain/calendar';
import { mayMe, schoolObject } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfMe(me, url.searchParams.get('school'));
  const classId = url.searchParams.get('class') || '';
  if (!schoolId) error(403, EVENTS_TEXT.refused);
  const school = schoolObject(me, schoolId);
  // The administration speaks for anybody; a class teacher for their own class only.
  const wholeSchool = mayMe(me, 'event.write', { ...school, audience: { kind: 'school' } });
  const ownClass = !!classId && mayMe(me, 'event.write', { ...school, audience: { kind: 'class', classId } });
  if (!wholeSchool && !ownClass) error(403, EVENTS_TEXT.refused);
  const from = todayIso(new Date());
  const to = addDays(from, 90);
  const [list, classes] = await Promise.all([
    orFail(url, () => eventsApi.list(schoolId, from, to)),
    wholeSchool ? orFail(url, () => api.classes(schoolId)).then((r) => r.classes) : Promise.resolve([]),
  ]);
  return { me, schoolId, classId, wholeSchool, from, to, events: list.events, classes };
};

import { error } from '@sveltejs/kit';
import { messagesApi, MESSAGES_TEXT } from '$lib/messages/api';
import { schoolOfScreen } from '$lib/messages/school';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfScreen(me, url);
  if (!schoolId) error(403, MESSAGES_TEXT.nobodyHere);
  const inbox = await orFail(url, () => messagesApi.inbox(schoolId));
  // Announcements are published by class teachers and the administration (the server decides; this only offers the link).
  const announces = me.grants.some((g) => 'schoolId' in g && g.schoolId === schoolId && ['classTeacher', 'director', 'deputy'].includes(g.role));
  return { me, schoolId, inbox, announces };
};

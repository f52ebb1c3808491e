import { error } from '@sveltejs/kit';
import { messagesApi, MESSAGES_TEXT } from '$lib/messages/api';
import { schoolOfScreen } from '$lib/messages/school';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfScreen(me, url);
  if (!schoolId) error(403, MESSAGES_TEXT.nobodyHere);
  const contacts = await orFail(url, () => messagesApi.contacts(schoolId));
  return { me, schoolId, audiences: contacts.audiences, trail: [{ title: MESSAGES_TEXT.title, href: `/messages?school=${encodeURIComponent(schoolId)}` }] };
};

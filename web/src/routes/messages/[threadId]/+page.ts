import { error } from '@sveltejs/kit';
import { messagesApi, MESSAGES_TEXT } from '$lib/messages/api';
import { schoolOfScreen } from '$lib/messages/school';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = schoolOfScreen(me, url);
  if (!schoolId) error(403, MESSAGES_TEXT.nobodyHere);
  const thread = await orFail(url, () => messagesApi.thread(schoolId, params.threadId));
  const receipts = thread.canSeeReceipts ? await orFail(url, () => messagesApi.receipts(schoolId, params.threadId)) : null;
  return { me, schoolId, thread, receipts, trail: [{ title: MESSAGES_TEXT.title, href: `/messages?school=${encodeURIComponent(schoolId)}` }] };
};

/** What every surveys screen loads first: the person, the school it is about (403 without one) and what it asks the server for there. */
import { error } from '@sveltejs/kit';
import { schoolOfScreen } from '../messages/school';
import { orFail, requireMe } from '../session';
import type { Me } from '../types';
import { SURVEYS_TEXT } from './api';

export async function surveyScreen<T>(url: URL, get: (schoolId: string) => Promise<T>): Promise<{ me: Me; schoolId: string; found: T }> {
  const me = await requireMe(url);
  const schoolId = schoolOfScreen(me, url);
  if (!schoolId) error(403, SURVEYS_TEXT.nobody);
  return { me, schoolId, found: await orFail(url, () => get(schoolId)) };
}

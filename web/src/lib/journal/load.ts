/** What the journal's and the final marks' screens load alike. */
import { error } from '@sveltejs/kit';
import { requireMe } from '$lib/session';
import type { Me } from '$lib/types';
import { journalSchool } from './common';

/**
 * The signed-in person and the school whose journal they look at (the one asked for, else their own);
 * 403 with `refused` when there is none, or when `allowed` says no there.
 */
export async function journalPerson(url: URL, refused: string, allowed: (me: Me, schoolId: string) => boolean = () => true) {
  const me = await requireMe(url);
  const schoolId = journalSchool(me, url.searchParams.get('school'));
  if (!schoolId || !allowed(me, schoolId)) error(403, refused);
  return { me, schoolId };
}

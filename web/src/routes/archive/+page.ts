import { archiveApi } from '$lib/archive/archive';
import { ARCHIVE_TEXT as T } from '$lib/archive/archive';
import { currentYearId } from '$lib/curriculum/curriculum';
import { schoolAndYear } from '$lib/curriculum/load';
import { schoolObject } from '$lib/policy';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const { me, schoolId, yearId } = await schoolAndYear(url, 'archive.read', schoolObject, T.denied);
  const filter = { periodId: url.searchParams.get('period') ?? undefined, classId: url.searchParams.get('class') ?? undefined, kind: url.searchParams.get('kind') ?? undefined };
  const list = await orFail(url, () => archiveApi.list(schoolId, yearId, filter));
  // This school year and the five before it: what the archive can hold within the journals' 5 years, and more by the address.
  const now = Number(currentYearId(new Date()));
  const years = [...new Set([...Array.from({ length: 6 }, (_, i) => String(now - i)), yearId])].sort().reverse();
  return { me, schoolId, yearId, years, filter, list };
};

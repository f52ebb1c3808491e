import { api } from '$lib/api';
import { requireMe } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const classId = url.searchParams.get('class');
  let className: string | null = null;
  if (classId) {
    // Only to name the class in the heading; the id will do if the list is unavailable.
    const classes = await api.classes(params.schoolId).then((r) => r.classes, () => []);
    className = classes.find((c) => c.classId === classId)?.name ?? classId;
  }
  return { me, schoolId: params.schoolId, className };
};

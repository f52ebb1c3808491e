import { api } from '$lib/api';
import { classKey, sectionsFor } from '$lib/home';
import { requireMe } from '$lib/session';
import type { Me } from '$lib/types';
import type { PageLoad } from './$types';

/** A class teacher's card names the class ('5А'); /me carries only its id. */
async function classNamesOf(me: Me): Promise<Record<string, string>> {
  const schools = [...new Set(me.grants.flatMap((g) => (g.role === 'classTeacher' ? [g.schoolId] : [])))];
  const names: Record<string, string> = {};
  await Promise.all(
    schools.map(async (schoolId) => {
      try {
        for (const c of (await api.classes(schoolId)).classes) names[classKey(schoolId, c.classId)] = c.name;
      } catch {
        // The card then shows the class id: not worth failing the home screen for.
      }
    }),
  );
  return names;
}

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  return { me, cards: sectionsFor(me, { classNames: await classNamesOf(me) }) };
};

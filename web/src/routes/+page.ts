import { api, messageOf } from '$lib/api';
import { dayApi, type TeacherDay } from '$lib/day/day';
import { classKey, sectionsFor, teachingSchools } from '$lib/home';
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

export type DayOfSchool = { schoolId: string; schoolName: string } & ({ day: TeacherDay } | { problem: string });

/** Today's lessons in each school where the person teaches; a failure shows in its panel, not as the home's error. */
function daysOf(me: Me): Promise<DayOfSchool[]> {
  return Promise.all(
    teachingSchools(me).map(async (s): Promise<DayOfSchool> => {
      try {
        return { ...s, day: await dayApi.today(s.schoolId) };
      } catch (e) {
        return { ...s, problem: messageOf(e) };
      }
    }),
  );
}

export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const [classNames, days] = await Promise.all([classNamesOf(me), daysOf(me)]);
  return { me, cards: sectionsFor(me, { classNames }), days };
};

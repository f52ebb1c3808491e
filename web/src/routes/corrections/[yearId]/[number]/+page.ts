import { error } from '@sveltejs/kit';
import { correctionsApi } from '$lib/corrections/api';
import { catalogFor, correctionSchool } from '$lib/corrections/load';
import { namesOf } from '$lib/corrections/names';
import { hasSchoolRole } from '../../../../../../shared/auth/roles';
import { principalOf } from '$lib/policy';
import { orFail, requireMe } from '$lib/session';
import { settingsApi } from '$lib/settings/api';
import type { PageLoad } from './$types';

/** One request of the register: its scope in words, its history, and what the viewer may do with it. */
export const load: PageLoad = async ({ url, params }) => {
  const me = await requireMe(url);
  const schoolId = correctionSchool(me, url.searchParams.get('school'));
  if (!/^\d{1,6}$/.test(params.number)) error(404, 'Заявка на корректировку не найдена.');
  const [{ correction }, catalog] = await Promise.all([orFail(url, () => correctionsApi.one(schoolId, params.yearId, Number(params.number))), catalogFor(schoolId)]);
  // A deputy is offered the entry only when the director designated them (clause 3.11): the school's settings say who.
  const deputies = correction.state === 'approved' && hasSchoolRole(principalOf(me), schoolId, 'deputy') ? settingsApi.school(schoolId).then((s) => s.settings.journalControlDeputyIds ?? [], () => undefined) : Promise.resolve(undefined);
  const [names, journalControlDeputyIds] = await Promise.all([namesOf(correction, catalog), deputies]);
  return { me, schoolId, correction, catalog, names, journalControlDeputyIds };
};

import { correctionsApi } from '$lib/corrections/api';
import { catalogFor, correctionSchool, correctionSchools } from '$lib/corrections/load';
import { filterRegister } from '$lib/corrections/scope';
import { orFail, requireMe } from '$lib/session';
import { CORRECTION_REASONS, CORRECTION_STATES, type CorrectionReason, type CorrectionState } from '../../../../shared/domain/corrections';
import type { PageLoad } from './$types';

const pick = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

/** The register of one school and year (clause 7.3), filtered by state, class, period and reason. */
export const load: PageLoad = async ({ url }) => {
  const me = await requireMe(url);
  const schoolId = correctionSchool(me, url.searchParams.get('school'));
  const q = url.searchParams;
  const filter = {
    state: pick<CorrectionState>(CORRECTION_STATES, q.get('state')),
    classId: q.get('class') || undefined,
    periodId: q.get('period') || undefined,
    reason: pick<CorrectionReason>(CORRECTION_REASONS, q.get('reason')),
  };
  const [waiting, catalog] = await Promise.all([orFail(url, () => correctionsApi.waiting(schoolId)), catalogFor(schoolId)]);
  const yearId = /^\d{4}$/.test(q.get('year') ?? '') ? q.get('year')! : waiting.yearId;
  const register = await orFail(url, () => correctionsApi.register(schoolId, yearId, { state: filter.state, classId: filter.classId }));
  // A reader without the journal list (the department) chooses among the classes the register names.
  const classes = catalog.classes.length > 0 ? catalog.classes.map((c) => ({ id: c.classId, name: c.className })) : [...new Set(register.corrections.map((c) => c.classId))].map((id) => ({ id, name: id }));
  return { me, schoolId, schools: correctionSchools(me), yearId, filter, waiting, catalog, classes, corrections: filterRegister(register.corrections, filter) };
};

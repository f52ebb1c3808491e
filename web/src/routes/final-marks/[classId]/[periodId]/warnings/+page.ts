import { finalMarksApi } from '$lib/period-marks/marks';
import { journalPerson } from '$lib/journal/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const { me, schoolId } = await journalPerson(url, 'Предупреждения по классу доступны только учителям и администрации школы.');
  const warnings = await orFail(url, () => finalMarksApi.classWarnings(schoolId, params.classId, params.periodId));
  return { me, schoolId, classId: params.classId, periodId: params.periodId, warnings };
};

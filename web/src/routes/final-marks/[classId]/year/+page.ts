import { finalMarksApi } from '$lib/period-marks/marks';
import { journalPerson } from '$lib/journal/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const { me, schoolId } = await journalPerson(url, 'Отметки класса доступны только учителям и администрации школы.');
  const table = await orFail(url, () => finalMarksApi.year(schoolId, params.classId));
  return { me, schoolId, classId: params.classId, table };
};

import { journalPerson } from '$lib/journal/load';
import { orFail } from '$lib/session';
import { finalMarksApi } from './table';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const { me, schoolId } = await journalPerson(url, 'Отметки класса за период доступны только учителям и администрации школы.');
  const table = await orFail(url, () => finalMarksApi.table(schoolId, params.classId, params.periodId));
  return { me, schoolId, classId: params.classId, periodId: params.periodId, table };
};

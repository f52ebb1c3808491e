import { messageOf } from '$lib/api';
import { journalApi } from '$lib/journal/api';
import { finalMarksApi, type PeriodTable } from '$lib/journal/period';
import { ledClasses } from '$lib/policy';
import { journalPerson } from '$lib/journal/load';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, params }) => {
  const { me, schoolId } = await journalPerson(url, 'Журнал доступен только учителям и администрации школы.');
  const groupId = url.searchParams.get('group');
  const place = { schoolId, classId: params.classId, subjectId: params.subjectId, periodId: params.periodId };
  // The period marks and their justification come from their own endpoint, in parallel: the page
  // stays one Query, and the grid still shows the lessons when period marks cannot be read.
  const periodMarks = finalMarksApi.table(schoolId, params.classId, params.periodId, params.subjectId).then(
    (table): { table: PeriodTable | null; problem: string } => ({ table, problem: '' }),
    (e: unknown) => ({ table: null, problem: messageOf(e) }),
  );
  const [page, period] = await Promise.all([orFail(url, () => journalApi.page(place, groupId)), periodMarks]);
  const leads = ledClasses(me, schoolId).includes(params.classId);
  // The lesson a link opens on (the teacher's day): `<date>.<lesson number>.<group>`.
  const lessonId = url.searchParams.get('lesson');
  return { me, place, page, groupId, leads, period, lessonId };
};

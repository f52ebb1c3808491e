/** What the journal screens share: the school a screen is about and the screens' addresses. */
import { schoolsWhere } from '../policy';
import type { Me } from '../types';

const seg = encodeURIComponent;

/** The school in the address if the person works there (its staff list its classes), else their first school. */
export function journalSchool(me: Me, asked: string | null): string | null {
  const mine = schoolsWhere(me, 'class.list');
  if (asked && mine.includes(asked)) return asked;
  return mine[0] ?? null;
}

export const journalPaths = {
  list: (schoolId: string) => `/journal?school=${seg(schoolId)}`,
  page: (schoolId: string, classId: string, subjectId: string, periodId: string, groupId?: string | null) =>
    `/journal/${seg(classId)}/${seg(subjectId)}/${seg(periodId)}?school=${seg(schoolId)}${groupId && groupId !== 'all' ? `&group=${seg(groupId)}` : ''}`,
  check: (schoolId: string, classId: string) => `/journal/check/${seg(classId)}?school=${seg(schoolId)}`,
  exams: (schoolId: string, classId?: string) => `/journal/exams?school=${seg(schoolId)}${classId ? `&class=${seg(classId)}` : ''}`,
  log: (schoolId: string, classId: string, periodId: string, subjectId?: string) =>
    `/journal/log/${seg(classId)}/${seg(periodId)}?school=${seg(schoolId)}${subjectId ? `&subject=${seg(subjectId)}` : ''}`,
};

export { ruDayMonth as dayMonth, ruDate } from '../../../../shared/domain/calendar';

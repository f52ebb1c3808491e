/** What the journal screens share: the school a screen is about and the screens' addresses. */
import type { Me } from '../types';

const seg = encodeURIComponent;
const JOURNAL_ROLES = new Set(['teacher', 'classTeacher', 'deputy', 'director', 'administrator', 'secretary']);

/** The school in the address if the person works there, else their first school. */
export function journalSchool(me: Me, asked: string | null): string | null {
  const mine = [...new Set(me.grants.flatMap((g) => ('schoolId' in g && JOURNAL_ROLES.has(g.role) ? [g.schoolId] : [])))];
  if (asked && mine.includes(asked)) return asked;
  return mine[0] ?? null;
}

export function hasRole(me: Me, schoolId: string, ...roles: string[]): boolean {
  return me.grants.some((g) => roles.includes(g.role) && 'schoolId' in g && g.schoolId === schoolId);
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

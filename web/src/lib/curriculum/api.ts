/** The curriculum routes (functions/curriculum/routes.ts), and the year the screens need. */
import { send } from '../api';
import type { ClassPeriods, CurriculumOverview, LoadLine, Subject, SubgroupsSaved, SubgroupsView, SubstituteSaved, SubstitutesView, SubstituteView, TeacherLoadView } from './types';

const seg = encodeURIComponent;
const school = (schoolId: string) => `/api/schools/${seg(schoolId)}`;
const year = (schoolId: string, yearId: string) => `${school(schoolId)}/years/${seg(yearId)}`;
const classPeriod = (schoolId: string, classId: string, periodId: string) => `${school(schoolId)}/classes/${seg(classId)}/periods/${seg(periodId)}`;

export const curriculumApi = {
  periodsOfClass: (schoolId: string, classId: string) =>
    send<ClassPeriods>('GET', `${school(schoolId)}/classes/${seg(classId)}/periods`),
  overview: (schoolId: string, yearId: string) => send<CurriculumOverview>('GET', `${year(schoolId, yearId)}/curriculum`),
  addSubject: (schoolId: string, body: { subjectId?: string; name: string; shortName: string; splittable: boolean }) =>
    send<Subject>('POST', `${school(schoolId)}/subjects`, body),
  changeSubject: (schoolId: string, subjectId: string, body: { name: string; shortName: string; splittable: boolean; version: number }) =>
    send<Subject>('PUT', `${school(schoolId)}/subjects/${seg(subjectId)}`, body),
  setLine: (schoolId: string, yearId: string, classId: string, subjectId: string, body: unknown) =>
    send<LoadLine>('PUT', `${year(schoolId, yearId)}/curriculum/${seg(classId)}/${seg(subjectId)}`, body),
  removeLine: (schoolId: string, yearId: string, line: Pick<LoadLine, 'classId' | 'subjectId' | 'version'>) =>
    send<void>('DELETE', `${year(schoolId, yearId)}/curriculum/${seg(line.classId)}/${seg(line.subjectId)}?version=${line.version}`),
  teacherLoad: (schoolId: string, yearId: string, teacherId: string) => send<TeacherLoadView>('GET', `${year(schoolId, yearId)}/teachers/${seg(teacherId)}/load`),
  subgroups: (schoolId: string, classId: string, periodId: string) => send<SubgroupsView>('GET', `${classPeriod(schoolId, classId, periodId)}/subgroups`),
  saveSubgroups: (schoolId: string, classId: string, periodId: string, subjectId: string, body: unknown) =>
    send<SubgroupsSaved>('PUT', `${classPeriod(schoolId, classId, periodId)}/subgroups/${seg(subjectId)}`, body),
  substitutes: (schoolId: string, classId: string, periodId: string) => send<SubstitutesView>('GET', `${classPeriod(schoolId, classId, periodId)}/substitutes`),
  addSubstitute: (schoolId: string, classId: string, periodId: string, body: unknown) =>
    send<SubstituteSaved>('POST', `${classPeriod(schoolId, classId, periodId)}/substitutes`, body),
  removeSubstitute: (schoolId: string, classId: string, periodId: string, s: Pick<SubstituteView, 'substituteId' | 'version'>) =>
    send<void>('DELETE', `${classPeriod(schoolId, classId, periodId)}/substitutes/${seg(s.substituteId)}?version=${s.version}`),
};

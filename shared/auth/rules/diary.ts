/**
 * Authorisation of the diary (issue 12; clauses 2.2, 3.12, R-50). A student's diary: the student
 * and their parents only; anybody else is told nothing exists (the handlers answer 404). Events:
 * the director and the deputy publish for the school, a grade or a class; a class teacher for their
 * own class only; the school's staff list them.
 */
import { childStudentIds, hasSchoolRole, ledClassIds } from '../roles';
import { inSchool, STAFF } from './common';
import type { Preconditions, Rules, SchoolObject, StudentObject } from './objects';

/** An event of a school and whom it is for (the audience decides who may publish it). */
export interface EventObject extends SchoolObject {
  audience: { kind: 'school' } | { kind: 'grade'; grade: number } | { kind: 'class'; classId: string };
}

export interface DiaryObjects {
  'diary.readOwn': StudentObject;
  'event.write': EventObject;
  'event.list': SchoolObject;
}

export const diaryRules: Rules<DiaryObjects> = {
  'diary.readOwn': (p, o) =>
    inSchool(p, o) &&
    (childStudentIds(p, o.schoolId).includes(o.studentId) ||
      p.grants.some((g) => g.role === 'student' && g.schoolId === o.schoolId && g.studentId === o.studentId)),
  'event.write': (p, o) =>
    inSchool(p, o) &&
    (hasSchoolRole(p, o.schoolId, 'director', 'deputy') || (o.audience.kind === 'class' && ledClassIds(p, o.schoolId).includes(o.audience.classId))),
  'event.list': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...STAFF),
};

const STAFF_ONLY = {
  rule: (p: Parameters<typeof hasSchoolRole>[0], o: SchoolObject) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy', 'classTeacher'),
  refusal: 'Мероприятия публикуют заместитель директора, директор и классные руководители.',
};

export const diaryPreconditions: Preconditions<DiaryObjects> = {
  'event.write': STAFF_ONLY,
};

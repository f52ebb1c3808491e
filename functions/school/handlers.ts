import { may } from '../../shared/auth/policy';
import { ForbiddenError, NotFoundError } from '../../shared/errors';
import { getClass, getDepartment, getSchool, getStudentCard, listClasses as readClasses, listStudentsOfClass, className } from '../../shared/repos/school';
import { getAccounts } from '../../shared/repos/accounts';
import { displayName } from '../../shared/repos/accounts';
import { handler, sessionOf, type Req } from '../http/area';

/** Loads the school named in the path; another department's school is simply not found. */
async function schoolOf(req: Req<unknown>) {
  const p = sessionOf(req).principal;
  const school = await getSchool(p.departmentId, req.params.schoolId!);
  if (!school) throw new NotFoundError('Школа не найдена.');
  return { p, school };
}

export const getSchoolInfo = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'school.read', school)) throw new ForbiddenError();
  const { timeZone: _tz, ...body } = school;
  return { body };
});

export const listClasses = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'class.list', school)) throw new ForbiddenError('Список классов доступен сотрудникам школы.');
  const classes = await readClasses(school.schoolId);
  return {
    body: {
      classes: classes.map((c) => ({
        classId: c.classId,
        grade: c.grade,
        letter: c.letter,
        name: className(c),
        classTeacherId: c.classTeacherId,
        classTeacherName: c.classTeacherName,
      })),
    },
  };
});

export const listStudents = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  const cls = await getClass(school.schoolId, req.params.classId!);
  if (!cls) throw new NotFoundError('Класс не найден.');
  if (!may(p, 'class.readRoster', { ...school, classId: cls.classId })) throw new ForbiddenError('Список этого класса вам недоступен.');
  const students = await listStudentsOfClass(school.schoolId, cls.classId);
  return {
    body: { classId: cls.classId, students: students.map((s) => ({ studentId: s.studentId, displayName: `${s.lastName} ${s.firstName}` })) },
  };
});

export const getStudentCardInfo = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  const card = await getStudentCard(school.schoolId, req.params.studentId!);
  // The same answer for "no such student" and "not yours", so ids cannot be probed.
  if (!card || !may(p, 'student.readCard', { ...school, classId: card.classId, studentId: card.studentId })) {
    throw new NotFoundError('Обучающийся не найден или его данные вам недоступны.');
  }
  const parents = await getAccounts(card.parentIds);
  // Named fields only: the card grows (address, documents, import run) and this route is read by
  // parents and class teachers, who need no more than this (clause 1.7).
  const body = {
    studentId: card.studentId,
    schoolId: card.schoolId,
    classId: card.classId,
    lastName: card.lastName,
    firstName: card.firstName,
    middleName: card.middleName,
    birthDate: card.birthDate,
    parents: parents.map((a) => ({ userId: a.userId, displayName: displayName(a) })),
  };
  return { body };
});

export const getDepartmentSettings = handler(async (req) => {
  const p = sessionOf(req).principal;
  const departmentId = req.params.departmentId!;
  if (!may(p, 'department.readSettings', { departmentId })) throw new ForbiddenError();
  const dep = await getDepartment(departmentId);
  if (!dep) throw new NotFoundError('Управление образования не найдено.');
  return { body: dep };
});

import { NotFoundError } from '../../shared/errors';
import { getClass, getDepartment, getStudentCard, listClasses as readClasses, listStudentsOfClass, className } from '../../shared/repos/school';
import { getAccounts } from '../../shared/repos/accounts';
import { displayName } from '../../shared/repos/accounts';
import { handlersOf } from '../http/area';
import { authorizedSchool, schoolOf } from '../http/school';
import { schoolRoutes } from './routes';

const handler = handlersOf(schoolRoutes);

export const getSchoolInfo = handler('getSchoolInfo', async (req) => {
  const school = await authorizedSchool(req, 'Эта школа вам недоступна.');
  const { timeZone: _tz, ...body } = school;
  return { body };
});

export const listClasses = handler('listClasses', async (req) => {
  const school = await authorizedSchool(req, 'Список классов доступен сотрудникам школы.');
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

export const listStudents = handler('listStudents', async (req) => {
  const school = await schoolOf(req);
  const cls = await getClass(school.schoolId, req.params.classId!);
  if (!cls) throw new NotFoundError('Класс не найден.');
  req.authorize({ ...school, classId: cls.classId }, 'Список этого класса вам недоступен.');
  const students = await listStudentsOfClass(school.schoolId, cls.classId);
  return {
    body: { classId: cls.classId, students: students.map((s) => ({ studentId: s.studentId, displayName: `${s.lastName} ${s.firstName}` })) },
  };
});

export const getStudentCardInfo = handler('getStudentCardInfo', async (req) => {
  const school = await schoolOf(req);
  const card = await getStudentCard(school.schoolId, req.params.studentId!);
  // The same answer for "no such student" and "not yours", so ids cannot be probed.
  if (!card || !req.allowed({ ...school, classId: card.classId, studentId: card.studentId })) {
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

export const getDepartmentSettings = handler('getDepartmentSettings', async (req) => {
  const departmentId = req.params.departmentId!;
  req.authorize({ departmentId }, 'Настройки управления образования доступны его специалистам и руководителям школ.');
  const dep = await getDepartment(departmentId);
  if (!dep) throw new NotFoundError('Управление образования не найдено.');
  return { body: dep };
});
export * from './department-handlers';

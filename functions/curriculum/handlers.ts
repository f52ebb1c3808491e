/**
 * The curriculum area (R-12, R-24, R-25, clause 5): subjects, the curriculum of a year with each
 * teacher's load, subgroups of a class per period, substitutes.
 */
import { listSubjects } from '../../shared/repos/curriculum';
import { curriculumOverview, deleteLoadLine, setLoadLine, teacherLoadOverview } from '../../shared/services/curriculum-load';
import { periodsOfClass, saveSubgroups as saveMakeUp, subgroupsOverview } from '../../shared/services/curriculum-subgroups';
import { createSubject as create, updateSubject as update } from '../../shared/services/curriculum-subjects';
import { createSubstitute as assign, deleteSubstitute as unassign, substituteIdOf, substitutesOverview } from '../../shared/services/curriculum-substitutes';
import { handlersOf } from '../http/area';
import { authorizedSchool, classOfSchool, yearIdOf } from '../http/school';
import { curriculumRoutes } from './routes';

const handler = handlersOf(curriculumRoutes);
const READ_REFUSED = 'Учебный план доступен сотрудникам школы.';
const MANAGE_REFUSED = 'Учебный план ведёт заместитель директора (или директор).';
const SUBSTITUTE_REFUSED = 'Замены назначает заместитель директора (или директор).';

export const listSubjectsOfSchool = handler('listSubjectsOfSchool', async (req) => {
  const school = await authorizedSchool(req, READ_REFUSED);
  return { body: { subjects: await listSubjects(school.schoolId) } };
});

export const createSubject = handler('createSubject', async (req) => {
  const school = await authorizedSchool(req, MANAGE_REFUSED);
  return { status: 201, body: await create({ by: req.principal, schoolId: school.schoolId, subject: req.body, now: req.now }) };
});

export const updateSubject = handler('updateSubject', async (req) => {
  const school = await authorizedSchool(req, MANAGE_REFUSED);
  return { body: await update({ by: req.principal, schoolId: school.schoolId, subjectId: req.params.subjectId!, subject: req.body, now: req.now }) };
});

export const getCurriculum = handler('getCurriculum', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, READ_REFUSED);
  return { body: await curriculumOverview(school.schoolId, yearId) };
});

export const setCurriculumLine = handler('setCurriculumLine', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, MANAGE_REFUSED);
  const line = await setLoadLine({
    by: req.principal,
    schoolId: school.schoolId,
    yearId,
    classId: req.params.classId!,
    subjectId: req.params.subjectId!,
    line: req.body,
    now: req.now,
    timeZone: school.timeZone,
  });
  return { body: line };
});

export const deleteCurriculumLine = handler('deleteCurriculumLine', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, MANAGE_REFUSED);
  const { classId, subjectId } = req.params;
  await deleteLoadLine({ by: req.principal, schoolId: school.schoolId, yearId, classId: classId!, subjectId: subjectId!, version: req.query.version, now: req.now });
  return {};
});

export const getTeacherLoad = handler('getTeacherLoad', async (req) => {
  const yearId = yearIdOf(req);
  const teacherId = req.params.teacherId!;
  const school = await authorizedSchool(req, 'Нагрузку учителя видят он сам и заместитель директора.', (s) => ({
    departmentId: s.departmentId,
    schoolId: s.schoolId,
    teacherId,
  }));
  return { body: await teacherLoadOverview(school.schoolId, yearId, teacherId) };
});

export const listPeriodsOfClass = handler('listPeriodsOfClass', async (req) => {
  const school = await authorizedSchool(req, READ_REFUSED);
  return { body: await periodsOfClass(school.schoolId, req.params.classId!) };
});

export const getSubgroups = handler('getSubgroups', async (req) => {
  const school = await authorizedSchool(req, 'Подгруппы этого класса вам недоступны.', classOfSchool(req.params.classId!));
  return { body: await subgroupsOverview(school.schoolId, req.params.classId!, req.params.periodId!) };
});

export const saveSubgroups = handler('saveSubgroups', async (req) => {
  const school = await authorizedSchool(
    req,
    'Состав подгрупп определяют заместитель директора и классный руководитель этого класса.',
    classOfSchool(req.params.classId!),
  );
  const saved = await saveMakeUp({
    by: req.principal,
    schoolId: school.schoolId,
    classId: req.params.classId!,
    periodId: req.params.periodId!,
    subjectId: req.params.subjectId!,
    groups: req.body.groups,
    version: req.body.version,
    now: req.now,
    timeZone: school.timeZone,
  });
  return { body: saved };
});

export const listSubstitutes = handler('listSubstitutes', async (req) => {
  const school = await authorizedSchool(req, 'Замены доступны сотрудникам школы.', classOfSchool(req.params.classId!));
  return { body: await substitutesOverview(school.schoolId, req.params.classId!, req.params.periodId!) };
});

export const createSubstitute = handler('createSubstitute', async (req) => {
  const school = await authorizedSchool(req, SUBSTITUTE_REFUSED, classOfSchool(req.params.classId!));
  const sub = await assign({ by: req.principal, schoolId: school.schoolId, classId: req.params.classId!, periodId: req.params.periodId!, substitute: req.body, now: req.now });
  return { status: 201, body: { ...sub, substituteId: substituteIdOf(sub) } };
});

export const deleteSubstitute = handler('deleteSubstitute', async (req) => {
  const school = await authorizedSchool(req, SUBSTITUTE_REFUSED, classOfSchool(req.params.classId!));
  const { classId, periodId, substituteId } = req.params;
  await unassign({ by: req.principal, schoolId: school.schoolId, classId: classId!, periodId: periodId!, substituteId: substituteId!, version: req.query.version, now: req.now });
  return {};
});

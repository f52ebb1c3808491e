/**
 * The curriculum area (R-12, R-24, R-25, clause 5): subjects, the curriculum of a year with each
 * teacher's load, subgroups of a class per period, substitutes.
 */
import type { z } from 'zod';
import { listSubjects } from '../../shared/repos/curriculum';
import { curriculumOverview, deleteLoadLine, setLoadLine, teacherLoadOverview } from '../../shared/services/curriculum-load';
import { periodsOfClass, saveSubgroups as saveMakeUp, subgroupsOverview } from '../../shared/services/curriculum-subgroups';
import { createSubject as create, updateSubject as update } from '../../shared/services/curriculum-subjects';
import { createSubstitute as assign, deleteSubstitute as unassign, substituteIdOf, substitutesOverview } from '../../shared/services/curriculum-substitutes';
import { handler } from '../http/area';
import { classObject, schoolFor, versionOf, yearIdOf } from './context';
import type * as schemas from './schemas';

const READ_REFUSED = 'Учебный план доступен сотрудникам школы.';
const MANAGE_REFUSED = 'Учебный план ведёт заместитель директора (или директор).';

export const listSubjectsOfSchool = handler(async (req) => {
  const { school } = await schoolFor(req, 'curriculum.read', READ_REFUSED);
  return { body: { subjects: await listSubjects(school.schoolId) } };
});

export const createSubject = handler<z.output<typeof schemas.subjectBody>>(async (req) => {
  const { p, school } = await schoolFor(req, 'curriculum.manage', MANAGE_REFUSED);
  return { status: 201, body: await create({ by: p, schoolId: school.schoolId, subject: req.body, now: req.now }) };
});

export const updateSubject = handler<z.output<typeof schemas.subjectUpdateBody>>(async (req) => {
  const { p, school } = await schoolFor(req, 'curriculum.manage', MANAGE_REFUSED);
  return { body: await update({ by: p, schoolId: school.schoolId, subjectId: req.params.subjectId!, subject: req.body, now: req.now }) };
});

export const getCurriculum = handler(async (req) => {
  const yearId = yearIdOf(req);
  const { school } = await schoolFor(req, 'curriculum.read', READ_REFUSED);
  return { body: await curriculumOverview(school.schoolId, yearId) };
});

export const setCurriculumLine = handler<z.output<typeof schemas.loadLineBody>>(async (req) => {
  const yearId = yearIdOf(req);
  const { p, school } = await schoolFor(req, 'curriculum.manage', MANAGE_REFUSED);
  const line = await setLoadLine({
    by: p,
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

export const deleteCurriculumLine = handler(async (req) => {
  const yearId = yearIdOf(req);
  const version = versionOf(req);
  const { p, school } = await schoolFor(req, 'curriculum.manage', MANAGE_REFUSED);
  await deleteLoadLine({ by: p, schoolId: school.schoolId, yearId, classId: req.params.classId!, subjectId: req.params.subjectId!, version, now: req.now });
  return {};
});

export const getTeacherLoad = handler(async (req) => {
  const yearId = yearIdOf(req);
  const teacherId = req.params.teacherId!;
  const { school } = await schoolFor(req, 'load.readOfTeacher', 'Нагрузку учителя видят он сам и заместитель директора.', (s) => ({
    departmentId: s.departmentId,
    schoolId: s.schoolId,
    teacherId,
  }));
  return { body: await teacherLoadOverview(school.schoolId, yearId, teacherId) };
});

export const listPeriodsOfClass = handler(async (req) => {
  const { school } = await schoolFor(req, 'curriculum.read', READ_REFUSED);
  return { body: await periodsOfClass(school.schoolId, req.params.classId!) };
});

export const getSubgroups = handler(async (req) => {
  const { school } = await schoolFor(req, 'subgroups.read', 'Подгруппы этого класса вам недоступны.', classObject(req.params.classId!));
  return { body: await subgroupsOverview(school.schoolId, req.params.classId!, req.params.periodId!) };
});

export const saveSubgroups = handler<z.output<typeof schemas.subgroupsBody>>(async (req) => {
  const { p, school } = await schoolFor(
    req,
    'subgroups.manage',
    'Состав подгрупп определяют заместитель директора и классный руководитель этого класса.',
    classObject(req.params.classId!),
  );
  const saved = await saveMakeUp({
    by: p,
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

export const listSubstitutes = handler(async (req) => {
  const { school } = await schoolFor(req, 'substitute.read', 'Замены доступны сотрудникам школы.', classObject(req.params.classId!));
  return { body: await substitutesOverview(school.schoolId, req.params.classId!, req.params.periodId!) };
});

const SUBSTITUTE_REFUSED = 'Замены назначает заместитель директора (или директор).';

export const createSubstitute = handler<z.output<typeof schemas.substituteBody>>(async (req) => {
  const { p, school } = await schoolFor(req, 'substitute.manage', SUBSTITUTE_REFUSED, classObject(req.params.classId!));
  const sub = await assign({ by: p, schoolId: school.schoolId, classId: req.params.classId!, periodId: req.params.periodId!, substitute: req.body, now: req.now });
  return { status: 201, body: { ...sub, substituteId: substituteIdOf(sub) } };
});

export const deleteSubstitute = handler(async (req) => {
  const version = versionOf(req);
  const { p, school } = await schoolFor(req, 'substitute.manage', SUBSTITUTE_REFUSED, classObject(req.params.classId!));
  await unassign({ by: p, schoolId: school.schoolId, classId: req.params.classId!, periodId: req.params.periodId!, substituteId: req.params.substituteId!, version, now: req.now });
  return {};
});

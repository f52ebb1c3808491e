/**
 * Handlers of the ktp area (functions/ktp/routes.ts): the KTP and the schedule of
 * assessment procedures. Each loads its object, authorises it, calls one service function.
 */
import { NotFoundError } from '../../shared/errors';
import { getClass } from '../../shared/repos/school';
import {
  addAssessment,
  assessmentAt,
  assessmentScope,
  changeAssessment,
  removeAssessment,
  scheduleView,
} from '../../shared/services/ktp-assessments';
import { approveKtp, listClassKtps, listOwnKtps, readKtp, reopenKtp, saveKtp } from '../../shared/services/ktp-plan';
import type { ObjectOf } from '../../shared/auth/policy';
import { handlersOf, type Authorizing } from '../http/area';
import { authorizedSchool, schoolOf } from '../http/school';
import { ktpRoutes } from './routes';
import { ktpOf, WRITE_KTP } from './scope';

const handler = handlersOf(ktpRoutes);
const NOT_YOURS = 'КТП этого класса и предмета доступен учителю, который его ведёт, классному руководителю и администрации школы.';

export const listMyKtps = handler('listMyKtps', async (req) => {
  const school = await authorizedSchool(req, 'Список КТП доступен учителям школы.');
  return { body: await listOwnKtps(school, req.params.yearId!, req.principal.userId) };
});

export const listClassKtpsOfYear = handler('listClassKtpsOfYear', async (req) => {
  const school = await schoolOf(req);
  const cls = await getClass(school.schoolId, req.params.classId!);
  if (!cls) throw new NotFoundError('Класс не найден.');
  req.authorize({ ...school, classId: cls.classId }, 'КТП всех предметов класса видят заместитель директора, директор и классный руководитель.');
  return { body: await listClassKtps(school, req.params.yearId!, cls) };
});

export const getKtp = handler('getKtp', async (req) => {
  const scope = await ktpOf(req, NOT_YOURS);
  return { body: await readKtp(scope, req.principal) };
});

export const putKtp = handler('putKtp', async (req) => {
  const scope = await ktpOf(req, WRITE_KTP);
  return { body: await saveKtp(scope, req.principal, req.body, req.now) };
});

export const approveKtpPlan = handler('approveKtpPlan', async (req) => {
  const scope = await ktpOf(req, 'КТП утверждает заместитель директора.');
  return { body: await approveKtp(scope, req.principal, req.body, req.now) };
});

export const reopenKtpPlan = handler('reopenKtpPlan', async (req) => {
  const scope = await ktpOf(req, 'Вернуть КТП на доработку может заместитель директора.');
  return { body: await reopenKtp(scope, req.principal, req.body, req.now) };
});

// --- the schedule of assessment procedures ------------------------------------------------------

export const getAssessmentSchedule = handler('getAssessmentSchedule', async (req) => {
  const school = await authorizedSchool(req, 'График оценочных процедур доступен сотрудникам школы.');
  const { half, classId } = req.query;
  return { body: await scheduleView(req.principal, school, req.params.yearId!, { halfId: half, ...(classId ? { classId } : {}) }) };
});

const WRITE_REFUSAL = 'Оценочные процедуры в график вносит заместитель директора, а учитель — только по своим предметам в своих классах.';

export const postAssessment = handler('postAssessment', async (req) => {
  const school = await schoolOf(req);
  // The class and subject are named in the body; without both only the deputy's school-wide right is checked.
  const classId = req.peek('classId');
  const subjectId = req.peek('subjectId');
  const named = classId && subjectId ? await assessmentScope(school, req.params.yearId!, classId, subjectId, true) : null;
  req.authorize(named?.object ?? { departmentId: school.departmentId, schoolId: school.schoolId, classId: '', subjectId: '', teacherIds: [] }, WRITE_REFUSAL);
  // A valid body names the same class and subject that were peeked at.
  const scope = named ?? (await assessmentScope(school, req.params.yearId!, req.body.classId, req.body.subjectId, true));
  return { status: 201, body: await addAssessment(scope, req.principal, req.body as Parameters<typeof addAssessment>[2], req.now) };
});

async function assessmentOf(req: Authorizing<ObjectOf<'assessment.write'>>) {
  const school = await schoolOf(req);
  const scope = await assessmentScope(school, req.params.yearId!, req.params.classId!, req.params.subjectId!, false);
  req.authorize(scope.object, WRITE_REFUSAL);
  return { scope, before: await assessmentAt(scope, req.params.date!) };
}

export const putAssessment = handler('putAssessment', async (req) => {
  const { scope, before } = await assessmentOf(req);
  return { body: await changeAssessment(scope, before, req.principal, req.body as Parameters<typeof changeAssessment>[3], req.now) };
});

export const deleteAssessmentEntry = handler('deleteAssessmentEntry', async (req) => {
  const { before } = await assessmentOf(req);
  await removeAssessment(before, req.principal, req.query.version, req.now);
  return { status: 204 };
});

/**
 * Handlers of the ktp area (functions/ktp/routes.ts): the KTP and the schedule of
 * assessment procedures. Each loads its object, asks the policy, calls one service function.
 */
import type { z } from 'zod';
import { may } from '../../shared/auth/policy';
import type { HalfId } from '../../shared/domain/assessments';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../shared/errors';
import { getClass, getSchool } from '../../shared/repos/school';
import {
  addAssessment,
  assessmentAt,
  assessmentScope,
  changeAssessment,
  removeAssessment,
  scheduleView,
} from '../../shared/services/ktp-assessments';
import { approveKtp, importKtp, ktpScope, listClassKtps, listOwnKtps, readKtp, reopenKtp, saveKtp } from '../../shared/services/ktp-plan';
import { handler, sessionOf, type Req } from '../http/area';
import { halfId as halfIdSchema, type approveKtpBody, type createAssessmentBody, type importKtpBody, type reopenKtpBody, type saveKtpBody, type updateAssessmentBody } from './schemas';

const NOT_YOURS = 'КТП этого класса и предмета доступен учителю, который его ведёт, классному руководителю и администрации школы.';

/** The school in the path; another department's school is simply not found. */
async function schoolOf(req: Req<unknown>) {
  const p = sessionOf(req).principal;
  const school = await getSchool(p.departmentId, req.params.schoolId!);
  if (!school) throw new NotFoundError('Школа не найдена.');
  return { p, school };
}

async function ktpOf(req: Req<unknown>, action: 'ktp.read' | 'ktp.write' | 'ktp.approve', refusal: string) {
  const { p, school } = await schoolOf(req);
  const scope = await ktpScope(school, {
    yearId: req.params.yearId!,
    classId: req.params.classId!,
    subjectId: req.params.subjectId!,
    groupId: req.params.groupId!,
  });
  if (!may(p, action, scope.object)) throw new ForbiddenError(refusal);
  return { p, scope };
}

export const listMyKtps = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'ktp.listOwn', school)) throw new ForbiddenError('Список КТП доступен учителям школы.');
  return { body: await listOwnKtps(school, req.params.yearId!, p.userId) };
});

export const listClassKtpsOfYear = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  const cls = await getClass(school.schoolId, req.params.classId!);
  if (!cls) throw new NotFoundError('Класс не найден.');
  if (!may(p, 'ktp.listClass', { ...school, classId: cls.classId })) {
    throw new ForbiddenError('КТП всех предметов класса видят заместитель директора, директор и классный руководитель.');
  }
  return { body: await listClassKtps(school, req.params.yearId!, cls) };
});

export const getKtp = handler(async (req) => {
  const { p, scope } = await ktpOf(req, 'ktp.read', NOT_YOURS);
  return { body: await readKtp(scope, p) };
});

export const putKtp = handler<z.output<typeof saveKtpBody>>(async (req) => {
  const { p, scope } = await ktpOf(req, 'ktp.write', 'КТП составляет учитель, который ведёт этот предмет в классе, или заместитель директора.');
  return { body: await saveKtp(scope, p, req.body, req.now) };
});

export const importKtpFile = handler<z.output<typeof importKtpBody>>(async (req) => {
  const { p, scope } = await ktpOf(req, 'ktp.write', 'КТП составляет учитель, который ведёт этот предмет в классе, или заместитель директора.');
  return { body: await importKtp(scope, p, req.body, req.now) };
});

export const approveKtpPlan = handler<z.output<typeof approveKtpBody>>(async (req) => {
  const { p, scope } = await ktpOf(req, 'ktp.approve', 'КТП утверждает заместитель директора.');
  return { body: await approveKtp(scope, p, req.body, req.now) };
});

export const reopenKtpPlan = handler<z.output<typeof reopenKtpBody>>(async (req) => {
  const { p, scope } = await ktpOf(req, 'ktp.approve', 'Вернуть КТП на доработку может заместитель директора.');
  return { body: await reopenKtp(scope, p, req.body, req.now) };
});

// --- the schedule of assessment procedures ------------------------------------------------------

function halfFrom(req: Req<unknown>): HalfId {
  const parsed = halfIdSchema.safeParse(req.query.half ?? 'h1');
  if (!parsed.success) throw new BadRequestError('Полугодие указывается как h1 или h2.');
  return parsed.data;
}

export const getAssessmentSchedule = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'assessment.read', school)) throw new ForbiddenError('График оценочных процедур доступен сотрудникам школы.');
  const classId = req.query.classId;
  if (classId !== undefined && !/^[A-Za-z0-9_.-]{1,64}$/.test(classId)) throw new BadRequestError('Неверный идентификатор класса.');
  return { body: await scheduleView(p, school, req.params.yearId!, { halfId: halfFrom(req), ...(classId ? { classId } : {}) }) };
});

const WRITE_REFUSAL = 'Оценочные процедуры в график вносит заместитель директора, а учитель — только по своим предметам в своих классах.';

export const postAssessment = handler<z.output<typeof createAssessmentBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  const scope = await assessmentScope(school, req.params.yearId!, req.body.classId, req.body.subjectId, true);
  if (!may(p, 'assessment.write', scope.object)) throw new ForbiddenError(WRITE_REFUSAL);
  return { status: 201, body: await addAssessment(scope, p, req.body as Parameters<typeof addAssessment>[2], req.now) };
});

async function assessmentOf(req: Req<unknown>) {
  const { p, school } = await schoolOf(req);
  const scope = await assessmentScope(school, req.params.yearId!, req.params.classId!, req.params.subjectId!, false);
  if (!may(p, 'assessment.write', scope.object)) throw new ForbiddenError(WRITE_REFUSAL);
  return { p, scope, before: await assessmentAt(scope, req.params.date!) };
}

export const putAssessment = handler<z.output<typeof updateAssessmentBody>>(async (req) => {
  const { p, scope, before } = await assessmentOf(req);
  return { body: await changeAssessment(scope, before, p, req.body as Parameters<typeof changeAssessment>[3], req.now) };
});

export const deleteAssessmentEntry = handler(async (req) => {
  const { p, before } = await assessmentOf(req);
  const version = Number(req.query.version);
  if (!req.query.version || !Number.isInteger(version) || version < 1) {
    throw new BadRequestError('Не указана версия удаляемой процедуры: обновите страницу и повторите.');
  }
  await removeAssessment(before, p, version, req.now);
  return { status: 204 };
});

/**
 * Handlers of the people area (functions/people/routes.ts): each loads the school (and the object
 * it names), asks the policy, calls one service function and shapes the answer.
 */
import type { z } from 'zod';
import { may } from '../../shared/auth/policy';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../shared/errors';
import { displayName } from '../../shared/repos/accounts';
import { getStudentRecord, searchParents as findParents, versionOf, type StudentRecord } from '../../shared/repos/people';
import { getSchool } from '../../shared/repos/school';
import { classPage, createClass as createClassService, setClassTeacher } from '../../shared/services/people-classes';
import { issueClassSheet as issueClassCodes, issueStaffSheet as issueStaffCodes } from '../../shared/services/people-codes';
import { applyImport as applyImportService, getImport as readImport, previewImport as previewImportService } from '../../shared/services/people-import';
import { recordMovement as recordMovementService, schoolMovements } from '../../shared/services/people-movement';
import { createStaff as createStaffService, grantTemporaryAccess as grantTemporary, listStaff as readStaff, updateStaff as updateStaffService } from '../../shared/services/people-staff';
import {
  createStudent as createStudentService,
  linkParent as linkParentService,
  recordConsent as recordConsentService,
  studentFull,
  unlinkParent as unlinkParentService,
  updateStudentCard,
} from '../../shared/services/people-students';
import { handler, sessionOf, type Req } from '../http/area';
import type * as schemas from './schemas';

/** The school named in the path; another department's school is simply not found. */
async function schoolOf(req: Req<unknown>) {
  const p = sessionOf(req).principal;
  const school = await getSchool(p.departmentId, req.params.schoolId!);
  if (!school) throw new NotFoundError('Школа не найдена.');
  return { p, school };
}

const KEEPERS = 'Это делает секретарь или администратор ЭЖ школы.';

async function studentOf(req: Req<unknown>) {
  const { p, school } = await schoolOf(req);
  const card = await getStudentRecord(school.schoolId, req.params.studentId!);
  if (!card) throw new NotFoundError('Обучающийся не найден.');
  return { p, school, card, obj: { ...school, classId: card.classId, studentId: card.studentId } };
}

/** What the API shows of a card: everything but internal bookkeeping. */
function cardOut(c: StudentRecord & { className?: string }) {
  const { importId: _i, userId: _u, parentIds: _p, consent, ...rest } = c;
  return {
    ...rest,
    status: rest.status ?? 'enrolled',
    version: versionOf(c),
    ...(consent ? { consent: { date: consent.date, document: consent.document, recordedByName: consent.recordedByName } } : {}),
  };
}

function staffOut(a: Awaited<ReturnType<typeof createStaffService>>, schoolId: string) {
  return {
    userId: a.userId,
    login: a.login,
    displayName: displayName(a),
    position: a.position ?? '',
    roles: a.grants.flatMap((g) => (g.role !== 'classTeacher' && 'schoolId' in g && g.schoolId === schoolId && g.role !== 'student' && g.role !== 'parent' ? [g.role] : [])),
    status: a.status,
    ...(a.employedFrom ? { employedFrom: a.employedFrom } : {}),
    ...(a.activeUntil ? { activeUntil: a.activeUntil } : {}),
    ...(a.temporary ? { temporary: true, application: a.application } : {}),
    version: a.version,
  };
}

// --- classes ---------------------------------------------------------------------------------

export const createClass = handler<z.output<typeof schemas.createClassBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'class.write', { ...school, classId: '' })) throw new ForbiddenError(`Классы создаёт секретарь или администратор ЭЖ.`);
  const cls = await createClassService({ by: p, school, ...req.body, now: req.now });
  return { status: 201, body: cls };
});

export const getClassPage = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'class.read', { ...school, classId: req.params.classId! })) throw new ForbiddenError('Страница этого класса вам недоступна.');
  return { body: await classPage(school, req.params.classId!) };
});

export const updateClass = handler<z.output<typeof schemas.updateClassBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'class.write', { ...school, classId: req.params.classId! })) throw new ForbiddenError(`Классного руководителя назначает секретарь или администратор ЭЖ.`);
  const cls = await setClassTeacher({ by: p, school, classId: req.params.classId!, classTeacherId: req.body.classTeacherId, version: req.body.version, now: req.now });
  return { body: { ...cls, version: versionOf(cls) } };
});

// --- students, parents, consent ---------------------------------------------------------------

export const createStudent = handler<z.output<typeof schemas.createStudentBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'student.create', { ...school, classId: req.body.classId })) throw new ForbiddenError(`Обучающихся вносит в списки секретарь. ${KEEPERS}`);
  const { classId, enrolment, ...card } = req.body;
  const created = await createStudentService({ by: p, school, classId, card, enrolment, now: req.now });
  return { status: 201, body: { card: cardOut(created) } };
});

export const getStudentFull = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  const full = await studentFull(school, req.params.studentId!);
  // The same answer for "no such student" and "not yours", so ids cannot be probed.
  if (!full || !may(p, 'student.readFull', { ...school, classId: full.card.classId, studentId: full.card.studentId })) {
    throw new NotFoundError('Обучающийся не найден или его данные вам недоступны.');
  }
  return {
    body: {
      card: cardOut(full.card),
      account: full.account,
      parents: full.parents,
      movements: full.movements.map(({ recordedBy: _b, ...m }) => m),
    },
  };
});

export const updateStudent = handler<z.output<typeof schemas.updateStudentBody>>(async (req) => {
  const { p, school, obj } = await studentOf(req);
  if (!may(p, 'student.update', obj)) throw new ForbiddenError(`Личную карточку ведёт секретарь. ${KEEPERS}`);
  const { version, ...card } = req.body;
  return { body: { card: cardOut(await updateStudentCard({ by: p, school, studentId: obj.studentId, version, card, now: req.now })) } };
});

export const recordConsent = handler<z.output<typeof schemas.consentBody>>(async (req) => {
  const { p, school, obj } = await studentOf(req);
  if (!may(p, 'student.recordConsent', obj)) throw new ForbiddenError('Согласие записывает секретарь, администратор ЭЖ или классный руководитель этого класса.');
  return { body: { card: cardOut(await recordConsentService({ by: p, school, studentId: obj.studentId, ...req.body, now: req.now })) } };
});

export const linkParent = handler<z.output<typeof schemas.linkParentBody>>(async (req) => {
  const { p, school, obj } = await studentOf(req);
  if (!may(p, 'student.update', obj)) throw new ForbiddenError(`Родителей к карточке привязывает секретарь. ${KEEPERS}`);
  const r = await linkParentService({ by: p, school, studentId: obj.studentId, version: req.body.version, parent: req.body.parent, now: req.now });
  return { status: 201, body: { card: cardOut(r.card), parent: r.parent } };
});

export const unlinkParent = handler(async (req) => {
  const { p, school, obj } = await studentOf(req);
  if (!may(p, 'student.update', obj)) throw new ForbiddenError(`Родителей от карточки отвязывает секретарь. ${KEEPERS}`);
  const version = Number(req.query.version);
  if (!Number.isInteger(version) || version < 0) throw new BadRequestError('Не указана версия карточки (?version=). Обновите страницу.');
  return { body: { card: cardOut(await unlinkParentService({ by: p, school, studentId: obj.studentId, version, userId: req.params.userId!, now: req.now })) } };
});

export const searchParents = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'parent.search', school)) throw new ForbiddenError(KEEPERS);
  const q = (req.query.q ?? '').trim();
  if (q.length < 2) throw new BadRequestError('Введите не меньше двух букв фамилии.');
  const found = await findParents(school.schoolId, q);
  return {
    body: { parents: found.map((a) => ({ userId: a.userId, login: a.login, displayName: displayName(a), children: a.grants.filter((g) => g.role === 'parent').length })) },
  };
});

// --- movement ---------------------------------------------------------------------------------

export const recordMovement = handler<z.output<typeof schemas.movementBody>>(async (req) => {
  const { p, school, obj } = await studentOf(req);
  if (!may(p, 'student.move', obj)) throw new ForbiddenError(`Движение обучающихся записывает секретарь по приказу директора. ${KEEPERS}`);
  const { version, ...movement } = req.body;
  const r = await recordMovementService({ by: p, school, studentId: obj.studentId, version, movement, now: req.now });
  const { schoolId: _s, importId: _i, recordedBy: _b, ...m } = r.movement;
  return { status: 201, body: { card: cardOut(r.card), movement: m, closedAccounts: r.closedAccounts } };
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const listMovements = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'movement.read', school)) throw new ForbiddenError('Движение обучающихся видят администрация и секретарь школы.');
  const { from, to } = req.query;
  if ((from && !DATE.test(from)) || (to && !DATE.test(to))) throw new BadRequestError('Период: даты в формате ГГГГ-ММ-ДД.');
  const moves = await schoolMovements(school, from, to);
  return { body: { movements: moves.map(({ recordedBy: _b, ...m }) => m) } };
});

// --- staff and temporary access ---------------------------------------------------------------

export const listStaff = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'staff.read', school)) throw new ForbiddenError('Список сотрудников доступен администрации и секретарю школы.');
  return { body: { staff: await readStaff(school) } };
});

export const createStaff = handler<z.output<typeof schemas.createStaffBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'staff.write', school)) throw new ForbiddenError(`Сотрудников вносит секретарь или администратор ЭЖ.`);
  const a = await createStaffService({ by: p, school, staff: req.body, now: req.now });
  return { status: 201, body: { staff: staffOut(a, school.schoolId) } };
});

export const updateStaff = handler<z.output<typeof schemas.updateStaffBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'staff.write', school)) throw new ForbiddenError(`Карточки сотрудников ведёт секретарь или администратор ЭЖ.`);
  const a = await updateStaffService({ by: p, school, userId: req.params.userId!, patch: req.body, now: req.now });
  return { body: { staff: staffOut(a, school.schoolId) } };
});

export const grantTemporaryAccess = handler<z.output<typeof schemas.temporaryAccessBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'access.grantTemporary', school)) throw new ForbiddenError('Временный доступ по заявлению выдаёт администратор ЭЖ.');
  const a = await grantTemporary({ by: p, school, grant: req.body, now: req.now });
  return { status: 201, body: { staff: staffOut(a, school.schoolId) } };
});

// --- imports ----------------------------------------------------------------------------------

const IMPORT_REFUSED = 'Списки классов загружает секретарь или администратор ЭЖ.';

export const previewImport = handler<z.output<typeof schemas.importBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'import.run', school)) throw new ForbiddenError(IMPORT_REFUSED);
  const content = new Uint8Array(Buffer.from(req.body.contentBase64, 'base64'));
  return { body: await previewImportService({ by: p, school, fileName: req.body.fileName, content, defaultClassId: req.body.classId, now: req.now }) };
});

export const getImport = handler(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'import.run', school)) throw new ForbiddenError(IMPORT_REFUSED);
  return { body: await readImport(school, req.params.importId!) };
});

export const applyImport = handler<z.output<typeof schemas.applyImportBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'import.run', school)) throw new ForbiddenError(IMPORT_REFUSED);
  return {
    body: await applyImportService({ by: p, school, importId: req.params.importId!, version: req.body.version, skipRejected: req.body.skipRejected ?? false, now: req.now }),
  };
});

// --- activation-code sheets -------------------------------------------------------------------

export const issueClassSheet = handler<z.output<typeof schemas.classSheetBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'activationSheet.issueClass', { ...school, classId: req.params.classId! })) {
    throw new ForbiddenError('Коды активации обучающимся и родителям выдаёт классный руководитель их класса.');
  }
  const body = await issueClassCodes({ by: p, school, classId: req.params.classId!, kinds: req.body.kinds ?? ['student', 'parent'], onlyNew: req.body.onlyNew ?? true, now: req.now });
  return { status: 201, body };
});

export const issueStaffSheet = handler<z.output<typeof schemas.staffSheetBody>>(async (req) => {
  const { p, school } = await schoolOf(req);
  if (!may(p, 'activationSheet.issueStaff', school)) throw new ForbiddenError('Коды активации сотрудникам выдаёт администратор ЭЖ.');
  const body = await issueStaffCodes({ by: p, school, userIds: req.body.userIds, onlyNew: req.body.onlyNew ?? true, now: req.now });
  return { status: 201, body };
});

/**
 * Handlers of the people area (functions/people/routes.ts): each loads the school (and the object
 * it names), asks the policy, calls one service function and shapes the answer.
 */
import { NotFoundError } from '../../shared/errors';
import { displayName } from '../../shared/repos/accounts';
import { getStudentRecord, searchParents as findParents, versionOf, type Consent, type StudentRecord } from '../../shared/repos/people';
import { logPersonalDataAccess } from '../../shared/services/personal-data';
import { classPage, createClass as createClassService, setClassTeacher } from '../../shared/services/people-classes';
import { recordMovement as recordMovementService, schoolMovements } from '../../shared/services/people-movement';
import { createStaff as createStaffService, grantTemporaryAccess as grantTemporary, listStaff as readStaff, updateStaff as updateStaffService, viewScopeOf } from '../../shared/services/people-staff';
import {
  createStudent as createStudentService,
  linkParent as linkParentService,
  recordConsent as recordConsentService,
  studentFull,
  unlinkParent as unlinkParentService,
  updateStudentCard,
} from '../../shared/services/people-students';
import type { ObjectOf } from '../../shared/auth/policy';
import { handlersOf, type Authorizing } from '../http/area';
import { authorizedSchool, classOfSchool, schoolOf } from '../http/school';
import { peopleRoutes } from './routes';

// The personal-data routes are served by this function too (it keeps the cards they are about).
export * from './personal-data-handlers';

const handler = handlersOf(peopleRoutes);

const KEEPERS = 'Это делает секретарь или администратор ЭЖ школы.';

/** The student of the path, authorised for the route's action on their card. */
async function studentOf(req: Authorizing<ObjectOf<'student.update'>>, refusal: string) {
  const school = await schoolOf(req);
  const card = await getStudentRecord(school.schoolId, req.params.studentId!);
  if (!card) throw new NotFoundError('Обучающийся не найден.');
  req.authorize({ ...school, classId: card.classId, studentId: card.studentId }, refusal);
  return { p: req.principal, school, studentId: card.studentId };
}

/** What the API shows of a card: everything but internal bookkeeping. */
function cardOut(c: StudentRecord & { className?: string }) {
  const { importId: _i, userId: _u, parentIds: _p, consent, consentWithdrawn, ...rest } = c;
  const shown = (x: Consent) => ({ date: x.date, document: x.document, recordedByName: x.recordedByName });
  return {
    ...rest,
    status: rest.status ?? 'enrolled',
    version: versionOf(c),
    ...(consent ? { consent: shown(consent) } : {}),
    ...(consentWithdrawn ? { consentWithdrawn: shown(consentWithdrawn) } : {}),
  };
}

function staffOut(a: Awaited<ReturnType<typeof createStaffService>>, schoolId: string) {
  return {
    userId: a.userId,
    login: a.login,
    displayName: displayName(a),
    position: a.position ?? '',
    roles: a.grants.flatMap((g) => (g.role !== 'classTeacher' && 'schoolId' in g && g.schoolId === schoolId && g.role !== 'student' && g.role !== 'parent' && g.role !== 'viewer' ? [g.role] : [])),
    status: a.status,
    ...(a.employedFrom ? { employedFrom: a.employedFrom } : {}),
    ...(a.activeUntil ? { activeUntil: a.activeUntil } : {}),
    ...(a.temporary ? { temporary: true, application: a.application } : {}),
    ...viewScopeOf(a.grants, schoolId),
    version: a.version,
  };
}

// --- classes ---------------------------------------------------------------------------------

export const createClass = handler('createClass', async (req) => {
  const school = await authorizedSchool(req, 'Классы создаёт секретарь или администратор ЭЖ.', classOfSchool(''));
  const cls = await createClassService({ by: req.principal, school, ...req.body, now: req.now });
  return { status: 201, body: cls };
});

export const getClassPage = handler('getClassPage', async (req) => {
  const school = await authorizedSchool(req, 'Страница этого класса вам недоступна.', classOfSchool(req.params.classId!));
  return { body: await classPage(school, req.params.classId!) };
});

export const updateClass = handler('updateClass', async (req) => {
  const school = await authorizedSchool(req, 'Классного руководителя назначает секретарь или администратор ЭЖ.', classOfSchool(req.params.classId!));
  const cls = await setClassTeacher({ by: req.principal, school, classId: req.params.classId!, classTeacherId: req.body.classTeacherId, version: req.body.version, now: req.now });
  return { body: { ...cls, version: versionOf(cls) } };
});

// --- students, parents, consent ---------------------------------------------------------------

export const createStudent = handler('createStudent', async (req) => {
  // The class is named in the body; a malformed one is checked as no class at all.
  const school = await authorizedSchool(req, `Обучающихся вносит в списки секретарь. ${KEEPERS}`, classOfSchool(req.peek('classId') ?? ''));
  const { classId, enrolment, ...card } = req.body;
  const created = await createStudentService({ by: req.principal, school, classId, card, enrolment, now: req.now });
  return { status: 201, body: { card: cardOut(created) } };
});

export const getStudentFull = handler('getStudentFull', async (req) => {
  const school = await schoolOf(req);
  const full = await studentFull(school, req.params.studentId!);
  // The same answer for "no such student" and "not yours", so ids cannot be probed.
  if (!full || !req.allowed({ ...school, classId: full.card.classId, studentId: full.card.studentId })) {
    throw new NotFoundError('Обучающийся не найден или его данные вам недоступны.');
  }
  // the view is logged before the card goes out. This request only reads, so the entry is
  // one PutItem of its own after the read, not part of a transaction.
  await logPersonalDataAccess({ by: req.principal, school, kind: 'view', students: [full.card], what: `личная карточка (${full.card.className})`, now: req.now });
  return {
    body: {
      card: cardOut(full.card),
      account: full.account,
      parents: full.parents,
      // The stored item also carries where it is kept and the import run that made it.
      movements: full.movements.map((stored) => {
        const { recordedBy: _b, schoolId: _s, importId: _i, ...m } = stored as typeof stored & { schoolId?: string; importId?: string };
        return m;
      }),
    },
  };
});

export const updateStudent = handler('updateStudent', async (req) => {
  const { p, school, studentId } = await studentOf(req, `Личную карточку ведёт секретарь. ${KEEPERS}`);
  const { version, ...card } = req.body;
  return { body: { card: cardOut(await updateStudentCard({ by: p, school, studentId, version, card, now: req.now })) } };
});

export const recordConsent = handler('recordConsent', async (req) => {
  const { p, school, studentId } = await studentOf(req, 'Согласие записывает секретарь, администратор ЭЖ или классный руководитель этого класса.');
  return { body: { card: cardOut(await recordConsentService({ by: p, school, studentId, ...req.body, now: req.now })) } };
});

export const linkParent = handler('linkParent', async (req) => {
  const { p, school, studentId } = await studentOf(req, `Родителей к карточке привязывает секретарь. ${KEEPERS}`);
  const r = await linkParentService({ by: p, school, studentId, version: req.body.version, parent: req.body.parent, now: req.now });
  return { status: 201, body: { card: cardOut(r.card), parent: r.parent } };
});

export const unlinkParent = handler('unlinkParent', async (req) => {
  const { p, school, studentId } = await studentOf(req, `Родителей от карточки отвязывает секретарь. ${KEEPERS}`);
  return { body: { card: cardOut(await unlinkParentService({ by: p, school, studentId, version: req.query.version, userId: req.params.userId!, now: req.now })) } };
});

export const searchParents = handler('searchParents', async (req) => {
  const school = await authorizedSchool(req, KEEPERS);
  const found = await findParents(school.schoolId, req.query.q);
  return {
    body: { parents: found.map((a) => ({ userId: a.userId, login: a.login, displayName: displayName(a), children: a.grants.filter((g) => g.role === 'parent').length })) },
  };
});

// --- movement ---------------------------------------------------------------------------------

export const recordMovement = handler('recordMovement', async (req) => {
  const { p, school, studentId } = await studentOf(req, `Движение обучающихся записывает секретарь по приказу директора. ${KEEPERS}`);
  const { version, ...movement } = req.body;
  const r = await recordMovementService({ by: p, school, studentId, version, movement, now: req.now });
  const { schoolId: _s, importId: _i, recordedBy: _b, ...m } = r.movement;
  return { status: 201, body: { card: cardOut(r.card), movement: m, closedAccounts: r.closedAccounts } };
});

export const listMovements = handler('listMovements', async (req) => {
  const school = await authorizedSchool(req, 'Движение обучающихся видят администрация и секретарь школы.');
  const { from, to } = req.query;
  const moves = await schoolMovements(school, from, to);
  return { body: { movements: moves.map(({ recordedBy: _b, ...m }) => m) } };
});

// --- staff and temporary access ---------------------------------------------------------------

export const listStaff = handler('listStaff', async (req) => {
  const school = await authorizedSchool(req, 'Список сотрудников доступен администрации и секретарю школы.');
  return { body: { staff: await readStaff(school) } };
});

export const createStaff = handler('createStaff', async (req) => {
  const school = await authorizedSchool(req, 'Сотрудников вносит секретарь или администратор ЭЖ.');
  const a = await createStaffService({ by: req.principal, school, staff: req.body, now: req.now });
  return { status: 201, body: { staff: staffOut(a, school.schoolId) } };
});

export const updateStaff = handler('updateStaff', async (req) => {
  const school = await authorizedSchool(req, 'Карточки сотрудников ведёт секретарь или администратор ЭЖ.');
  const a = await updateStaffService({ by: req.principal, school, userId: req.params.userId!, patch: req.body, now: req.now });
  return { body: { staff: staffOut(a, school.schoolId) } };
});

export const grantTemporaryAccess = handler('grantTemporaryAccess', async (req) => {
  const school = await authorizedSchool(req, 'Временный доступ по заявлению выдаёт администратор ЭЖ.');
  const a = await grantTemporary({ by: req.principal, school, grant: req.body, now: req.now });
  return { status: 201, body: { staff: staffOut(a, school.schoolId) } };
});

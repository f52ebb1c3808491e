/**
 * Students' personal cards (R-11, clause 5), their parents (legal representatives) and the written
 * consent to personal-data processing (R-04, clause 4.4) that must be on the card before a code is
 * issued to the student or a parent (shared/services/activation.ts checks `consentRecordedAt`).
 */
import { transactOr } from '../db/transact';
import type { Principal } from '../auth/roles';
import { birthDateProblem, classTitle, yearStartOf } from '../domain/people-classes';
import { isIsoDate, ruDate } from '../domain/calendar';
import { fullName, nameProblem, normaliseName, personKey } from '../domain/people-names';
import { movementProblems, normaliseOrderNo } from '../domain/movement';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { createAccountOps, displayName } from '../repos/accounts';
import { auditPut } from '../repos/audit';
import { createMovementOp } from '../repos/movement';
import {
  createStudentOp,
  getStudentRecord,
  getStudentWithHistory,
  listAllStudents,
  newId,
  putAccountOp,
  putStudentOp,
  statusOf,
  versionOf,
  type StudentRecord,
} from '../repos/people';
import { getClass, listClasses, type School } from '../repos/school';
import { normalisePhone } from '../domain/import-rows';
import { actor, cardFields, DISABLED_REASONS, getAccountsById, newAccounts, reopened, schoolToday, studentUserId, type AccountRecord, type CardInput } from './people-common';

export type { CardInput } from './people-common';

function checkCard(c: CardInput, yearStart: string, today: string): CardInput {
  const card = {
    ...c,
    lastName: normaliseName(c.lastName),
    firstName: normaliseName(c.firstName),
    middleName: c.middleName?.trim() ? normaliseName(c.middleName) : undefined,
    address: c.address?.trim() || undefined,
    personalFileNo: c.personalFileNo?.trim() || undefined,
  };
  const problems = (['lastName', 'firstName', 'middleName'] as const).flatMap((f) => nameProblem(f, card[f]) ?? []);
  if (!isIsoDate(card.birthDate)) problems.push('Дата рождения указана неверно.');
  else if (card.birthDate > today) problems.push('Дата рождения позже сегодняшнего дня.');
  else {
    const p = birthDateProblem(card.birthDate, yearStart);
    if (p) problems.push(p);
  }
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  return card;
}

async function existingPeople(school: School) {
  const classes = await listClasses(school.schoolId);
  const students = await listAllStudents(school.schoolId, classes.map((c) => c.classId));
  const title = new Map(classes.map((c) => [c.classId, classTitle(c)]));
  return new Map(
    students.map((s) => [personKey(s), { studentId: s.studentId, name: fullName(s), className: title.get(s.classId) ?? '', former: statusOf(s) !== 'enrolled' }]),
  );
}

/** A new student: card, account (pending, for a code later) and, with an order, the enrolment. */
export async function createStudent(input: {
  by: Principal;
  school: School;
  classId: string;
  card: CardInput;
  enrolment?: { date: string; orderNo: string };
  now: Date;
}): Promise<StudentRecord> {
  const sch = input.school.schoolId;
  const cls = await getClass(sch, input.classId);
  if (!cls) throw new BadRequestError('Такого класса нет в школе.');
  const today = schoolToday(input.school, input.now);
  const card = checkCard(input.card, yearStartOf(cls.yearId), today);
  if (input.enrolment) {
    const problems = movementProblems({ kind: 'enrol', ...input.enrolment, toClassId: cls.classId }, null, { today, toClass: cls });
    if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  }
  const same = (await existingPeople(input.school)).get(personKey(card));
  if (same) {
    throw new ConflictError(
      same.former
        ? `${same.name} уже был(а) обучающимся школы: оформите повторное зачисление в его карточке.`
        : `${same.name} с той же датой рождения уже есть в школе (${same.className}).`,
      { studentId: same.studentId },
    );
  }
  const studentId = newId('st');
  const [account] = await newAccounts(
    [{ ...card, userId: `u-${studentId}`, prefix: 'u', kind: 'student', classId: cls.classId, grants: [{ role: 'student', schoolId: sch, studentId }] }],
    input.school,
  );
  const record: StudentRecord = {
    studentId,
    schoolId: sch,
    classId: cls.classId,
    ...cardFields(card),
    parentIds: [],
    status: 'enrolled',
    userId: account!.userId,
  };
  const at = input.now.toISOString();
  await transactOr(
    [
      createStudentOp(record),
      ...createAccountOps(account!),
      ...(input.enrolment
        ? [
            createMovementOp({
              schoolId: sch,
              studentId,
              kind: 'enrol',
              date: input.enrolment.date,
              orderNo: normaliseOrderNo(input.enrolment.orderNo),
              toClassId: cls.classId,
              studentName: fullName(record),
              recordedAt: at,
              recordedBy: input.by.userId,
              recordedByName: input.by.displayName,
            }),
          ]
        : []),
      auditPut({ schoolId: sch, actor: actor(input.by), action: 'student.create', entity: `STU#${studentId}`, after: record, reason: input.enrolment ? `Приказ № ${input.enrolment.orderNo}` : undefined, at: input.now }),
    ],
    () => new ConflictError('Логин нового обучающегося только что занял другой пользователь. Повторите.'),
  );
  return { ...record, version: 1 };
}

/** The full card: personal data, consent, parents with their accounts, the movement history. */
export async function studentFull(school: School, studentId: string) {
  const found = await getStudentWithHistory(school.schoolId, studentId);
  if (!found) return null;
  const { card, movements } = found;
  const [cls, accounts] = await Promise.all([getClass(school.schoolId, card.classId), getAccountsById([studentUserId(card), ...card.parentIds])]);
  const own = accounts.get(studentUserId(card));
  const account = (a: AccountRecord) => ({
    userId: a.userId,
    login: a.login,
    displayName: displayName(a),
    status: a.status,
    ...(a.phone ? { phone: a.phone } : {}),
    ...(a.disabledReason ? { disabledReason: DISABLED_REASONS[a.disabledReason] ?? a.disabledReason } : {}),
  });
  return {
    card: { ...card, status: statusOf(card), version: versionOf(card), className: cls ? classTitle(cls) : card.classId },
    account: own ? account(own) : null,
    parents: card.parentIds.flatMap((id) => (accounts.has(id) ? [account(accounts.get(id)!)] : [])),
    movements,
  };
}

export async function updateStudentCard(input: { by: Principal; school: School; studentId: string; version: number; card: CardInput; now: Date }) {
  const sch = input.school.schoolId;
  const before = await getStudentRecord(sch, input.studentId);
  if (!before) throw new NotFoundError('Обучающийся не найден.');
  if (versionOf(before) !== input.version) throw new ConflictError('Карточку только что изменил другой пользователь.', before);
  const cls = await getClass(sch, before.classId);
  const card = checkCard(input.card, yearStartOf(cls?.yearId ?? schoolToday(input.school, input.now).slice(0, 4)), schoolToday(input.school, input.now));
  const { middleName: _m, gender: _g, address: _a, personalFileNo: _p, ...base } = before;
  const after: StudentRecord = {
    ...base,
    ...cardFields(card),
  };
  const renamed = after.lastName !== before.lastName || after.firstName !== before.firstName || after.middleName !== before.middleName;
  const own = renamed ? (await getAccountsById([studentUserId(before)])).get(studentUserId(before)) : undefined;
  await transactOr(
    [
      putStudentOp(after, input.version),
      ...(own
        ? [putAccountOp({ ...own, lastName: after.lastName, firstName: after.firstName, ...(after.middleName ? { middleName: after.middleName } : { middleName: undefined }) }, own.version)]
        : []),
      auditPut({ schoolId: sch, actor: actor(input.by), action: 'student.update', entity: `STU#${before.studentId}`, before, after, at: input.now }),
    ],
    async () => new ConflictError('Карточку только что изменил другой пользователь.', await getStudentRecord(sch, input.studentId)),
  );
  return { ...after, version: input.version + 1 };
}

/** Records the signed consent (date and document); from then on codes may be issued. */
export async function recordConsent(input: { by: Principal; school: School; studentId: string; version: number; date: string; document: string; now: Date }) {
  const sch = input.school.schoolId;
  const before = await getStudentRecord(sch, input.studentId);
  if (!before) throw new NotFoundError('Обучающийся не найден.');
  if (versionOf(before) !== input.version) throw new ConflictError('Карточку только что изменил другой пользователь.', before);
  const today = schoolToday(input.school, input.now);
  const problems: string[] = [];
  if (!isIsoDate(input.date)) problems.push('Дата согласия указана неверно.');
  else if (input.date > today) problems.push('Дата согласия не может быть позже сегодняшнего дня.');
  if (input.document.trim().length < 3) problems.push('Опишите документ согласия (номер, дата, кем подписано).');
  if (statusOf(before) !== 'enrolled') problems.push('Обучающийся не числится в школе.');
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  // A consent given again replaces a withdrawal on the card (the audit log keeps both).
  const { consentWithdrawn: _w, ...current } = before;
  const after: StudentRecord = {
    ...current,
    consentRecordedAt: input.now.toISOString(),
    consent: { date: input.date, document: input.document.trim(), recordedBy: input.by.userId, recordedByName: input.by.displayName },
  };
  await transactOr(
    [
      putStudentOp(after, input.version),
      auditPut({
        schoolId: sch,
        actor: actor(input.by),
        action: 'student.recordConsent',
        entity: `STU#${before.studentId}`,
        before: before.consent ?? null,
        after: after.consent,
        reason: `Согласие от ${ruDate(input.date)}`,
        at: input.now,
      }),
    ],
    async () => new ConflictError('Карточку только что изменил другой пользователь.', await getStudentRecord(sch, input.studentId)),
  );
  return { ...after, version: input.version + 1 };
}

export type ParentInput = { userId: string } | { lastName: string; firstName: string; middleName?: string; phone?: string };

/** Links a parent to the child: an existing parent account of the school, or a new one. */
export async function linkParent(input: { by: Principal; school: School; studentId: string; version: number; parent: ParentInput; now: Date }) {
  const sch = input.school.schoolId;
  const card = await getStudentRecord(sch, input.studentId);
  if (!card) throw new NotFoundError('Обучающийся не найден.');
  if (versionOf(card) !== input.version) throw new ConflictError('Карточку только что изменил другой пользователь.', card);
  if (statusOf(card) !== 'enrolled') throw new BadRequestError('Обучающийся не числится в школе: родителя к нему не привязать.');
  if (card.parentIds.length >= 4) throw new BadRequestError('К обучающемуся уже привязаны четыре законных представителя.');
  const grant = { role: 'parent' as const, schoolId: sch, studentId: card.studentId };
  let parent: AccountRecord;
  let create = false;
  if ('userId' in input.parent) {
    const found = (await getAccountsById([input.parent.userId])).get(input.parent.userId);
    if (!found || found.kind !== 'parent' || found.schoolId !== sch) throw new BadRequestError('Родитель не найден среди учётных записей школы.');
    if (card.parentIds.includes(found.userId)) throw new BadRequestError(`${displayName(found)} уже привязан(а) к обучающемуся.`);
    const base = found.status === 'disabled' && (found.disabledReason === 'children_left' || found.disabledReason === 'no_children') ? reopened(found) : found;
    parent = { ...base, grants: [...base.grants, grant] };
  } else {
    const person = {
      lastName: normaliseName(input.parent.lastName),
      firstName: normaliseName(input.parent.firstName),
      middleName: input.parent.middleName?.trim() ? normaliseName(input.parent.middleName) : undefined,
    };
    const problems = (['lastName', 'firstName', 'middleName'] as const).flatMap((f) => nameProblem(f, person[f]) ?? []);
    const phone = normalisePhone(input.parent.phone?.trim() ?? '');
    if (phone.problem) problems.push(phone.problem);
    if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
    [parent] = (await newAccounts(
      [{ ...person, prefix: 'u-pa', kind: 'parent', classId: card.classId, grants: [grant], extra: phone.phone ? { phone: phone.phone } : {} }],
      input.school,
    )) as [AccountRecord];
    create = true;
  }
  const after: StudentRecord = { ...card, parentIds: [...card.parentIds, parent.userId] };
  await transactOr(
    [
      putStudentOp(after, input.version),
      ...(create ? createAccountOps(parent) : [putAccountOp(parent, parent.version)]),
      auditPut({ schoolId: sch, actor: actor(input.by), action: 'student.linkParent', entity: `STU#${card.studentId}`, before: card.parentIds, after: after.parentIds, at: input.now }),
    ],
    async () => new ConflictError('Карточку или учётную запись родителя только что изменили. Обновите страницу.', await getStudentRecord(sch, input.studentId)),
  );
  return { card: { ...after, version: input.version + 1 }, parent: { userId: parent.userId, login: parent.login, displayName: displayName(parent) } };
}

/** Unlinks a parent; an account left with no child is closed (kept, with the reason). */
export async function unlinkParent(input: { by: Principal; school: School; studentId: string; version: number; userId: string; now: Date }) {
  const sch = input.school.schoolId;
  const card = await getStudentRecord(sch, input.studentId);
  if (!card) throw new NotFoundError('Обучающийся не найден.');
  if (versionOf(card) !== input.version) throw new ConflictError('Карточку только что изменил другой пользователь.', card);
  if (!card.parentIds.includes(input.userId)) throw new NotFoundError('Этот родитель не привязан к обучающемуся.');
  const parent = (await getAccountsById([input.userId])).get(input.userId);
  const after: StudentRecord = { ...card, parentIds: card.parentIds.filter((id) => id !== input.userId) };
  const at = input.now.toISOString();
  let changed: AccountRecord | undefined;
  if (parent) {
    const grants = parent.grants.filter((g) => !(g.role === 'parent' && g.schoolId === sch && g.studentId === card.studentId));
    changed = { ...parent, grants };
    if (!grants.some((g) => g.role === 'parent') && parent.status !== 'disabled') {
      changed = { ...changed, status: 'disabled', disabledReason: 'no_children', disabledNote: DISABLED_REASONS.no_children, disabledAt: at };
    }
  }
  await transactOr(
    [
      putStudentOp(after, input.version),
      ...(changed ? [putAccountOp(changed, parent!.version)] : []),
      auditPut({ schoolId: sch, actor: actor(input.by), action: 'student.unlinkParent', entity: `STU#${card.studentId}`, before: card.parentIds, after: after.parentIds, at: input.now }),
    ],
    async () => new ConflictError('Карточку или учётную запись родителя только что изменили. Обновите страницу.', await getStudentRecord(sch, input.studentId)),
  );
  return { ...after, version: input.version + 1 };
}


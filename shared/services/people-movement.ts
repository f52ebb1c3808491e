/**
 * Recording a movement (R-11, clause 5) and what it does to access (R-04, clause 4.4), all in one
 * transaction with the movement record and the audit record:
 * - enrolment (of a former student) and transfer move the card to the new class's roster from the
 *   movement date on; nothing in the journal moves: past marks stay in the old class x period
 *   partitions, where the old class's period rosters still find the student (domain/movement.ts);
 * - transfer out and graduation take the card off every roster (onto the school's former list),
 *   close the student's account and each parent's access to this child; a parent with no other
 *   child in the school is closed too. Accounts are kept, disabled with the reason, so the history
 *   of what they did stays.
 */
import { transactOr } from '../db/transact';
import { materialiseRosters } from './journal-rosters';
import { getYear } from '../repos/year';
import { periodOn } from '../domain/year';
import type { Principal, RoleGrant } from '../auth/roles';
import { classTitle } from '../domain/people-classes';
import { ruDate } from '../domain/calendar';
import { fullName } from '../domain/people-names';
import { endsAccess, movementProblems, MOVEMENT_TITLES, normaliseOrderNo, stateAfter, type MovementRequest } from '../domain/movement';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { auditPut } from '../repos/audit';
import { createMovementOp, listMovementsOfSchool, type MovementRecord } from '../repos/movement';
import { getStudentWithHistory, putAccountOp, putStudentOp, statusOf, versionOf, type StudentRecord } from '../repos/people';
import { getClass, getStudentCards, listClasses, type School } from '../repos/school';
import { actor, disabled, getAccountsById, reopened, schoolToday, studentUserId, type AccountRecord } from './people-common';

export async function recordMovement(input: { by: Principal; school: School; studentId: string; version: number; movement: MovementRequest; now: Date }) {
  const sch = input.school.schoolId;
  const found = await getStudentWithHistory(sch, input.studentId);
  if (!found) throw new NotFoundError('Обучающийся не найден.');
  const { card, movements } = found;
  const req: MovementRequest = { ...input.movement, orderNo: normaliseOrderNo(input.movement.orderNo), note: input.movement.note?.trim() || undefined };
  const [current, toClass] = await Promise.all([getClass(sch, card.classId), req.toClassId ? getClass(sch, req.toClassId) : Promise.resolve(null)]);
  const today = schoolToday(input.school, input.now);
  const state = { status: statusOf(card), classId: card.classId, grade: current?.grade ?? 0, lastMovementDate: movements.at(-1)?.date };
  const problems = movementProblems(req, state, { today, toClass });
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  if (versionOf(card) !== input.version) throw new ConflictError('Карточку только что изменил другой пользователь.', card);

  const next = stateAfter(req, state);
  const after: StudentRecord = { ...card, status: next.status, classId: next.classId };
  const at = input.now.toISOString();
  const orderText = `приказ № ${req.orderNo} от ${ruDate(req.date)}`;
  const movement: MovementRecord = {
    schoolId: sch,
    studentId: card.studentId,
    kind: req.kind,
    date: req.date,
    orderNo: req.orderNo,
    ...(req.kind !== 'enrol' || statusOf(card) === 'enrolled' ? { fromClassId: card.classId } : {}),
    ...(req.toClassId ? { toClassId: req.toClassId } : {}),
    ...(req.note ? { note: req.note } : {}),
    studentName: fullName(card),
    recordedAt: at,
    recordedBy: input.by.userId,
    recordedByName: input.by.displayName,
  };

  // Accounts: the student's own, and each parent's.
  const accounts = await getAccountsById([studentUserId(card), ...card.parentIds]);
  const changes: Array<{ before: AccountRecord; after: AccountRecord }> = [];
  const own = accounts.get(studentUserId(card));
  if (own) {
    let a: AccountRecord = { ...own, classId: after.classId };
    if (endsAccess(req.kind) && own.status !== 'disabled') {
      a = disabled(a, req.kind === 'leave' ? 'transfer_out' : 'graduated', `${MOVEMENT_TITLES[req.kind]}: ${orderText}`, at);
    } else if (req.kind === 'enrol' && own.status === 'disabled' && (own.disabledReason === 'transfer_out' || own.disabledReason === 'graduated')) {
      a = reopened(a);
    }
    changes.push({ before: own, after: a });
  }
  const parents = card.parentIds.flatMap((id) => accounts.get(id) ?? []);
  // The other children of these parents decide whether a parent keeps access, and their class.
  const otherRefs = parents.flatMap((p) => p.grants.flatMap((g) => (g.role === 'parent' && g.schoolId === sch && g.studentId !== card.studentId ? [{ schoolId: sch, studentId: g.studentId }] : [])));
  const others = new Map((await getStudentCards(dedupe(otherRefs))).map((c) => [c.studentId, c as StudentRecord]));
  for (const p of parents) {
    const childGrant: RoleGrant = { role: 'parent', schoolId: sch, studentId: card.studentId };
    const isThisChild = (g: RoleGrant) => g.role === 'parent' && g.schoolId === sch && g.studentId === card.studentId;
    const stillEnrolled = p.grants.filter(
      (g): g is Extract<RoleGrant, { role: 'parent' }> => g.role === 'parent' && g.schoolId === sch && g.studentId !== card.studentId && statusOf(others.get(g.studentId) ?? { status: 'left' }) === 'enrolled',
    );
    let a: AccountRecord;
    if (endsAccess(req.kind)) {
      a = { ...p, grants: p.grants.filter((g) => !isThisChild(g)) };
      if (stillEnrolled.length === 0 && p.status !== 'disabled') a = disabled(a, 'children_left', `${MOVEMENT_TITLES[req.kind]} ребёнка: ${orderText}`, at);
      const first = stillEnrolled[0] && others.get(stillEnrolled[0].studentId);
      if (first) a.classId = first.classId;
    } else if (req.kind === 'enrol') {
      a = { ...p, grants: p.grants.some(isThisChild) ? p.grants : [...p.grants, childGrant], classId: p.classId ?? after.classId };
      if (p.status === 'disabled' && (p.disabledReason === 'children_left' || p.disabledReason === 'no_children')) a = reopened(a);
      if (stillEnrolled.length === 0) a.classId = after.classId;
    } else {
      // A transfer: the class teacher who issues this parent's code follows the first child.
      const firstChild = p.grants.find((g) => g.role === 'parent' && g.schoolId === sch);
      a = { ...p, ...(firstChild && 'studentId' in firstChild && firstChild.studentId === card.studentId ? { classId: after.classId } : {}) };
    }
    if (JSON.stringify(a) !== JSON.stringify(p)) changes.push({ before: p, after: a });
  }

  await transactOr(
    [
      putStudentOp(after, input.version),
      createMovementOp(movement),
      ...changes.map((c) => putAccountOp(c.after, c.before.version)),
      auditPut({
        schoolId: sch,
        actor: actor(input.by),
        action: `student.${req.kind}`,
        entity: `STU#${card.studentId}`,
        before: { status: statusOf(card), classId: card.classId },
        after: { status: after.status, classId: after.classId, accounts: changes.map((c) => ({ userId: c.after.userId, status: c.after.status })) },
        reason: orderText,
        at: input.now,
      }),
    ],
    async (c) =>
      c.failedAt(1)
        ? new ConflictError(`Движение с этим приказом на эту дату у обучающегося уже записано.`)
        : new ConflictError('Карточку или учётные записи только что изменили. Обновите страницу.', (await getStudentWithHistory(sch, card.studentId))?.card),
  );
  await refreshRosters(sch, [movement.fromClassId, movement.toClassId], req.date, input.now);
  return {
    card: { ...after, version: input.version + 1 },
    movement,
    closedAccounts: changes.filter((c) => c.after.status === 'disabled' && c.before.status !== 'disabled').map((c) => c.after.userId),
  };
}

/**
 * The journal keeps each subject's roster of a class x period as an item (derived, rebuilt
 * idempotently). After a movement the rosters of both classes in the period of its date are
 * rebuilt, so the journal shows the pupil in the new class from that date and keeps them in the old
 * one up to it. A class or year not set up yet has no rosters to rebuild.
 */
async function refreshRosters(schoolId: string, classIds: Array<string | undefined>, date: string, now: Date): Promise<void> {
  for (const classId of new Set(classIds.filter((c): c is string => !!c))) {
    const cls = await getClass(schoolId, classId);
    const year = cls ? await getYear(schoolId, cls.yearId) : null;
    const period = cls && year ? periodOn(year, cls.grade, date) : undefined;
    if (period) await materialiseRosters(schoolId, classId, period.periodId, now);
  }
}

function dedupe<T extends { studentId: string }>(refs: T[]): T[] {
  return [...new Map(refs.map((r) => [r.studentId, r])).values()];
}

/** The school's movement list for a date range, with class names, for the deputy and the secretary. */
export async function schoolMovements(school: School, from?: string, to?: string) {
  const [moves, classes] = await Promise.all([listMovementsOfSchool(school.schoolId, from, to), listClasses(school.schoolId)]);
  const title = new Map(classes.map((c) => [c.classId, classTitle(c)]));
  return moves.map(({ schoolId: _s2, importId: _i, ...m }) => ({
    ...m,
    kindTitle: MOVEMENT_TITLES[m.kind],
    ...(m.fromClassId ? { fromClassName: title.get(m.fromClassId) ?? m.fromClassId } : {}),
    ...(m.toClassId ? { toClassName: title.get(m.toClassId) ?? m.toClassId } : {}),
  }));
}

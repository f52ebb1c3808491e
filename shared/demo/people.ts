/**
 * Movement in the demo school: a transfer between the two 5th classes in the first
 * quarter, an enrolment in the middle of the year (a new pupil of 6А with her mother), and one
 * transfer out of the school (7Б), each with its order number — and what they do to cards and
 * accounts, exactly as shared/services/people-movement.ts would have done it.
 *
 * Pure and deterministic. `demoPeopleItems` returns new items and replacements of base items (same
 * pk/sk); `withDemoPeople` applies them to the base list, which is what the seed should write —
 * replacements must not race their originals in parallel BatchWrites.
 */
import type { RoleGrant } from '../auth/roles';
import { keys } from '../db/keys';
import { addDays, dateInZone, instantInZone, ruDate } from '../domain/calendar';
import { fullName, loginBase } from '../domain/people-names';
import { MOVEMENT_TITLES } from '../domain/movement';
import { accountItem } from '../repos/accounts';
import { movementItem, type MovementRecord } from '../repos/movement';
import { studentItem, type StudentRecord } from '../repos/people';
import type { AccountRecord } from '../services/people-common';
import { type DemoModel, type DemoStudent, DEMO_TIME_ZONE } from './model';

type Item = Record<string, unknown>;

/** Who records the demo's movements: the demo secretary. */
function secretary(model: DemoModel) {
  const s = model.staff.find((x) => x.fixed === 'secretary')!;
  return { userId: s.userId, name: fullName(s) };
}

const at10 = (date: string) => instantInZone(date, 10, 0, DEMO_TIME_ZONE);

export interface DemoMovementPlan {
  transfer: { studentId: string; date: string; orderNo: string };
  enrol: { studentId: string; date: string; orderNo: string };
  leave: { studentId: string; date: string; orderNo: string };
}

export function demoPeopleItems(model: DemoModel, base: Item[], now: Date): { items: Item[]; plan: DemoMovementPlan } {
  const sch = model.school.schoolId;
  const tz = model.school.timeZone;
  const today = dateInZone(now, tz);
  // Dates of the 2026/27 year; never in the future of `now` (a movement is recorded after its order).
  const clamp = (target: string, back: number) => (target < addDays(today, -back) ? target : addDays(today, -back));
  const dates = { transfer: clamp('2026-10-05', 3), enrol: clamp('2026-11-09', 2), leave: clamp('2026-11-16', 1) };
  const byKey = new Map(base.map((i) => [`${i.pk}|${i.sk}`, i]));
  const get = (k: { pk: string; sk: string }) => byKey.get(`${k.pk}|${k.sk}`);
  const out = new Map<string, Item>();
  const put = (i: Item) => out.set(`${i.pk}|${i.sk}`, i);
  const sec = secretary(model);

  const protectedIds = new Set([
    ...model.students.filter((s) => s.fixed).map((s) => s.studentId),
    ...model.parents.filter((p) => p.fixed).flatMap((p) => p.childIds),
  ]);
  const parentsById = new Map(model.parents.map((p) => [p.userId, p]));
  const pick = (classId: string) =>
    [...model.students]
      .reverse()
      .find((s) => s.classId === classId && s.consentRecordedAt && !protectedIds.has(s.studentId) && s.parentIds.every((id) => parentsById.get(id)!.childIds.length === 1))!;

  const cardOf = (s: DemoStudent): StudentRecord => {
    const item = get(keys.studentCard(sch, s.studentId))!;
    const { pk: _a, sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...card } = item;
    return card as unknown as StudentRecord;
  };
  const accountOf = (userId: string): AccountRecord => {
    const item = get(keys.account(userId))!;
    const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, type: _t, ...a } = item;
    return a as unknown as AccountRecord;
  };
  const movement = (s: { studentId: string; lastName: string; firstName: string; middleName?: string }, m: Omit<MovementRecord, 'schoolId' | 'studentId' | 'studentName' | 'recordedAt' | 'recordedBy' | 'recordedByName'>): MovementRecord => ({
    schoolId: sch,
    studentId: s.studentId,
    studentName: fullName(s),
    recordedAt: at10(m.date),
    recordedBy: sec.userId,
    recordedByName: sec.name,
    ...m,
  });

  // 1. Transfer 5А → 5Б (the parents' class teacher follows the child).
  const moved = pick('5a');
  const movedCard = cardOf(moved);
  const transfer = movement(moved, { kind: 'transfer', date: dates.transfer, orderNo: '118-у', fromClassId: '5a', toClassId: '5b', note: 'по заявлению родителей' });
  put(studentItem({ ...movedCard, classId: '5b', status: 'enrolled', userId: moved.userId, version: 1 }));
  put(accountItem({ ...accountOf(moved.userId), classId: '5b', version: 2 }));
  for (const id of moved.parentIds) put(accountItem({ ...accountOf(id), classId: '5b', version: 2 }));
  put(movementItem(transfer));

  // 2. Transfer out of the school from 7Б: the card leaves every roster, the accounts are closed.
  const gone = pick('7b');
  const goneCard = cardOf(gone);
  const leave = movement(gone, { kind: 'leave', date: dates.leave, orderNo: '131-у', fromClassId: '7b', note: 'в МБОУ СОШ № 12 г. Ростова-на-Дону' });
  const closedAt = at10(dates.leave);
  const orderText = `приказ № ${leave.orderNo} от ${ruDate(dates.leave)}`;
  put(studentItem({ ...goneCard, status: 'left', userId: gone.userId, version: 1 }));
  put(accountItem({ ...accountOf(gone.userId), status: 'disabled', disabledReason: 'transfer_out', disabledNote: `${MOVEMENT_TITLES.leave}: ${orderText}`, disabledAt: closedAt, version: 2 } as AccountRecord));
  for (const id of gone.parentIds) {
    const p = accountOf(id);
    const grants = p.grants.filter((g) => !(g.role === 'parent' && g.studentId === gone.studentId));
    put(accountItem({ ...p, grants, status: 'disabled', disabledReason: 'children_left', disabledNote: `${MOVEMENT_TITLES.leave} ребёнка: ${orderText}`, disabledAt: closedAt, version: 2 } as AccountRecord));
  }
  put(movementItem(leave));

  // 3. A new pupil of 6А enrolled after the autumn holidays, with her mother and signed consent.
  const taken = new Set(base.filter((i) => i.type === 'loginGuard').map((i) => String(i.pk).slice('LOGIN#'.length)));
  const freeLogin = (b: string) => {
    let login = b;
    for (let n = 2; taken.has(login); n++) login = `${b}${n}`;
    taken.add(login);
    return login;
  };
  const newcomer = { studentId: 'st-9001', userId: 'u-st-9001', lastName: 'Гончаренко', firstName: 'Мирослава', middleName: 'Олеговна' };
  const mother = { userId: 'u-pa-9001', lastName: 'Гончаренко', firstName: 'Олеся', middleName: 'Викторовна' };
  const consentAt = at10(dates.enrol);
  const card: StudentRecord = {
    ...newcomer,
    schoolId: sch,
    classId: '6a',
    birthDate: '2014-07-21',
    gender: 'f',
    address: 'г. Краснодар, ул. Ставропольская, д. 140, кв. 12',
    personalFileNo: 'Г-214',
    parentIds: [mother.userId],
    status: 'enrolled',
    consentRecordedAt: consentAt,
    consent: { date: dates.enrol, document: 'Согласие на обработку персональных данных от законного представителя (мать)', recordedBy: sec.userId, recordedByName: sec.name },
    version: 1,
  };
  const studentGrant: RoleGrant = { role: 'student', schoolId: sch, studentId: newcomer.studentId };
  const accounts: AccountRecord[] = [
    {
      userId: newcomer.userId,
      login: freeLogin(loginBase(newcomer)),
      kind: 'student',
      lastName: newcomer.lastName,
      firstName: newcomer.firstName,
      middleName: newcomer.middleName,
      departmentId: model.department.departmentId,
      schoolId: sch,
      classId: '6a',
      grants: [studentGrant],
      status: 'pending',
      version: 1,
    },
    {
      userId: mother.userId,
      login: freeLogin(loginBase(mother)),
      kind: 'parent',
      lastName: mother.lastName,
      firstName: mother.firstName,
      middleName: mother.middleName,
      departmentId: model.department.departmentId,
      schoolId: sch,
      classId: '6a',
      grants: [{ role: 'parent', schoolId: sch, studentId: newcomer.studentId }],
      status: 'pending',
      phone: '+7 918 555-20-14',
      version: 1,
    },
  ];
  put(studentItem(card));
  for (const a of accounts) {
    put(accountItem(a));
    put({ ...keys.loginGuard(a.login), type: 'loginGuard', userId: a.userId });
  }
  put(movementItem(movement(newcomer, { kind: 'enrol', date: dates.enrol, orderNo: '124-у', toClassId: '6a', note: 'прибыла из МАОУ СОШ № 4 г. Новороссийска' })));

  return {
    items: [...out.values()],
    plan: {
      transfer: { studentId: moved.studentId, date: dates.transfer, orderNo: transfer.orderNo },
      enrol: { studentId: newcomer.studentId, date: dates.enrol, orderNo: '124-у' },
      leave: { studentId: gone.studentId, date: dates.leave, orderNo: leave.orderNo },
    },
  };
}

/** The base items with the movement applied: replacements in place, new items at the end. */
export function withDemoPeople(base: Item[], model: DemoModel, now: Date): Item[] {
  const { items } = demoPeopleItems(model, base, now);
  const extra = new Map(items.map((i) => [`${i.pk}|${i.sk}`, i]));
  const result = base.map((i) => {
    const k = `${i.pk}|${i.sk}`;
    const r = extra.get(k);
    if (r) extra.delete(k);
    return r ?? i;
  });
  return [...result, ...extra.values()];
}

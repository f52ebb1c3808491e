/**
 * Seeding the demo school into DynamoDB Local (issue 2, item 5): once, idempotently, and readable
 * through the repositories the handlers use.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoSchool, type SeedResult } from '../../infra/local/seed';
import { verifyPassword } from '../../shared/auth/password';
import { ddbRequestCounter } from '../../shared/db/client';
import { buildDemoModel, buildDemoSchool, DEMO_PASSWORD } from '../../shared/demo/index';
import { findAccountByLogin, listAccountsOfSchool } from '../../shared/repos/accounts';
import { getDepartment, getSchool, listClasses, listStudentsOfClass } from '../../shared/repos/school';
import { keys } from '../../shared/db/keys';
import { useTestTable } from '../support/dynamo';

const now = new Date('2026-11-20T07:00:00Z');
const expected = buildDemoSchool({ passwordHash: 'unused', now });
const model = buildDemoModel({ now });
let first: SeedResult;

beforeAll(async () => {
  await useTestTable();
  first = await seedDemoSchool(now);
});

describe('seedDemoSchool', () => {
  it('should write every item of the demo school into an empty table', () => {
    expect(first.items).toBe(expected.items.length);
    expect(first.logins).toEqual(expected.logins);
    expect(first.ms).toBeGreaterThan(0);
  });

  it('should write nothing the second time and still return the logins', async () => {
    const before = ddbRequestCounter.count;
    const second = await seedDemoSchool(new Date(now.getTime() + 3600_000));
    expect(second.items).toBe(0);
    expect(second.logins).toEqual(first.logins);
    // One GetItem on the department, nothing else.
    expect(ddbRequestCounter.count - before).toBe(1);
  });

  it('should let the fixed parent sign in with the demo password and see two children', async () => {
    const parent = (await findAccountByLogin('parent'))!;
    const generated = model.parents.find((p) => p.fixed === 'parent')!;
    expect(parent).toMatchObject({
      userId: generated.userId,
      kind: 'parent',
      status: 'active',
      schoolId: 'sch53',
      classId: '5a',
      lastName: generated.lastName,
      grants: generated.childIds.map((studentId) => ({ role: 'parent', schoolId: 'sch53', studentId })),
    });
    expect(await verifyPassword(DEMO_PASSWORD, parent.passwordHash!)).toBe(true);
  });

  it('should list the pupils of 5А as generated and moved, with their consent and parents', async () => {
    const cards = await listStudentsOfClass('sch53', '5a');
    // The generator's 5А after this year's movements (a transfer to 5Б is among them).
    const generated = expected.items.filter((i) => i.type === 'studentCard' && i.gsi2pk === keys.studentsOfClassPartition('sch53', '5a'));
    expect(generated.length).toBeGreaterThan(20);
    expect(cards).toHaveLength(generated.length);
    const byId = new Map(cards.map((c) => [c.studentId, c]));
    for (const { pk: _pk, sk: _sk, gsi2pk: _a, gsi2sk: _b, type: _t, ...card } of generated) {
      expect(byId.get(card.studentId as string)).toEqual(card);
    }
    // GSI2 returns them in Russian alphabetical order.
    const names = cards.map((c) => `${c.lastName} ${c.firstName}`.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е'));
    expect(names).toEqual([...names].sort());
  });

  it('should make department, school, classes and the school accounts readable', async () => {
    expect(await getDepartment('krd')).toMatchObject({ departmentId: 'krd', marksInAdvanceAllowed: false });
    expect(await getSchool('krd', 'sch53')).toMatchObject({ name: 'МАОУ СОШ № 53', timeZone: 'Europe/Moscow' });
    const classes = await listClasses('sch53');
    expect(classes.map((c) => c.classId)).toEqual(model.classes.map((c) => c.classId));
    expect(classes.every((c) => c.classTeacherId && c.classTeacherName)).toBe(true);
    const accounts = await listAccountsOfSchool('sch53');
    // Everyone but the department specialist is listed in the school, newcomers of this year included.
    expect(accounts).toHaveLength(expected.items.filter((i) => i.type === 'account' && i.schoolId === 'sch53').length);
    expect(accounts.length).toBeGreaterThan(model.staff.length - 1 + model.students.length + model.parents.length - 1);
  });
});

/**
 * Bringing a deployment into service (issue 9, item 1), from a table that does not exist yet: the
 * documented `npm run admin -- init` (its function, with the same arguments), then the department
 * specialist's first sign-in, a new school, its first administrator's code, and that
 * administrator's first sign-in, all over HTTP.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { runAdmin } from '../../infra/admin/commands';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/query';
import { departmentAuditScope } from '../../shared/repos/settings';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

const NOW = new Date('2026-11-30T09:00:00Z');
const PASSWORD = 'Сирень-и-мел-2026';
const DEP = 'tula';
const INIT = ['init', '--department', DEP, '--department-name', 'Управление образования г. Тулы', '--specialist-name', 'Громова Анна Сергеевна'];
let api: ApiServer;
let table: string;

async function admin(args: string[]) {
  const lines: string[] = [];
  const code = await runAdmin(args, (l) => lines.push(l), { now: NOW });
  return { code, text: lines.join('\n') };
}

const codeIn = (text: string) => /Код активации: (\S+)/.exec(text)?.[1];
const loginIn = (text: string) => /Логин: (\S+)/.exec(text)?.[1];

beforeAll(async () => {
  await useTestTable();
  // A table name nobody has created: `--create-table` makes it, as on a fresh compatible cloud.
  table = `t_${randomBytes(6).toString('hex')}`;
  api = await startApi();
});
afterAll(() => api?.stop());

describe('npm run admin -- init', () => {
  let first: { code: number; text: string };

  it('should create the table, the department and its specialist, and print a one-time code', async () => {
    first = await admin([...INIT, '--table', table, '--create-table', '--endpoint', inject('dynamoEndpoint')]);
    expect(first.code, first.text).toBe(0);
    expect(process.env.TABLE_NAME).toBe(table);
    expect(loginIn(first.text)).toBe('gromova.as');
    expect(codeIn(first.text)).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    const audit = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(departmentAuditScope(DEP), '2026-11') } });
    expect(audit).toEqual([expect.objectContaining({ action: 'department.init', actorName: 'Ввод в эксплуатацию (npm run admin)', entity: `DEP#${DEP}` })]);
  });

  it('should change nothing when run again, and refuse a different department under the same id', async () => {
    const again = await admin(INIT);
    expect(again.code).toBe(0);
    expect(again.text).toMatch(/Уже сделано.*Ничего не изменено/);
    expect(codeIn(again.text)).toBeUndefined();
    const other = await admin(['init', '--department', DEP, '--department-name', 'Другое управление', '--specialist-name', 'Громова Анна Сергеевна']);
    expect(other.code).toBe(1);
    expect(other.text).toMatch(/«tula» уже заведено.*Повторно его не заводят/);
    const usage = await admin(['init', '--department', DEP]);
    expect(usage.code).toBe(2);
    expect(usage.text).toContain('--department-name');
  });

  it('should take the specialist from the code to the first school and its administrator', async () => {
    const uo = new ApiClient(api.url);
    const activated = await uo.post('/api/auth/activate', { code: codeIn(first.text), password: PASSWORD });
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect((await uo.post('/api/auth/activate', { code: codeIn(first.text), password: PASSWORD })).status).toBe(400);
    expect((await uo.signIn(loginIn(first.text)!, PASSWORD)).status).toBe(200);
    expect((await uo.get(`/api/departments/${DEP}/schools`)).body).toEqual({ schools: [] });

    const bad = await uo.post(`/api/departments/${DEP}/schools`, { name: 'МБОУ', shortName: 'С', city: 'Тула', timeZone: 'Луна/Море' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/краткое название.*Часовой пояс/s);
    const created = await uo.post(`/api/departments/${DEP}/schools`, { name: 'МБОУ «Центр образования № 2»', shortName: 'ЦО № 2', city: 'Тула', timeZone: 'Europe/Moscow' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const schoolId: string = created.body.school.schoolId;
    expect((await uo.get(`/api/departments/${DEP}/schools`)).body.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual([schoolId]);

    const appointed = await uo.post(`/api/departments/${DEP}/schools/${schoolId}/administrators`, { lastName: 'Зайцев', firstName: 'Олег', middleName: 'Ильич' });
    expect(appointed.status, JSON.stringify(appointed.body)).toBe(201);
    const adm = new ApiClient(api.url);
    expect((await adm.post('/api/auth/activate', { code: appointed.body.code, password: PASSWORD })).status).toBe(200);
    const signedIn = await adm.signIn(appointed.body.login, PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.grants).toEqual([{ role: 'administrator', schoolId }]);
    const staff = await adm.get(`/api/schools/${schoolId}/staff`);
    expect(staff.body.staff.map((s: { login: string; status: string }) => [s.login, s.status])).toEqual([[appointed.body.login, 'active']]);
    const register = await adm.get(`/api/schools/${schoolId}/logins`);
    expect(register.body.entries).toEqual([expect.objectContaining({ login: appointed.body.login, kind: 'staff' })]);

    // The school's own people never open schools or appoint their administrators.
    expect((await adm.post(`/api/departments/${DEP}/schools`, { name: 'МБОУ СОШ № 3', shortName: 'СОШ № 3', city: 'Тула', timeZone: 'Europe/Moscow' })).status).toBe(403);
    expect((await adm.post(`/api/departments/${DEP}/schools/${schoolId}/administrators`, { lastName: 'Иванов', firstName: 'Иван' })).status).toBe(403);
    expect((await uo.post(`/api/departments/krd/schools`, { name: 'МБОУ СОШ № 3', shortName: 'СОШ № 3', city: 'Тула', timeZone: 'Europe/Moscow' })).status).toBe(403);
  });
});

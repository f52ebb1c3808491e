/**
 * The demo school's movements (shared/demo/people.ts) written the way the seed writes items, then
 * read back through the repositories and the API: the transferred pupil is on 5Б's roster with the
 * history, the one who left is off every roster with closed accounts, the newcomer is in 6А.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll } from '../../infra/local/seed';
import { hashPassword } from '../../shared/auth/password';
import { buildDemoModel, demoItems, DEMO_PASSWORD } from '../../shared/demo/index';
import { demoPeopleItems, withDemoPeople } from '../../shared/demo/people';
import { getAccount } from '../../shared/repos/accounts';
import { listFormerStudents } from '../../shared/repos/people';
import { listStudentsOfClass } from '../../shared/repos/school';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

const NOW = new Date('2026-12-01T08:00:00Z');
let api: ApiServer;
let plan: ReturnType<typeof demoPeopleItems>['plan'];

beforeAll(async () => {
  setClock(() => NOW);
  await useTestTable();
  const model = buildDemoModel({ now: NOW });
  const base = demoItems(model, await hashPassword(DEMO_PASSWORD));
  plan = demoPeopleItems(model, base, NOW).plan;
  await batchWriteAll(withDemoPeople(base, model, NOW));
  api = await startApi();
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('demo movements in the table', () => {
  it('should put each moved pupil where the movement says, with the history on the card', async () => {
    expect((await listStudentsOfClass('sch53', '5b')).map((s) => s.studentId)).toContain(plan.transfer.studentId);
    expect((await listStudentsOfClass('sch53', '5a')).map((s) => s.studentId)).not.toContain(plan.transfer.studentId);
    expect((await listStudentsOfClass('sch53', '6a')).map((s) => s.studentId)).toContain(plan.enrol.studentId);
    expect((await listFormerStudents('sch53')).map((s) => s.studentId)).toEqual([plan.leave.studentId]);
    expect(await getAccount(`u-${plan.leave.studentId}`)).toMatchObject({ status: 'disabled', disabledReason: 'transfer_out' });

    const secretary = new ApiClient(api.url);
    expect((await secretary.signIn('secretary')).status).toBe(200);
    const card = await secretary.get(`/api/schools/sch53/students/${plan.transfer.studentId}/card`);
    expect(card.body.movements).toEqual([expect.objectContaining({ kind: 'transfer', fromClassId: '5a', toClassId: '5b', orderNo: '118-у' })]);
    const list = await secretary.get('/api/schools/sch53/movements');
    expect(list.body.movements.map((m: { kind: string }) => m.kind)).toEqual(['transfer', 'enrol', 'leave']);
    // The demo rules still hold afterwards: the newcomer's card can take the next movement.
    const move = await secretary.post(`/api/schools/sch53/students/${plan.enrol.studentId}/movements`, { version: 1, kind: 'transfer', date: '2026-12-01', orderNo: '140-у', toClassId: '6b' });
    expect(move.status).toBe(201);
  });
});

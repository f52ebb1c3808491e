/**
 * Period, year and final marks over HTTP against DynamoDB Local (issue 10, Done-when): the day
 * before the last school day refused and the last day accepted; day 5 after setting editable and
 * day 6 locked, in Moscow time; the class teacher sets a colleague's subject, another teacher
 * cannot; grade 1 refuses 2-5 and shows «н/оц» / «осв»; a differing mark needs a reason; a stale
 * version is a 409 with the current mark; every change has its change-log record in the chain.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { ddbRequestCounter, dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { buildDemoModel } from '../../shared/demo/index';
import { addDays } from '../../shared/domain/calendar';
import type { JournalMark } from '../../shared/domain/journal-model';
import { loadLineItems } from '../../shared/repos/curriculum';
import { markItem } from '../../shared/repos/journal';
import { listStudentsOfClass } from '../../shared/repos/school';
import { whatIf } from '../../shared/domain/mark-justification';
import type { WorkTypeId } from '../../shared/domain/work-types';
import { forgetJournalRules } from '../../shared/services/journal-settings';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { ENG, H1, journalFixture, MATH, mskNoon, Q2, SCH, type JournalFixture } from './journal-fixture';

let api: ApiServer;
let fx: JournalFixture;
const { standAt, as } = clockedClients(() => api.url);

let rid = 0;
const requestId = () => `pm-${Date.now().toString(36)}-${(rid++).toString(36)}`;
const CLASS = (cls: string) => `/api/schools/${SCH}/classes/${cls}`;
const table = (cls: string, period = Q2, subject?: string) => `${CLASS(cls)}/periods/${period}/period-marks${subject ? `?subject=${subject}` : ''}`;
const cell = (cls: string, slot: string, subject: string, student: string) => `${CLASS(cls)}/final-marks/${slot}/subjects/${subject}/students/${student}`;
/** Moscow 00:00 of a date (21:00 UTC the day before). */
const mskMidnight = (date: string) => new Date(`${addDays(date, -1)}T21:00:00Z`);

/** Current marks of a 5А student in the test mathematics: lesson answers (weight 1) on the fixture's lesson days. */
function journalMarks(studentId: string, values: number[]): JournalMark[] {
  const days = ['2026-11-16', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-27'];
  return values.map((value, i) => ({
    date: days[i]!,
    lessonNo: 8,
    groupId: 'all',
    studentId,
    workType: 'lessonAnswer',
    value,
    weight: 1,
    version: 1,
    setBy: fx.teacherId,
    setAt: `${days[i]}T08:00:00.000Z`,
  }));
}

let lastDay = '';
const REQUESTS_OF_TABLE = 8;
let student = (i: number) => fx.fiveA[i]!.studentId;
let demoStudentId = '';

beforeAll(async () => {
  await useTestTable();
  const seedAt = mskNoon('2026-11-30');
  await seedDemoSchool(seedAt);
  fx = await journalFixture(seedAt);
  student = (i: number) => fx.fiveA[i]!.studentId;
  const model = buildDemoModel({ now: seedAt });
  demoStudentId = model.students.find((s) => s.fixed === 'student')!.studentId;
  const place = { schoolId: SCH, classId: '5a', periodId: Q2, subjectId: MATH };
  // Students 0-3, 7 and 8 average 4,83 (implied «5») with 6 marks; student 4 has 2 marks (minimum 5 not met).
  await batchWriteAll(
    [0, 1, 2, 3, 7, 8].flatMap((i) => journalMarks(student(i), [5, 5, 4, 5, 5, 5])).concat(journalMarks(student(4), [3, 4]), journalMarks(demoStudentId, [4, 5, 3])).map((m) => markItem(place, m)),
  );
  api = await startApi();
  standAt(mskNoon('2026-11-30'));
});
afterEach(() => forgetJournalRules());
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

const put = async (login: string, path: string, body: Record<string, unknown>) => (await as(login)).send('PUT', path, { version: 0, requestId: requestId(), ...body });

describe('the class x subjects table', () => {
  it('should answer the period marks of every subject from one Query and name the window', async () => {
    const client = await as('classteacher');
    const before = ddbRequestCounter.count;
    const res = await client.get(table('5a'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The marks: ONE Query of FINAL#; besides it the school, class, year, curriculum, subjects, class list
    // and the class's last lesson days.
    expect(res.body.queryPages).toBe(1);
    expect(ddbRequestCounter.count - before).toBe(REQUESTS_OF_TABLE);
    expect(res.body.subjects.map((s: { subjectId: string }) => s.subjectId)).toEqual(expect.arrayContaining([MATH, ENG]));
    expect(res.body.subjects.every((s: { canSet: boolean }) => s.canSet)).toBe(true);
    expect(res.body.students.length).toBeGreaterThan(10);
    expect(res.body.title).toBe('Четвертная отметка');
    lastDay = res.body.window.dueBy;
    expect(lastDay).toMatch(/^2026-12-(2[0-9])$/);
    expect(res.body.window.opensOn).toBe(lastDay);
    expect(res.body.window.closesOn).toBe('2027-01-12');
    expect(res.body.rule).toContain('4,50');
  });

  it('should show each student\'s justification of one subject on request', async () => {
    const res = await (await as('teacher')).get(table('5a', Q2, MATH));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const j = res.body.justification.students.find((s: { studentId: string }) => s.studentId === student(0));
    expect(j).toMatchObject({ average: 4.83, implied: 5, sum: 29, weightSum: 6, minimum: { required: 5, count: 6, met: true } });
    expect(j.formula).toBe('(5 × 1 + 5 × 1 + 4 × 1 + 5 × 1 + 5 × 1 + 5 × 1) / (1 + 1 + 1 + 1 + 1 + 1) = 29 / 6 = 4,83');
    expect(res.body.justification.students.find((s: { studentId: string }) => s.studentId === student(4)).minimum).toMatchObject({ count: 2, met: false });
  });

  it('should be refused to parents, students and a teacher who does not teach the class', async () => {
    for (const login of ['parent', 'student']) expect((await (await as(login)).get(table('5a'))).status, login).toBe(403);
    const deputy = await (await as('deputy')).get(table('5a'));
    expect(deputy.status).toBe(200);
    // The deputy reads; setting is for the teachers of the class (clauses 3.9, 3.10).
    expect(deputy.body.subjects.some((s: { canSet: boolean }) => s.canSet)).toBe(false);
  });
});

describe('when a period mark may be set (clauses 3.8, 3.9, 6.3), in Moscow time', () => {
  it('should refuse it on the day before the last school day and accept it on the last day', async () => {
    standAt(mskNoon(addDays(lastDay, -1)));
    const early = await put('teacher', cell('5a', Q2, MATH, student(0)), { code: '5' });
    expect(early.status, JSON.stringify(early.body)).toBe(423);
    expect(early.body.error.message).toContain('заранее отметки не ставятся');
    expect(early.body.error.details).toMatchObject({ reason: 'notYet', opensOn: lastDay });

    // 00:00 in Moscow is already the last day, while UTC is still on the day before.
    standAt(mskMidnight(lastDay));
    const onTime = await put('teacher', cell('5a', Q2, MATH, student(0)), { code: '5' });
    expect(onTime.status, JSON.stringify(onTime.body)).toBe(200);
    expect(onTime.body).toMatchObject({ mark: { code: '5', text: '5', late: false, version: 1 }, version: 1, replayed: false, lockedFrom: addDays(lastDay, 6) });
  });

  it('should keep it editable through day 5 after setting and lock it from 00:00 of day 6', async () => {
    standAt(new Date(`${addDays(lastDay, 5)}T20:59:00Z`)); // 23:59 in Moscow on day 5
    const day5 = await put('teacher', cell('5a', Q2, MATH, student(0)), { code: '4', reason: 'устный зачёт по теме не сдан', version: 1 });
    expect(day5.status, JSON.stringify(day5.body)).toBe(200);
    expect(day5.body.mark).toMatchObject({ code: '4', reason: 'устный зачёт по теме не сдан', text: '4 (устный зачёт по теме не сдан)', version: 2 });

    standAt(mskMidnight(addDays(lastDay, 6)));
    const day6 = await put('teacher', cell('5a', Q2, MATH, student(0)), { code: '5', version: 2 });
    expect(day6.status, JSON.stringify(day6.body)).toBe(423);
    expect(day6.body.error.details).toMatchObject({ reason: 'locked', lockedFrom: addDays(lastDay, 6), days: 5 });
    expect(day6.body.error.message).toContain('заявке на корректировку');
    // Clearing is a change too.
    expect((await put('teacher', cell('5a', Q2, MATH, student(0)), { code: null, version: 2 })).status).toBe(423);
  });

  it('should flag a mark set after the last day «с опозданием» and refuse every mark once the next period began', async () => {
    standAt(mskNoon(addDays(lastDay, 1)));
    const late = await put('teacher', cell('5a', Q2, MATH, student(1)), { code: '5' });
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    expect(late.body.mark.late).toBe(true);
    standAt(mskNoon('2027-01-12'));
    const closed = await put('teacher', cell('5a', Q2, MATH, student(2)), { code: '5' });
    expect(closed.status).toBe(423);
    expect(closed.body.error.details.reason).toBe('closed');
  });
});

describe('who sets period marks (clauses 3.9, 3.10)', () => {
  it('should let the class teacher set a colleague\'s subject in their own class', async () => {
    standAt(mskNoon(lastDay));
    const res = await put('classteacher', cell('5a', Q2, MATH, student(2)), { code: '5' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.mark).toMatchObject({ setBy: fx.classteacherId, code: '5' });
  });

  it('should refuse another teacher, the deputy and a parent, saying why in Russian', async () => {
    standAt(mskNoon(lastDay));
    for (const login of ['teacher2', 'deputy']) {
      const res = await put(login, cell('5a', Q2, MATH, student(3)), { code: '5' });
      expect(res.status, login).toBe(403);
      expect(res.body.error.message, login).toContain('классный руководитель');
    }
    expect((await put('parent', cell('5a', Q2, MATH, student(3)), { code: '5' })).status).toBe(403);
    // The class teacher of 5А is nobody's class teacher in 5Б.
    expect((await put('classteacher', cell('5b', Q2, MATH, student(3)), { code: '5' })).status).not.toBe(200);
  });

  it('should let a subgroup\'s teacher set the marks of their own group only', async () => {
    standAt(mskNoon(lastDay));
    const own = await put('teacher2', cell('5a', Q2, ENG, fx.groups.g2[0]!), { code: 'na', reason: 'пропуск более половины уроков по болезни' });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.mark).toMatchObject({ code: 'na', text: 'н/а (пропуск более половины уроков по болезни)' });
    expect((await put('teacher2', cell('5a', Q2, ENG, fx.groups.g1[0]!), { code: 'na', reason: 'пропуск более половины уроков' })).status).toBe(403);
  });
});

describe('what a period mark may be (clauses 3.5, 6.1)', () => {
  it('should refuse a mark that differs from the implied one without a reason, and take it with one', async () => {
    standAt(mskNoon(lastDay));
    const bare = await put('teacher', cell('5a', Q2, MATH, student(3)), { code: '4' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toContain('отличается от расчётной «5» (средний балл 4,83)');
    const stored = await dynamo().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': keys.journalPartition(SCH, '5a', Q2), ':sk': keys.periodMark(SCH, '5a', Q2, MATH, student(3)).sk }, ConsistentRead: true }),
    );
    expect(stored.Items ?? []).toEqual([]);
    expect((await put('teacher', cell('5a', Q2, MATH, student(3)), { code: '4', reason: 'не сдана контрольная работа' })).status).toBe(200);
  });

  it('should ask a reason when the minimum of marks is not met, and refuse «н/а» without one', async () => {
    standAt(mskNoon(lastDay));
    const few = await put('teacher', cell('5a', Q2, MATH, student(4)), { code: '4' });
    expect(few.status).toBe(400);
    expect(few.body.error.message).toContain('при минимуме 5');
    const na = await put('teacher', cell('5a', Q2, MATH, student(5)), { code: 'na' });
    expect(na.status).toBe(400);
    expect(na.body.error.message).toContain('Для «н/а» нужна причина');
  });

  it('should refuse values that are no mark for the subject with a Russian 400', async () => {
    standAt(mskNoon(lastDay));
    for (const code of ['pass', 'notGraded', '6', 5]) {
      const res = await put('teacher', cell('5a', Q2, MATH, student(6)), { code });
      expect(res.status, String(code)).toBe(400);
      expect(res.body.error.message).toMatch(/[а-я]/);
    }
    expect((await put('teacher', cell('5a', 'nope', MATH, student(6)), { code: '5' })).status).toBe(404);
  });

  it('should refuse 2-5 in grade 1 and show the system\'s «н/оц» and «осв»', async () => {
    standAt(mskNoon(lastDay));
    const res = await put('teacher', cell('1a', Q2, MATH, fx.oneA[0]!.studentId), { code: '5' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'grade1_no_marks', details: { clause: '3.5' } });
    expect(res.body.error.message).toContain('н/оц');
    const period = await (await as('teacher')).get(table('1a'));
    expect(period.status, JSON.stringify(period.body)).toBe(200);
    const mine = period.body.marks.filter((m: { subjectId: string }) => m.subjectId === MATH);
    expect(mine.length).toBe(fx.oneA.length);
    expect(mine.every((m: { code: string; text: string; system: boolean }) => m.code === 'notGraded' && m.text === 'н/оц' && m.system)).toBe(true);
    const year = await (await as('teacher')).get(`${CLASS('1a')}/year-marks`);
    expect(year.status, JSON.stringify(year.body)).toBe(200);
    expect(year.body.marks.filter((m: { kind: string }) => m.kind === 'year').every((m: { text: string }) => m.text === 'осв')).toBe(true);
    expect(year.body.marks.some((m: { kind: string }) => m.kind !== 'year')).toBe(false);
  });
});

describe('concurrent edits and the change log (R-42)', () => {
  it('should answer a stale version with 409 and the current mark, and replay a retried request', async () => {
    standAt(mskNoon(lastDay));
    const path = cell('5a', Q2, MATH, student(7));
    const rid1 = requestId();
    const first = await (await as('teacher')).send('PUT', path, { code: '5', reason: null, version: 0, requestId: rid1 });
    expect(first.status).toBe(200);
    const retry = await (await as('teacher')).send('PUT', path, { code: '5', reason: null, version: 0, requestId: rid1 });
    expect(retry.status).toBe(200);
    expect(retry.body.replayed).toBe(true);
    const stale = await put('classteacher', path, { code: '4', reason: 'по итогам устного опроса', version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ code: '5', version: 1, setBy: fx.teacherId });
  });

  it('should keep both of two concurrent changes of one subject, each with its own record in the chain', async () => {
    standAt(mskNoon(lastDay));
    const [a, b] = await Promise.all([
      put('teacher', cell('5a', Q2, MATH, student(1)), { code: '5', version: 1 }),
      put('classteacher', cell('5a', Q2, MATH, student(7)), { code: '4', reason: 'по итогам контрольной работы', version: 1 }),
    ]);
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([200, 200]);
    const shown = await (await as('classteacher')).get(`${CLASS('5a')}/periods/${Q2}/change-log?subject=${MATH}`);
    expect(shown.body.verification).toMatchObject({ ok: true });
  });

  it('should write a record per change in the subject\'s chain, in the same transaction (1 request after the reads)', async () => {
    standAt(mskNoon(lastDay));
    const path = cell('5a', Q2, MATH, student(8));
    const teacher = await as('teacher');
    const before = ddbRequestCounter.count;
    expect((await teacher.send('PUT', path, { code: '5', version: 0, requestId: requestId() })).status).toBe(200);
    const used = ddbRequestCounter.count - before;
    // Reads: the account (every write checks the session's epoch), department+school (one BatchGet), class,
    // year, curriculum line, the subject's slice, the class's last days, one BatchGet of the mark and the
    // chain head; then ONE TransactWriteItems.
    expect(used).toBe(9);
    const log = await dynamo().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': keys.journalPartition(SCH, '5a', Q2), ':p': keys.changeLogPrefix(MATH) }, ConsistentRead: true }),
    );
    const records = (log.Items ?? []).filter((i) => i.type === 'changeLog' && i.entity === 'finalMark');
    expect(records.find((r) => r.target.studentId === student(8))).toMatchObject({ action: 'create', target: { lessonId: Q2 }, old: null, new: { code: '5' }, actorId: fx.teacherId });
    expect(records.find((r) => r.target.studentId === student(0) && r.action === 'update')).toMatchObject({ old: { code: '5' }, new: { code: '4', reason: 'устный зачёт по теме не сдан' } });
    const head = (log.Items ?? []).find((i) => i.type === 'changeLogHead');
    expect(head!.seq).toBe(Math.max(...(log.Items ?? []).filter((i) => i.type === 'changeLog').map((i) => i.seq as number)));
    const shown = await (await as('classteacher')).get(`${CLASS('5a')}/periods/${Q2}/change-log?subject=${MATH}`);
    expect(shown.status).toBe(200);
    expect(shown.body.verification).toMatchObject({ ok: true });
    expect(shown.body.records.some((r: { entity: string }) => r.entity === 'finalMark')).toBe(true);
  });

  it('should show the stored marks in the table with their reasons', async () => {
    const res = await (await as('deputy')).get(table('5a'));
    const m = res.body.marks.find((x: { studentId: string; subjectId: string }) => x.studentId === student(3) && x.subjectId === MATH);
    expect(m).toMatchObject({ code: '4', text: '4 (не сдана контрольная работа)', reason: 'не сдана контрольная работа' });
  });
});

describe('year marks', () => {
  it('should need a reason for a year mark while a period has no mark, and log it in the last period\'s chain', async () => {
    // The year's marks open on the last school day of the 4th quarter.
    standAt(mskNoon('2027-05-26'));
    const bare = await put('teacher', cell('5a', 'year', MATH, student(0)), { code: '4' });
    expect(bare.status, JSON.stringify(bare.body)).toBe(400);
    expect(bare.body.error.message).toContain('Не выставлены: 1 четверть, 3 четверть, 4 четверть');
    const withReason = await put('teacher', cell('5a', 'year', MATH, student(0)), { code: '4', reason: 'по итогам 2 четверти и контрольных работ' });
    expect(withReason.status, JSON.stringify(withReason.body)).toBe(200);
    const year = await (await as('classteacher')).get(`${CLASS('5a')}/year-marks`);
    expect(year.body.marks).toContainEqual(expect.objectContaining({ kind: 'year', studentId: student(0), code: '4' }));
    expect(year.body.queryPages).toBe(1);
    // Grade 5 has no exam and no final mark (clause: certificates in grades 9 and 11).
    const exam = await put('teacher', cell('5a', 'final', MATH, student(0)), { code: '4' });
    expect(exam.status).toBe(400);
  });
});

describe('the year, exam and final table (clauses 3.9, 3.10)', () => {
  it('should let the class teacher set a colleague\'s year mark and refuse the deputy, who reads it', async () => {
    standAt(mskNoon('2027-05-26'));
    const set = await put('classteacher', cell('5a', 'year', ENG, student(1)), { code: '5', reason: 'по итогам 2 четверти и проектной работы' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.mark).toMatchObject({ kind: 'year', code: '5', setByName: expect.any(String) });
    const deputy = await put('deputy', cell('5a', 'year', ENG, student(2)), { code: '4', reason: 'по итогам года' });
    expect(deputy.status).toBe(403);
    expect(deputy.body.error.message).toMatch(/[а-я]/);
    const read = await (await as('deputy')).get(`${CLASS('5a')}/year-marks`);
    expect(read.status).toBe(200);
    expect(read.body.subjects.some((s: { canSet: boolean }) => s.canSet)).toBe(false);
    expect(read.body.marks).toContainEqual(expect.objectContaining({ kind: 'year', subjectId: ENG, studentId: student(1), code: '5', reason: 'по итогам 2 четверти и проектной работы' }));
  });

  it('should judge a final mark of grade 9 against its year mark: the same mark needs no reason, another one does', async () => {
    const nine = (await listStudentsOfClass(SCH, '9a'))[0]!.studentId;
    await batchWriteAll(loadLineItems({ schoolId: SCH, yearId: '2026', classId: '9a', subjectId: MATH, hoursPerWeek: 4, teacherId: fx.teacherId, version: 1 }));
    const year = await (await as('teacher')).get(`${CLASS('9a')}/year-marks`);
    expect(year.status, JSON.stringify(year.body)).toBe(200);
    const windows = Object.fromEntries(year.body.kinds.map((k: { kind: string; window: { opensOn: string } }) => [k.kind, k.window]));
    standAt(mskNoon(windows.year.opensOn));
    expect((await put('teacher', cell('9a', 'year', MATH, nine), { code: '4', reason: 'по итогам контрольных работ' })).status).toBe(200);
    standAt(mskNoon(windows.final.opensOn));
    const differing = await put('teacher', cell('9a', 'final', MATH, nine), { code: '5' });
    expect(differing.status, JSON.stringify(differing.body)).toBe(400);
    expect(differing.body.error.message).toContain('укажите причину');
    const same = await put('teacher', cell('9a', 'final', MATH, nine), { code: '4' });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    const after = await (await as('deputy')).get(`${CLASS('9a')}/year-marks`);
    expect(after.body.marks).toContainEqual(expect.objectContaining({ kind: 'final', subjectId: MATH, studentId: nine, code: '4' }));
    // No exam in this subject's curriculum line: the exam column refuses with its reason.
    const noExam = await put('teacher', cell('9a', 'exam', MATH, nine), { code: '4' });
    expect(noExam.status).toBe(400);
    // With an exam, the final mark agrees with the mean of the year and exam marks: (4 + 5) / 2 = 4,5 → «5».
    await batchWriteAll(loadLineItems({ schoolId: SCH, yearId: '2026', classId: '9a', subjectId: MATH, hoursPerWeek: 4, teacherId: fx.teacherId, exam: true, version: 2 }));
    expect((await put('teacher', cell('9a', 'exam', MATH, nine), { code: '5' })).status).toBe(200);
    const agreed = await put('teacher', cell('9a', 'final', MATH, nine), { code: '5', version: same.body.version });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    const withExam = await (await as('deputy')).get(`${CLASS('9a')}/year-marks`);
    expect(withExam.body.subjects.find((x: { subjectId: string }) => x.subjectId === MATH)).toMatchObject({ hasExam: true, passFail: false });
  });
});

describe('early warnings (R-63) and the family\'s view', () => {
  it('should list the class\'s students heading for «н/а» with the days left, for its staff only', async () => {
    standAt(mskNoon('2026-12-01'));
    const res = await (await as('classteacher')).get(`${CLASS('5a')}/periods/${Q2}/early-warnings`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const few = res.body.students.find((s: { studentId: string; subjectId?: string }) => s.studentId === student(4) && s.subjectId === MATH);
    expect(few).toBeDefined();
    expect(few.daysLeft).toBe(28);
    expect(few.warnings.map((w: { kind: string }) => w.kind)).toContain('fewMarks');
    expect(few.warnings[0].message).toContain('До конца периода (29.12.2026) осталось 28 дней');
    expect((await (await as('parent')).get(`${CLASS('5a')}/periods/${Q2}/early-warnings`)).status).toBe(403);
  });

  it('should list every class of the school for the deputy in one Query per class, and refuse the class staff', async () => {
    standAt(mskNoon('2026-12-01'));
    const deputy = await as('deputy');
    const url = `/api/schools/${SCH}/early-warnings?period=${Q2}`;
    const before = ddbRequestCounter.count;
    const res = await deputy.get(url);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    // The school, classes, year, curriculum and subjects once; then one Query per class (and its pages), nothing written.
    expect(ddbRequestCounter.count - before).toBe(5 + res.body.queryPages);
    const five = res.body.classes.find((c: { classId: string }) => c.classId === '5a');
    expect(five.period.periodId).toBe(Q2);
    const few = five.students.find((s: { studentId: string; subjectId?: string }) => s.studentId === student(4) && s.subjectId === MATH);
    expect(few).toMatchObject({ daysLeft: 28, subjectName: 'Математика (проверка)', studentName: expect.stringMatching(/^\S+ \S+/) });
    expect(few.warnings[0].message).toMatch(/^Отметок|^\d/);
    // Grades on halves are judged in the half holding the quarter's last day.
    expect(res.body.classes.find((c: { classId: string }) => c.classId === '10a').period.periodId).toBe(H1);
    // Every class with a curriculum (the fixture's), checked even when nobody in it is warned.
    expect(res.body.classes.map((c: { classId: string }) => c.classId)).toEqual(expect.arrayContaining(['1a', '5a', '10a']));
    for (const login of ['classteacher', 'teacher', 'parent']) expect((await (await as(login)).get(url)).status, login).toBe(403);
    expect((await deputy.get(`/api/schools/${SCH}/early-warnings?period=nope`)).status).toBe(404);
  });

  it('should give a student their own report and say nothing of anybody else\'s', async () => {
    standAt(mskNoon('2026-12-01'));
    const own = await (await as('student')).get(`${CLASS('5a')}/periods/${Q2}/students/${demoStudentId}/period-report`);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.studentId).toBe(demoStudentId);
    expect(own.body.rule).toContain('округляется');
    expect(own.body.rules.thresholds).toEqual({ mark5: 4.5, mark4: 3.5, mark3: 2.5 });
    // The diary's what-if: the same pure function, the report's lines and rules.
    const subject = own.body.subjects.find((s: { justification: { lines: unknown[] } }) => s.justification.lines.length > 0);
    expect(subject.subjectId).toBe(MATH);
    expect(subject.justification).toMatchObject({ average: 4, implied: 4, minimum: { count: 3, required: 5, met: false } });
    expect(subject.warnings.map((w: { kind: string }) => w.kind)).toContain('fewMarks');
    const counted = subject.justification.lines.map((l: { date: string; workType: WorkTypeId; value: number }) => ({ date: l.date, workType: l.workType, value: l.value }));
    const next = whatIf(counted, [{ workType: 'test', value: 2 }], own.body.rules, subject.justification.minimum.hoursPerWeek, '2026-12-01');
    expect(next.lines.length).toBe(counted.length + 1);
    expect(next.average!).toBeLessThan(subject.justification.average);
    const other = await (await as('student')).get(`${CLASS('5a')}/periods/${Q2}/students/${student(0)}/period-report`);
    expect(other.status).toBe(404);
    expect((await (await as('teacher')).get(`${CLASS('5a')}/periods/${Q2}/students/${demoStudentId}/period-report`)).status).toBe(404);
  });

  it('should find a parent\'s child\'s current period from the student alone and hide another family\'s child behind 404', async () => {
    standAt(mskNoon('2026-12-01'));
    const model = buildDemoModel({ now: mskNoon('2026-11-30') });
    const [mine, theirs] = (['parent', 'parent2'] as const).map((f) => model.parents.find((p) => p.fixed === f)!.childIds);
    const own = mine!.find((id) => model.students.find((s) => s.studentId === id)?.classId === '5a')!;
    const other = theirs!.find((id) => !mine!.includes(id))!;
    const parent = await as('parent');
    const report = await parent.get(`/api/schools/${SCH}/students/${own}/period-report`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body).toMatchObject({ studentId: own, classId: '5a', period: { periodId: Q2 } });
    expect(report.body.periods.length).toBeGreaterThan(1);
    expect((await parent.get(`/api/schools/${SCH}/students/${own}/period-report?period=nope`)).status).toBe(404);
    // Changing the id in either address tells nothing about another family's child.
    for (const url of [`/api/schools/${SCH}/students/${other}/period-report`, `${CLASS('5a')}/periods/${Q2}/students/${other}/period-report`]) {
      const res = await parent.get(url);
      expect(res.status, url).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(other);
    }
  });

  it('should give the teacher\'s justification the period\'s rules, so the what-if weighs a new work type as the server does', async () => {
    standAt(mskNoon('2026-12-01'));
    const res = await (await as('teacher')).get(table('5a', Q2, MATH));
    expect(res.status).toBe(200);
    expect(res.body.justification.rules.thresholds).toEqual({ mark5: 4.5, mark4: 3.5, mark3: 2.5 });
    expect(res.body.justification.rules.weights.test).toBeGreaterThan(0);
  });
});

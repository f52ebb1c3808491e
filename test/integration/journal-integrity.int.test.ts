/**
 * The journal checked against its change log, over HTTP on DynamoDB Local (issue 11, items 5 and
 * 6): the demo's 5А, kept through the API, agrees with its log; a mark, an attendance entry, a
 * topic and a period mark changed (or written) directly in the table with the log left alone are
 * each reported with the value by the log and the value in the table, while the chain check still
 * says the log is whole; the change-log API carries each record's hashes, verified here with this
 * file's own SHA-256 and canonical JSON (README recipe). A change entered under an approved request
 * appears in the change table and its PDF, and the register's PDF reads in Russian.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, ddbRequestCounter, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { transact } from '../../shared/db/transact';
import { chainNext } from '../../shared/domain/journal-log';
import { changeLogOps } from '../../shared/repos/change-log';
import { markPutOp, readHead } from '../../shared/repos/journal';
import { finalMarkItem } from '../../shared/repos/period-marks';
import { checkJournalIntegrity } from '../../shared/services/journal-integrity';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { base, journalFixture, MATH, mskNoon, Q2, SCH, YEAR, type JournalFixture } from './journal-fixture';

let api: ApiServer;
let fx: JournalFixture;
const { standAt, as } = clockedClients(() => api.url);
const NOW = mskNoon('2026-11-30');
const PERIOD = `/api/schools/${SCH}/classes/5a/periods/${Q2}`;
const M5 = base('5a', Q2, MATH);
const TODAY = '2026-11-30.8.all';

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(NOW, { setUp: true });
  fx = await journalFixture(NOW);
  api = await startApi();
  standAt(NOW);
});
afterAll(async () => {
  await api?.stop();
});

const check = async (login = 'deputy') => (await as(login)).get(`${PERIOD}/integrity`);

function pdfText(bytes: Buffer): string | null {
  if (!existsSync('/usr/bin/pdftotext')) return null;
  const file = join(mkdtempSync(join(tmpdir(), 'corr-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
}

describe('the journal against its change log', () => {
  it('should find a journal kept through the API in agreement with its log, in one Query of the partition', async () => {
    const teacher = await as('teacher');
    const [s0, s1] = [fx.fiveA[0]!.studentId, fx.fiveA[1]!.studentId];
    const ok = (r: { status: number; body: unknown }) => expect(r.status, JSON.stringify(r.body)).toBe(200);
    ok(await teacher.send('PUT', `${M5}/lessons/${TODAY}`, { topic: 'Сложение дробей', workTypes: ['lessonAnswer'], version: 1, requestId: randomUUID() }));
    ok(await teacher.send('PUT', `${M5}/marks`, { lessonId: TODAY, studentId: s0, workType: 'lessonAnswer', value: 3, version: 0, requestId: randomUUID() }));
    ok(await teacher.send('PUT', `${M5}/marks`, { lessonId: TODAY, studentId: s0, workType: 'lessonAnswer', value: 4, comment: 'у доски', version: 1, requestId: randomUUID() }));
    ok(await teacher.send('PUT', `${M5}/attendance`, { lessonId: TODAY, studentId: s1, kind: 'absent', reason: 'illness', version: 0, requestId: randomUUID() }));

    const res = await check();
    expect(res.status).toBe(200);
    expect(res.body.differences).toEqual([]);
    expect(res.body).toMatchObject({ ok: true, className: '5А', chain: { ok: true }, queryPages: 1 });
    // The demo's own journal of 5А is in the same partition: hundreds of records replayed.
    expect(res.body.records).toBeGreaterThan(100);

    // The service alone: the partition, the subjects, the class, the year (no cards: nothing differs).
    const before = ddbRequestCounter.count;
    await checkJournalIntegrity(SCH, '5a', Q2, NOW);
    expect(ddbRequestCounter.count - before).toBeLessThanOrEqual(4);
  });

  it('should report each cell changed directly in the table, while the chain of the log stays whole', async () => {
    const [s0, s1, s2] = [fx.fiveA[0]!.studentId, fx.fiveA[1]!.studentId, fx.fiveA[2]!.studentId];
    const lesson = { date: '2026-11-30', lessonNo: 8, groupId: 'all' };
    const update = (key: { pk: string; sk: string }, set: string, values: Record<string, unknown>) =>
      dynamo().send(new UpdateCommand({ TableName: tableName(), Key: key, UpdateExpression: set, ExpressionAttributeValues: values }));
    await dynamo().send(new UpdateCommand({ TableName: tableName(), Key: keys.mark(SCH, '5a', Q2, MATH, lesson, s0, 'lessonAnswer'), UpdateExpression: 'SET #v = :v', ExpressionAttributeNames: { '#v': 'value' }, ExpressionAttributeValues: { ':v': 5 } }));
    await update(keys.attendance(SCH, '5a', Q2, MATH, lesson, s1), 'SET reason = :r', { ':r': 'valid' });
    await update(keys.lesson(SCH, '5a', Q2, MATH, lesson.date, lesson.lessonNo, lesson.groupId), 'SET topic = :t', { ':t': 'Вычитание дробей' });
    const slot = { schoolId: SCH, classId: '5a', yearId: YEAR, kind: 'period' as const, periodId: Q2, subjectId: MATH, studentId: s2 };
    await dynamo().send(
      new PutCommand({ TableName: tableName(), Item: finalMarkItem(slot, { ...slot, code: '5', setBy: 'x', setByName: 'Некто', setAt: NOW.toISOString(), firstSetAt: NOW.toISOString(), late: false, version: 1 }) }),
    );

    const res = await check('director');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.chain.ok).toBe(true);
    const found = res.body.differences.map((d: any) => [d.kind, d.studentId ?? d.field, d.byLogText, d.inTableText]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['mark', s0, '4, комментарий «у доски»', '5, комментарий «у доски»'],
        ['attendance', s1, 'б', 'уп'],
        ['lesson', 'topic', '«Сложение дробей»', '«Вычитание дробей»'],
        ['finalMark', s2, 'пусто', '5'],
      ]),
    );
    expect(found).toHaveLength(4);
    const mark = res.body.differences.find((d: any) => d.kind === 'mark');
    expect(mark.cellText).toBe(`Математика (проверка), 30.11.2026, 8-й урок, ${fx.fiveA[0]!.lastName} ${fx.fiveA[0]!.firstName}: текущая отметка (ответ на уроке)`);
    // The chain check on the change-log screen cannot see any of it: the log was not touched.
    const log = await (await as('deputy')).get(`${PERIOD}/change-log?subject=${MATH}`);
    expect(log.body.verification.ok).toBe(true);
  });

  it('should be for those who control the journal: the director, the deputy, the department; 403 to a teacher, the class teacher and a parent', async () => {
    expect((await check('uo')).status).toBe(200);
    for (const login of ['teacher', 'classteacher', 'parent']) expect((await check(login)).status, login).toBe(403);
    expect((await (await as('deputy')).get(`/api/schools/${SCH}/classes/5a/periods/2031-q9/integrity`)).status).toBe(404);
  });
});

describe('the change log outside the product', () => {
  const canonical = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
    if (typeof v === 'object') {
      const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
    }
    return JSON.stringify(v);
  };
  const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

  it('should give every record its partition, previous hash and hash, and the heads, so the chain verifies by the README recipe', async () => {
    const deputy = await as('deputy');
    const records: any[] = [];
    let heads: any[] = [];
    for (let page = 1; ; page++) {
      const res = await deputy.get(`${PERIOD}/change-log?page=${page}`);
      expect(res.status).toBe(200);
      records.push(...res.body.records);
      heads = res.body.heads;
      if (page * res.body.pageSize >= res.body.total) break;
    }
    expect(records.length).toBeGreaterThan(100);
    const bySubject = new Map<string, any[]>();
    for (const r of records) bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), r]);
    for (const [subjectId, chain] of bySubject) {
      chain.sort((a, b) => a.seq - b.seq);
      let prev = sha(`zhurnal-change-log|${keys.journalPartition(SCH, '5a', Q2)}|${subjectId}`);
      chain.forEach((r, i) => {
        const { subjectName: _s, studentName: _n, lesson: _l, description: _d, hash, ...stored } = r;
        expect(r.seq).toBe(i + 1);
        expect(r.prevHash).toBe(prev);
        expect(sha(canonical(stored))).toBe(hash);
        prev = hash;
      });
      expect(heads.find((h) => h.subjectId === subjectId)).toEqual({ subjectId, seq: chain.length, hash: prev });
    }
  });
});

describe('the documents of corrections (clauses 7.3, 7.5)', () => {
  it('should list a change entered under an approved request in the change table and its PDF, and print the register', async () => {
    const s3 = fx.fiveA[3]!.studentId;
    const filed = await (await as('teacher')).send('POST', `/api/schools/${SCH}/classes/5a/corrections`, {
      periodId: Q2,
      reason: 'retake',
      document: { kind: 'Протокол пересдачи', number: '7', date: '2026-11-27' },
      explanation: 'Пересдача самостоятельной работы после болезни.',
      cells: [{ kind: 'mark', subjectId: MATH, date: '2026-11-16', lessonNo: 8, groupId: 'all', studentId: s3, workType: 'lessonAnswer', from: null, to: '5' }],
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const no = filed.body.correction.number as number;
    const approved = await (await as('director')).send('POST', `/api/schools/${SCH}/years/${YEAR}/corrections/${no}/decision`, { decision: 'approve', comment: 'Разрешаю', version: 1 });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    // The deputy's entry, as its service writes it: the cell and its record naming the request, in one transaction.
    const place = { schoolId: SCH, classId: '5a', periodId: Q2, subjectId: MATH };
    const lesson = { date: '2026-11-16', lessonNo: 8, groupId: 'all' };
    const head = await readHead(place);
    const record = chainNext(
      {
        partition: keys.journalPartition(SCH, '5a', Q2),
        subjectId: MATH,
        at: NOW.toISOString(),
        actorId: 'deputy-id',
        actorName: 'Заместитель Директора',
        action: 'create',
        entity: 'mark',
        target: { lessonId: '2026-11-16.8.all', studentId: s3, workType: 'lessonAnswer' },
        old: null,
        new: { value: 5 },
        reason: `по заявке № ${no}`,
        correctionNo: no,
      },
      head,
    );
    const mark = { ...lesson, studentId: s3, workType: 'lessonAnswer' as const, value: 5, weight: 1, version: 1, setBy: 'deputy-id', setAt: NOW.toISOString() };
    await transact([markPutOp(place, mark, null), ...changeLogOps(place, record, head?.seq ?? 0)]);

    const table = await (await as('director')).get(`${PERIOD}/correction-changes`);
    expect(table.status).toBe(200);
    expect(table.body.rows).toHaveLength(1);
    expect(table.body.rows[0]).toMatchObject({
      correctionNo: no,
      actorName: 'Заместитель Директора',
      subjectName: 'Математика (проверка)',
      lesson: { date: '2026-11-16', lessonNo: 8 },
      reasonText: 'Пересдача по уважительной причине',
      document: { kind: 'Протокол пересдачи', number: '7' },
      approval: { text: 'Разрешено директором' },
    });
    expect(table.body.rows[0].description).toContain('отметка 5');

    const pdf = await (await as('deputy')).get(`${PERIOD}/correction-changes/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('izmeneniya-5a-2026-q2.pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.body as Buffer);
    if (text) {
      expect(text).toContain('Таблица учета изменений в электронном журнале');
      expect(text).toContain('5А класс');
      expect(text).toMatch(new RegExp(`№ ?${no}`));
      for (const words of ['Пересдача по уважительной причине', 'Протокол пересдачи № 7 от', '27.11.2026', 'Разрешено директором', 'Математика (проверка)', '16.11.2026, 8-й урок', 'отметка 5, ответ на уроке']) {
        expect(text).toContain(words);
      }
    }

    const register = await (await as('director')).get(`/api/schools/${SCH}/years/${YEAR}/correction-register/pdf?classId=5a&reason=retake`);
    expect(register.status).toBe(200);
    const reg = pdfText(register.body as Buffer);
    if (reg) {
      expect(reg).toContain('Журнал регистрации заявок на корректировку');
      expect(reg).toContain('класс: 5А');
      expect(reg).toContain('Математика (проверка), 16.11.2026 (8-й урок)');
      expect(reg).toContain('текущая отметка, было: пусто, стало: 5');
      expect(reg).toContain('Разрешено директором');
    }
    // A filter that keeps nothing still prints the register, saying so; a bad filter is a 400 in Russian.
    const none = await (await as('director')).get(`/api/schools/${SCH}/years/${YEAR}/correction-register/pdf?reason=teacherAbsence`);
    if (pdfText(none.body as Buffer) !== null) expect(pdfText(none.body as Buffer)).toContain('Заявок нет');
    const bad = await (await as('director')).get(`/api/schools/${SCH}/years/${YEAR}/correction-register/pdf?state=lost`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/состояние/);

    // A teacher files requests but reads no change table; a parent reaches nothing.
    expect((await (await as('teacher')).get(`${PERIOD}/correction-changes`)).status).toBe(403);
    expect((await (await as('parent')).get(`${PERIOD}/correction-changes/pdf`)).status).toBe(403);
  });
});

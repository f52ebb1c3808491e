/**
 * The archive over HTTP against DynamoDB Local and the local S3 server (issue 14;
 * clause 1.8): the director approves a stored document once and the approved copy carries who and
 * when (pdftotext) in front of the untouched original; the deputy lists and downloads, sets a legal
 * hold that only the director lifts; the checksum check finds a changed approved copy; a deputy
 * cannot approve, a teacher is refused (403), a parent and another school's director learn nothing
 * (404), the department's specialist reads only.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { config } from '../../shared/config';
import { dynamo, s3Client, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { getArchived } from '../../shared/repos/archive';
import { findAccountByLogin } from '../../shared/repos/accounts';
import { queryAll } from '../../shared/db/query';
import { renderPdf } from '../../shared/reports/pdf';
import { archiveDocument, type ArchivedDocument } from '../../shared/services/archive';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';

const SCH = 'sch53';
const ARCHIVE = `/api/schools/${SCH}/archive/2026`;
const SHEET = `${ARCHIVE}/2026-q1/5a/summary-marks`;
const MANIFEST = `${ARCHIVE}/2026-q1/-/close-manifest`;
/** Moscow 12:00. */
const msk = (date: string) => new Date(`${date}T09:00:00Z`);

let api: ApiServer;
const { standAt, as } = clockedClients(() => api.url);
let sheet: ArchivedDocument;
let directorName: string;
const dir = mkdtempSync(join(tmpdir(), 'zhurnal-archive-api-'));

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(msk('2026-11-30'));
  // Another school of the department with its own director (the 404).
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...keys.school('krd', 'sch7'), type: 'school', schoolId: 'sch7', departmentId: 'krd', name: 'МАОУ СОШ № 7', shortName: 'СОШ № 7', city: 'Краснодар', timeZone: 'Europe/Moscow' } }));
  const director = (await findAccountByLogin('director'))!;
  directorName = [director.lastName, director.firstName, director.middleName].filter(Boolean).join(' ');
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...keys.account('u-director7'), ...keys.accountByLogin('director7'), type: 'account', ...director, userId: 'u-director7', login: 'director7', grants: [{ role: 'director', schoolId: 'sch7' }] } }));
  const stored = { schoolId: SCH, yearId: '2026', periodId: '2026-q1', retention: 'summarySheets' as const, now: new Date('2026-11-03T21:20:00Z') };
  sheet = await archiveDocument({
    ...stored,
    classId: '5a',
    kind: 'summary-marks',
    title: 'Сводная ведомость учёта успеваемости, 5А, 1 четверть',
    fileName: 'svodnaya-5a-2026-q1.pdf',
    body: await renderPdf({ content: [{ text: 'Сводная ведомость учёта успеваемости обучающихся 5А' }] }),
    contentType: 'application/pdf',
  });
  await archiveDocument({ ...stored, kind: 'close-manifest', title: 'Опись документов закрытия периода', fileName: 'manifest.json', body: new TextEncoder().encode('{"files":[]}'), contentType: 'application/json' });
  api = await startApi();
  standAt(msk('2026-11-30'));
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const pdfText = (bytes: Buffer) => {
  const file = join(dir, `${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe('who reaches the archive', () => {
  it('should let the deputy list and download but not approve, and say what each may do', async () => {
    const deputy = await as('deputy');
    const list = await deputy.get(ARCHIVE);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.documents.map((d: { docId: string }) => d.docId)).toEqual(['2026/2026-q1/-/close-manifest', '2026/2026-q1/5a/summary-marks']);
    expect(list.body.may).toEqual({ approve: false, setLegalHold: true, liftLegalHold: false });
    expect(list.body.documents[1]).toMatchObject({ sha256: sheet.sha256, retainUntil: '2051-11-04T21:20:00.000Z', retention: 'summarySheets' });
    expect(JSON.stringify(list.body)).not.toContain('summary-sheets/archive');
    expect((await deputy.get(`${ARCHIVE}?periodId=2026-q1&classId=5a`)).body.documents).toHaveLength(1);
    const byKind = (await deputy.get(`${ARCHIVE}?kind=close-manifest`)).body;
    expect(byKind.documents).toHaveLength(1);
    // The kinds to choose from are those of the period and class, whatever kind is chosen.
    expect(byKind.kinds).toEqual([
      { kind: 'close-manifest', title: 'Опись документов закрытия периода' },
      { kind: 'summary-marks', title: 'Сводная ведомость учёта успеваемости, 5А, 1 четверть' },
    ]);
    const file = await deputy.get(`${SHEET}/file`);
    expect(file.status).toBe(200);
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(sheet.sha256);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="svodnaya-5a-2026-q1.pdf"');
    const refused = await deputy.post(`${SHEET}/approval`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Утверждает документы директор школы.');
  });

  it('should refuse a teacher (403), hide the school from a parent and another school\'s director (404), let the department read only', async () => {
    const teacher = await as('teacher');
    expect((await teacher.get(ARCHIVE)).status).toBe(403);
    expect((await teacher.get(`${SHEET}/file`)).status).toBe(403);
    const parent = await as('parent');
    expect((await parent.get(ARCHIVE)).status).toBe(404);
    expect((await parent.get(`${SHEET}/file`)).status).toBe(404);
    const other = await as('director7');
    expect((await other.get(ARCHIVE)).status).toBe(404);
    expect((await other.get(`${SHEET}/file`)).status).toBe(404);
    expect((await other.post(`${SHEET}/approval`)).status).toBe(404);
    expect((await other.post(`${SHEET}/legal-hold`, { reason: 'Жалоба' })).status).toBe(404);
    // Their own school's archive holds nothing of school 53: the same document is not found there.
    expect((await other.get('/api/schools/sch7/archive/2026')).body.documents).toEqual([]);
    expect((await other.get('/api/schools/sch7/archive/2026/2026-q1/5a/summary-marks/file')).status).toBe(404);
    const uo = await as('uo');
    expect((await uo.get(ARCHIVE)).body.may).toEqual({ approve: false, setLegalHold: false, liftLegalHold: false });
    expect((await uo.post(`${SHEET}/approval`)).status).toBe(403);
    expect((await uo.post(`${SHEET}/legal-hold`, { reason: 'Проверка УО' })).status).toBe(403);
  });

  it('should answer 404 for a document that is not there and 400 for a malformed year', async () => {
    const director = await as('director');
    expect((await director.get(`${ARCHIVE}/2026-q1/5a/movement/file`)).status).toBe(404);
    expect((await director.post(`${ARCHIVE}/2026-q1/5a/movement/approval`)).status).toBe(404);
    expect((await director.get(`${SHEET}/file?copy=approved`)).status).toBe(404);
    expect((await director.get('/api/schools/sch53/archive/26')).status).toBe(400);
  });
});

describe("the director's approval", () => {
  it('should store the approved copy with who and when in front of the untouched original, once', async () => {
    const director = await as('director');
    const res = await director.post(`${SHEET}/approval`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.document.approval).toMatchObject({ byName: directorName, on: '2026-11-30', at: msk('2026-11-30').toISOString(), fileName: 'svodnaya-5a-2026-q1-utverzhdeno.pdf' });
    // The same retention class: the copy is kept 25 years from its own storing.
    expect(res.body.document.approval.retainUntil).toBe('2051-12-01T09:00:00.000Z');

    const again = await director.post(`${SHEET}/approval`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(`Документ уже утверждён 30.11.2026 (${directorName}); повторное утверждение не требуется.`);

    const copy = (await (await as('deputy')).get(`${SHEET}/file?copy=approved`)).body as Buffer;
    expect(createHash('sha256').update(copy).digest('hex')).toBe(res.body.document.approval.sha256);
    expect(createHash('sha256').update(copy.subarray(0, sheet.size)).digest('hex')).toBe(sheet.sha256);
    const text = pdfText(copy);
    expect(text).toContain('УТВЕРЖДАЮ');
    expect(text).toMatch(/Директор МАОУ/);
    expect(text).toContain(directorName);
    expect(text).toContain('30.11.2026');
    expect(text).toContain(sheet.sha256);
    expect(text).toContain('Сводная ведомость учёта успеваемости обучающихся 5А');

    const record = await getArchived(sheet, true);
    expect(record?.approval?.by).toEqual({ userId: (await findAccountByLogin('director'))!.userId, displayName: directorName });
    const audit = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(SCH, '2026-11') } });
    expect(audit.filter((a) => a.action === 'archive.approve').map((a) => a.entity)).toEqual([`ARCH#${sheet.docId}`]);
  });

  it('should refuse to approve a file that is not a printed document', async () => {
    const res = await (await as('director')).post(`${MANIFEST}/approval`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/PDF/);
    // A PDF not written as the journal writes them cannot take the sheet: refused, nothing recorded.
    const odd = await archiveDocument({ schoolId: SCH, yearId: '2026', periodId: '2026-q2', classId: '5a', kind: 'scanned', retention: 'journals', title: 'Скан', fileName: 'scan.pdf', body: new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), contentType: 'application/pdf', now: msk('2026-11-30') });
    const refused = await (await as('director')).post(`${ARCHIVE}/2026-q2/5a/scanned/approval`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/нельзя добавить лист утверждения/);
    expect((await getArchived(odd, true))?.approval).toBeUndefined();
  });
});

describe('legal hold and checksums', () => {
  it('should let the deputy hold a document and only the director lift it, each once, with a reason', async () => {
    const deputy = await as('deputy');
    expect((await deputy.post(`${SHEET}/legal-hold`, { reason: '' })).status).toBe(400);
    const held = await deputy.post(`${SHEET}/legal-hold`, { reason: 'Жалоба родителя от 29.11.2026' });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body.document.legalHold).toMatchObject({ on: true, reason: 'Жалоба родителя от 29.11.2026' });
    expect((await deputy.post(`${SHEET}/legal-hold`, { reason: 'Ещё раз' })).status).toBe(409);
    expect((await deputy.post(`${SHEET}/legal-hold/lift`, { reason: 'Спор разрешён' })).status).toBe(403);
    const lifted = await (await as('director')).post(`${SHEET}/legal-hold/lift`, { reason: 'Спор разрешён' });
    expect(lifted.status).toBe(200);
    expect(lifted.body.document.legalHold).toMatchObject({ on: false, reason: 'Спор разрешён', byName: directorName });
  });

  it('should find an approved copy changed in the store', async () => {
    const deputy = await as('deputy');
    const before = await deputy.get(`${ARCHIVE}/checksums?periodId=2026-q1`);
    expect(before.body.checks).toEqual([
      { docId: '2026/2026-q1/-/close-manifest', title: 'Опись документов закрытия периода', original: 'ok' },
      { docId: sheet.docId, title: sheet.title, original: 'ok', approved: 'ok' },
    ]);
    const record = (await getArchived(sheet, true))!;
    await s3Client().send(new PutObjectCommand({ Bucket: config().reportBucket, Key: record.approval!.s3Key, Body: 'подмена', ContentType: 'application/pdf' }));
    const after = await deputy.get(`${ARCHIVE}/checksums?periodId=2026-q1&classId=5a`);
    expect(after.body.checks).toEqual([{ docId: sheet.docId, title: sheet.title, original: 'ok', approved: 'mismatch' }]);
  });
});

/**
 * The archive's store on DynamoDB Local and the local S3 server (issue 14; R-70): a slot stores
 * once, each object keeps its term to the day (leap-safe), the checksum check finds an object
 * changed behind the archive's back, and the legal hold is recorded and audited.
 */
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../shared/config';
import { s3Client } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/query';
import { archiveDocument, listArchive, readArchivedDocument, setLegalHold, verifyArchive, type ArchiveInput } from '../../shared/services/archive';
import { useTestTable } from '../support/dynamo';

beforeAll(async () => {
  await useTestTable();
});

const DAY = 24 * 3600 * 1000;
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.3\n${text}\n%%EOF\n`);
const input = (over: Partial<ArchiveInput> = {}): ArchiveInput => ({
  schoolId: 'sch-a',
  yearId: '2026',
  periodId: '2026-q1',
  classId: '5a',
  kind: 'summary-marks',
  retention: 'summarySheets',
  title: 'Сводная ведомость учёта успеваемости, 5А, 1 четверть',
  fileName: 'svodnaya-5a-2026-q1.pdf',
  body: pdf('сводная ведомость'),
  contentType: 'application/pdf',
  now: new Date('2026-11-03T21:30:00Z'),
  ...over,
});

/** The objects stored under a slot's folder in the report bucket. */
async function objectsUnder(prefix: string): Promise<string[]> {
  const out = await s3Client().send(new ListObjectsV2Command({ Bucket: config().reportBucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key!);
}

async function auditActions(schoolId: string, month: string): Promise<string[]> {
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(schoolId, month) } });
  return items.map((i) => i.action as string);
}

describe('archiveDocument', () => {
  it('should store a slot once: a second call answers the first record and stores nothing', async () => {
    const first = await archiveDocument(input());
    const second = await archiveDocument(input({ body: pdf('другое содержимое'), now: new Date('2026-11-04T21:30:00Z') }));
    expect(second).toEqual(first);
    expect(first.docId).toBe('2026/2026-q1/5a/summary-marks');
    expect(first.size).toBe(input().body.byteLength);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.s3Key).toBe(`summary-sheets/archive/sch-a/2026/2026-q1/5a/summary-marks/${first.sha256.slice(0, 16)}-svodnaya-5a-2026-q1.pdf`);
    const back = await readArchivedDocument(first);
    expect(Buffer.from(back.body).toString()).toContain('сводная ведомость');
    expect(await listArchive('sch-a', '2026')).toHaveLength(1);
    expect(await auditActions('sch-a', '2026-11')).toEqual(['archive.store']);
    // Nothing was put the second time: one object in the slot's folder.
    expect(await objectsUnder('summary-sheets/archive/sch-a/2026/2026-q1/5a/summary-marks/')).toEqual([first.s3Key]);
  });

  it('should answer the same record to two runs at once, whose object is the one stored under its key', async () => {
    const [a, b] = await Promise.all([archiveDocument(input({ kind: 'movement', body: pdf('a') })), archiveDocument(input({ kind: 'movement', body: pdf('b') }))]);
    expect(a).toEqual(b);
    // Both runs stored (each under its own checksum's key); the loser's object is an orphan that
    // no record names, and the record's checksum is that of the object it names.
    const stored = await objectsUnder('summary-sheets/archive/sch-a/2026/2026-q1/5a/movement/');
    expect(stored).toHaveLength(2);
    expect(stored).toContain(a.s3Key);
    expect((await verifyArchive('sch-a', '2026', { kind: 'movement' })).map((c) => c.original)).toEqual(['ok']);
  });

  it.each([
    // 2027-06-01 .. 2032-06-01 holds 2 leap days (2028, 2032): 1827 days is exactly 5 years.
    ['journals', '2027-06-01T10:00:00.000Z', 1827, '2032-06-01T10:00:00.000Z'],
    // 2027-06-01 .. 2052-06-01 holds 7 leap days: 9132 days is exactly 25 years.
    ['summarySheets', '2027-06-01T10:00:00.000Z', 9132, '2052-06-01T10:00:00.000Z'],
    // From a leap day: 5 years of 365 days plus 2 reach one day past 28.02.2033, never short of it.
    ['journals', '2028-02-29T12:00:00.000Z', 1827, '2033-03-01T12:00:00.000Z'],
  ] as const)('should keep a %s document from %s for %i days', async (retention, at, days, until) => {
    const now = new Date(at);
    const doc = await archiveDocument(input({ yearId: at.slice(0, 4), kind: `term-${retention.toLowerCase()}`, retention, now }));
    expect(doc.retainUntil).toBe(until);
    expect((Date.parse(doc.retainUntil) - now.getTime()) / DAY).toBe(days);
    expect(doc.s3Key.startsWith(retention === 'journals' ? 'journals/' : 'summary-sheets/')).toBe(true);
  });

  it('should refuse a kind or file name that could not be a key', async () => {
    await expect(archiveDocument(input({ kind: 'Summary Marks' }))).rejects.toThrow(/bad kind/);
    await expect(archiveDocument(input({ fileName: '../x.pdf' }))).rejects.toThrow(/bad file name/);
    await expect(archiveDocument(input({ periodId: '-' }))).rejects.toThrow(/bad period/);
  });

  it('should list a year narrowed by period, class and kind, year-wide documents first', async () => {
    await archiveDocument(input({ schoolId: 'sch-l', periodId: undefined, classId: '5a', kind: 'yearly-journal', retention: 'journals' }));
    await archiveDocument(input({ schoolId: 'sch-l', classId: '10a' }));
    await archiveDocument(input({ schoolId: 'sch-l', classId: '5a' }));
    await archiveDocument(input({ schoolId: 'sch-l', periodId: '2026-q2', classId: '5a' }));
    const ids = async (f: Parameters<typeof listArchive>[2]) => (await listArchive('sch-l', '2026', f)).map((d) => d.docId);
    expect(await ids({})).toEqual(['2026/-/5a/yearly-journal', '2026/2026-q1/5a/summary-marks', '2026/2026-q1/10a/summary-marks', '2026/2026-q2/5a/summary-marks']);
    expect(await ids({ periodId: '2026-q1' })).toEqual(['2026/2026-q1/5a/summary-marks', '2026/2026-q1/10a/summary-marks']);
    expect(await ids({ periodId: '2026-q1', classId: '10a' })).toEqual(['2026/2026-q1/10a/summary-marks']);
    expect(await ids({ classId: '5a', kind: 'summary-marks' })).toEqual(['2026/2026-q1/5a/summary-marks', '2026/2026-q2/5a/summary-marks']);
  });
});

describe('verifyArchive', () => {
  it('should find an object written over behind the archive, and one that is gone', async () => {
    const kept = await archiveDocument(input({ schoolId: 'sch-v' }));
    const tampered = await archiveDocument(input({ schoolId: 'sch-v', classId: '6b' }));
    const lost = await archiveDocument(input({ schoolId: 'sch-v', classId: '7v' }));
    expect((await verifyArchive('sch-v', '2026')).map((c) => c.original)).toEqual(['ok', 'ok', 'ok']);
    // The local S3 server has no Object Lock: a direct write shows what the check must catch.
    await s3Client().send(new PutObjectCommand({ Bucket: config().reportBucket, Key: tampered.s3Key, Body: pdf('подменённая ведомость'), ContentType: 'application/pdf' }));
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    await s3Client().send(new DeleteObjectCommand({ Bucket: config().reportBucket, Key: lost.s3Key }));
    const checks = await verifyArchive('sch-v', '2026');
    expect(checks.map((c) => [c.docId, c.original])).toEqual([
      [kept.docId, 'ok'],
      [tampered.docId, 'mismatch'],
      [lost.docId, 'missing'],
    ]);
  });
});

describe('legal hold', () => {
  const director = { userId: 'u-dir', displayName: 'Иванова Анна Петровна' };
  it('should be set and lifted once each, with its reason audited', async () => {
    const doc = await archiveDocument(input({ schoolId: 'sch-h', now: new Date('2026-12-01T08:00:00Z') }));
    const held = await setLegalHold(director, doc, true, 'Жалоба родителя от 01.12.2026', new Date('2026-12-02T08:00:00Z'));
    expect(held.legalHold).toMatchObject({ on: true, by: director, reason: 'Жалоба родителя от 01.12.2026' });
    await expect(setLegalHold(director, doc, true, 'ещё раз', new Date('2026-12-02T09:00:00Z'))).rejects.toMatchObject({ status: 409 });
    const lifted = await setLegalHold(director, doc, false, 'Спор разрешён', new Date('2026-12-03T08:00:00Z'));
    expect(lifted.legalHold).toMatchObject({ on: false, reason: 'Спор разрешён' });
    await expect(setLegalHold(director, doc, false, 'снова', new Date('2026-12-03T09:00:00Z'))).rejects.toMatchObject({ status: 409 });
    expect((await auditActions('sch-h', '2026-12')).sort()).toEqual(['archive.legalHold.lift', 'archive.legalHold.set', 'archive.store']);
  });
});

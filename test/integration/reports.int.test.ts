/**
 * The report store against the local S3 server: what is stored reads back byte for byte with its
 * retention recorded. (Object Lock itself is asserted on the CDK template: s3rver ignores it.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readReport, storeReport } from '../../shared/repos/reports';
import { useTestTable } from '../support/dynamo';

beforeAll(async () => {
  await useTestTable();
});

describe('report store (R-70)', () => {
  it('should store a summary sheet under its prefix and keep it 25 years', async () => {
    const body = new TextEncoder().encode('%PDF-1.7 сводная ведомость');
    const now = new Date('2027-06-01T10:00:00Z');
    const stored = await storeReport({ kind: 'summarySheets', name: 'sch53/2026/5a/year.pdf', body, contentType: 'application/pdf', now });
    expect(stored.key).toBe('summary-sheets/sch53/2026/5a/year.pdf');
    // 2027-06-01 to 2052-06-01 holds 7 leap days: 9132 days is exactly 25 years here, never less.
    expect(stored.retainUntil.toISOString()).toBe('2052-06-01T10:00:00.000Z');
    const back = await readReport(stored.key);
    expect(Buffer.from(back.body).equals(Buffer.from(body))).toBe(true);
    expect(back.contentType).toBe('application/pdf');
    expect(back.retainUntil).toBe(stored.retainUntil.toISOString());
  });

  it('should refuse a name that climbs out of its prefix', async () => {
    await expect(
      storeReport({ kind: 'journals', name: '../summary-sheets/x.pdf', body: new Uint8Array([1]), contentType: 'application/pdf', now: new Date() }),
    ).rejects.toThrow(/Bad report name/);
  });
});

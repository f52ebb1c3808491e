/**
 * Rendered reports in the report bucket. Each object gets its own Object Lock retain-until
 * date: the bucket's default retention covers journals, but summary sheets must outlive it.
 * Plain PutObject/GetObject only, so any S3-compatible storage can hold them.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { config } from '../config';
import { s3Client } from '../db/client';
import { REPORT_PREFIXES, retainUntil, type ReportKind } from '../domain/retention';

export interface StoredReport {
  key: string;
  retainUntil: Date;
}

export async function storeReport(input: {
  kind: ReportKind;
  /** Path below the kind's prefix, e.g. 'sch53/2026/5a/2026-q1/summary.pdf'. */
  name: string;
  body: Uint8Array;
  contentType: string;
  now: Date;
}): Promise<StoredReport> {
  if (input.name.includes('..') || input.name.startsWith('/')) throw new Error(`Bad report name: ${input.name}`);
  const key = REPORT_PREFIXES[input.kind] + input.name;
  const until = retainUntil(input.kind, input.now);
  const c = config();
  await s3Client().send(
    new PutObjectCommand({
      Bucket: c.reportBucket,
      Key: key,
      Body: input.body,
      ContentType: input.contentType,
      // The mode comes from the stack (REPORT_LOCK_MODE); a store without Object Lock (s3rver,
      // some compatible clouds) runs with none and relies on the bucket's own protection.
      ObjectLockMode: c.reportLockMode,
      ObjectLockRetainUntilDate: c.reportLockMode ? until : undefined,
      Metadata: { 'retain-until': until.toISOString() },
    }),
  );
  return { key, retainUntil: until };
}

export async function readReport(key: string): Promise<{ body: Uint8Array; contentType?: string; retainUntil?: string }> {
  const out = await s3Client().send(new GetObjectCommand({ Bucket: config().reportBucket, Key: key }));
  return {
    body: await out.Body!.transformToByteArray(),
    contentType: out.ContentType,
    retainUntil: out.Metadata?.['retain-until'],
  };
}

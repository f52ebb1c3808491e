/**
 * Rendered reports in the report bucket. Each object gets its own Object Lock retain-until
 * date: the bucket's default retention covers journals, but summary sheets must outlive it.
 * Plain PutObject/GetObject only, so any S3-compatible storage can hold them.
 */
import { GetObjectCommand, NoSuchKey, PutObjectCommand, PutObjectLegalHoldCommand } from '@aws-sdk/client-s3';
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
  /** SHA-256 of the body, lower-case hex: S3 checks the upload against it and keeps it (the archive's checksum). */
  sha256?: string;
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
      ...(input.sha256 ? { ChecksumSHA256: Buffer.from(input.sha256, 'hex').toString('base64') } : {}),
      Metadata: { 'retain-until': until.toISOString(), ...(input.sha256 ? { sha256: input.sha256 } : {}) },
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

/** The stored bytes of a key, or null when there is no such object (for the archive's checksum check). */
export async function readReportIfAny(key: string): Promise<Uint8Array | null> {
  try {
    return (await readReport(key)).body;
  } catch (e) {
    if (e instanceof NoSuchKey || (e as Error).name === 'NoSuchKey') return null;
    throw e;
  }
}

/**
 * Sets or lifts the Object Lock legal hold of an object (a document in a dispute): kept past its
 * retain-until date while on. Only where the store has Object Lock (`reportLockMode`); elsewhere
 * the archive's record of the hold is all there is, and false says so.
 */
export async function setReportLegalHold(key: string, on: boolean): Promise<boolean> {
  const c = config();
  if (!c.reportLockMode) return false;
  await s3Client().send(new PutObjectLegalHoldCommand({ Bucket: c.reportBucket, Key: key, LegalHold: { Status: on ? 'ON' : 'OFF' } }));
  return true;
}

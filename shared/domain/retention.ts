/**
 * How long stored reports are kept (R-70, clause 8.6): journals 5 years, summary sheets of marks
 * 25 years, then removed. In days, because S3 lifecycle and Object Lock count days: 5 calendar
 * years hold up to 2 leap days and 25 years up to 7, so `365 * n` would delete early.
 */
export const RETENTION_DAYS = {
  journals: 5 * 365 + 2, // 1827
  summarySheets: 25 * 365 + 7, // 9132
} as const;

export type ReportKind = keyof typeof RETENTION_DAYS;

/** Key prefixes in the report bucket; the bucket's lifecycle rules are keyed on them. */
export const REPORT_PREFIXES: Record<ReportKind, string> = {
  journals: 'journals/',
  summarySheets: 'summary-sheets/',
};

/** The Object Lock retain-until date of a document stored at `now`. */
export function retainUntil(kind: ReportKind, now: Date): Date {
  return new Date(now.getTime() + RETENTION_DAYS[kind] * 24 * 3600 * 1000);
}

/**
 * How long stored reports are kept (R-70, regulation clause 8.6): journals 5 years, summary sheets
 * of marks 25 years, then removed. In days, because S3 lifecycle and Object Lock count days: a span
 * of 5 calendar years holds up to 2 leap days and 25 years up to 7, so `365 * n` would delete early
 * (toolchain trap 15).
 */
export const RETENTION_DAYS = {
  journals: 5 * 365 + 2, // 1827
  summarySheets: 25 * 365 + 7, // 9132
} as const;

/** Key prefixes in the report bucket, each with its term. */
export const REPORT_PREFIXES = {
  journals: 'journals/',
  summarySheets: 'summary-sheets/',
} as const;

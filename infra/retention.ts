/**
 * How long stored reports are kept: journals 5 years, summary sheets 25 years, in days
 * (1827 and 9132, toolchain trap 15). The numbers live with the application code that sets each
 * object's retain-until date (shared/domain/retention.ts); the stack's lifecycle rules and Object
 * Lock default take them from there, so the two cannot disagree.
 */
export { REPORT_PREFIXES, RETENTION_DAYS, type ReportKind } from '../shared/domain/retention';

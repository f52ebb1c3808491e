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

/**
 * A former student's personal card (R-71; 152-FZ art. 5 p. 7: data kept no longer than its purpose
 * needs). It stays whole while the journals that name the student are kept (5 years, R-70) after
 * they left or graduated; then only what the archive needs to identify them in the summary sheets
 * (kept 25 years) and in the movement book remains: name, birth date, personal file number, class
 * and status. Address, gender, parents and the consent documents go.
 */
export const FORMER_CARD_DAYS = RETENTION_DAYS.journals;

const ARCHIVE_FIELDS = ['studentId', 'schoolId', 'classId', 'lastName', 'firstName', 'middleName', 'birthDate', 'personalFileNo', 'status', 'userId', 'version'] as const;

/** Whether the card of a student who left on `leftOn` (YYYY-MM-DD) is due to be reduced on `today`. */
export function cardRetentionEnded(leftOn: string, today: string): boolean {
  const due = new Date(Date.parse(`${leftOn}T00:00:00Z`) + FORMER_CARD_DAYS * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return due <= today;
}

/** The card as the archive keeps it, marked with the day it was reduced; a reduced card stays as it is. */
export function archivedCard<C extends { parentIds: string[]; archivedOn?: string }>(card: C, today: string): C {
  if (card.archivedOn) return card;
  const kept = Object.fromEntries(ARCHIVE_FIELDS.flatMap((f) => (f in card ? [[f, (card as Record<string, unknown>)[f]]] : [])));
  return { ...kept, parentIds: [], archivedOn: today } as unknown as C;
}

// --- the journal's data in the table: its removal date ------------------------------------

/**
 * How many years a school year's records stay in the table after the year ends: the journal's
 * items (lessons, marks, attendance, rosters, change log) as long as the journal (5), the period,
 * year, exam and final marks as long as the summary sheets they make up (25).
 */
export const DATA_RETENTION_YEARS: Record<ReportKind, number> = { journals: 5, summarySheets: 25 };

/**
 * The first day a year's records of this kind may be removed: the day after the year's last day,
 * that many calendar years on. Calendar years, not 365-day blocks, so the leap days in between
 * never bring it earlier; a 29 February that has no match in the later year becomes 1 March.
 */
export function dataRemovalDate(yearEnd: string, kind: ReportKind): string {
  const [y, m, d] = yearEnd.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const years = DATA_RETENTION_YEARS[kind];
  const day = next.getUTCDate();
  const moved = new Date(Date.UTC(next.getUTCFullYear() + years, next.getUTCMonth(), 1));
  const lastOfMonth = new Date(Date.UTC(moved.getUTCFullYear(), moved.getUTCMonth() + 1, 0)).getUTCDate();
  const out = day <= lastOfMonth ? new Date(Date.UTC(moved.getUTCFullYear(), moved.getUTCMonth(), day)) : new Date(Date.UTC(moved.getUTCFullYear(), moved.getUTCMonth() + 1, 1));
  return out.toISOString().slice(0, 10);
}

/**
 * The TTL value (epoch seconds) of a year's record: 00:00 UTC of its removal date, which is already
 * that date in every Russian time zone (UTC+2 to UTC+12), so never a day early; DynamoDB removes
 * an expired item within days after it, never before.
 */
export function dataExpiresAt(yearEnd: string, kind: ReportKind): number {
  return Date.parse(`${dataRemovalDate(yearEnd, kind)}T00:00:00Z`) / 1000;
}

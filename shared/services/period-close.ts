/**
 * The period close (R-40; issue 14, items 1 and 2; clauses 3.8, 7.3, 7.5, 8.6). For every class of
 * the period, in turn (a few at once):
 *
 * 1. lock: ONE TransactWriteItems writes, per subject of the class's curriculum, the change-log
 *    record «период закрыт» with its chain head moved onto it and marked `closedOn`, and the class's
 *    progress item. From then on a mark, attendance entry, topic or period mark of that class and
 *    period is refused (423, shared/domain/period-close.ts `closedMessage`): the write path already
 *    reads the head in its one BatchGetItem, so the lock costs it nothing; a write racing the close
 *    fails on the head's sequence, reads it again and meets the close. Only a correction's entry
 *    (issue 11) extends a closed chain: it conditions on the sequence alone;
 * 2. record what was still missing (unfilled lessons, pupils without a period mark, KTP hours
 *    behind) and the journal's check against its change log (`checkJournalIntegrity`);
 * 3. render the period's documents: the summary sheet of marks with the change table and the
 *    class's correction requests attached (25 years), the summary sheet of attendance and the
 *    movement sheet (5 years, as the journal: clause 8.6 gives 25 years to the summary sheets of
 *    marks only), and store them through the archive (`archiveDocument`: once per slot);
 * 4. mark the class done with its findings and its documents' checksums.
 *
 * When every class is done, a manifest (JSON: each file with its SHA-256, each class's findings)
 * is archived and the run marked done. Idempotent: a class done is skipped, a document stored is
 * answered by the archive, the run done does nothing. Resumable: a run killed after the lock of a
 * class finds its progress item `locked` and finishes its documents; classes not reached are
 * locked by the next run.
 */
import type { Principal } from '../auth/roles';
import { keys } from '../db/keys';
import { withReadScope } from '../db/read-scope';
import { dateInZone, ruDate } from '../domain/calendar';
import { chainNext, type ChangeBody } from '../domain/journal-log';
import {
  classFindings,
  closeDayOf,
  closeIdOf,
  CLOSE_TARGET,
  gradesOfPeriod,
  isCloseDue,
  periodsOfYear,
  subjectFindings,
  type ClosedMark,
} from '../domain/period-close';
import { periodsForGrade, type Period } from '../domain/year';
import { BadRequestError, NotFoundError } from '../errors';
import { renderTablePdf } from '../reports/report-table-pdf';
import { attendanceTable } from '../reports/class-report-tables';
import { movementSheetPdf } from '../reports/movement-pdf';
import { renderClosedSummary } from '../reports/period-close-summary';
import { listSubjects } from '../repos/curriculum';
import { listKtpSummariesOfClass, type KtpSummary } from '../repos/ktp';
import { classJournalOfPartition, readJournalPartition, type JournalPartition } from '../repos/journal-partition';
import { readClassJournal, shareClassJournal } from '../repos/period-marks';
import {
  finishClass,
  finishClose,
  lockClass,
  readCloses,
  readHeads,
  startClose,
  type ChainPlace,
  type ClosedDocument,
  type IntegritySummary,
  type StoredClassClose,
  type StoredClose,
} from '../repos/period-close';
import { className, listClasses, type School, type SchoolClass } from '../repos/school';
import { listYears } from '../repos/year';
import { archiveDocument, type ArchivedDocument } from './archive';
import { correctionChangeTable, correctionRegisterDocument } from './correction-documents';
import { checkJournalIntegrity } from './journal-integrity';
import { periodOfSchool } from './period-close-view';
import { loadClassMarksContext, type ClassMarksContext } from './period-marks-read';
import { attendanceReport } from './reports/attendance';
import { movementReport } from './reports/movement';
import { summaryReport } from './reports/summary';

/** Who closes: the job, with the director's right to read the school's journals and requests. */
export const CLOSE_ACTOR = { userId: 'system', displayName: 'Закрытие периода (автоматически)' } as const;

function closePrincipal(school: School): Principal {
  return { ...CLOSE_ACTOR, departmentId: school.departmentId, grants: [{ role: 'director', schoolId: school.schoolId }] };
}

export interface CloseOptions {
  /** Classes closed side by side: their reads overlap, their rendering takes turns on the CPU. */
  concurrency?: number;
  /** Stops taking classes after this many, as a run killed halfway would (the tests' hook). */
  stopAfterClasses?: number;
  /** Dies right after locking this class, before its documents (the tests' hook for a kill mid-class). */
  dieAfterLockOf?: string;
}

export interface CloseResult {
  periodId: string;
  classes: number;
  /** Classes this run took to done. */
  closedNow: number;
  done: boolean;
  manifest?: ClosedDocument;
}

// --- 1. the lock -----------------------------------------------------------------------------------

const MAX_LOCK_ATTEMPTS = 16;
/** Classes side by side: DynamoDB Local (or the cloud) answers one class's reads while another renders. */
const CONCURRENCY = 8;
/** One transaction holds the progress item and two items per subject (DynamoDB: at most 100). */
const MAX_SUBJECTS = 49;

function closeRecordBody(place: ChainPlace, run: StoredClose, at: string): ChangeBody {
  return {
    partition: keys.journalPartition(place.schoolId, place.classId, place.periodId),
    subjectId: place.subjectId,
    at,
    actorId: CLOSE_ACTOR.userId,
    actorName: CLOSE_ACTOR.displayName,
    action: 'close',
    entity: 'period',
    target: CLOSE_TARGET(place.periodId),
    old: null,
    new: { closedOn: run.closedOn, closeId: run.closeId },
    requestId: `close-${run.closeId}`,
  };
}

async function lockClassJournal(ctx: ClassMarksContext, run: StoredClose, now: Date): Promise<StoredClassClose> {
  const cls = ctx.schoolClass;
  const subjects = [...new Set(ctx.lines.map((l) => l.subjectId))].sort();
  if (subjects.length > MAX_SUBJECTS) throw new Error(`period close: ${subjects.length} subjects in ${cls.classId} do not fit one transaction`);
  const places = subjects.map((subjectId): ChainPlace => ({ schoolId: cls.schoolId, classId: cls.classId, periodId: run.periodId, subjectId }));
  const progress: StoredClassClose = {
    schoolId: cls.schoolId,
    periodId: run.periodId,
    classId: cls.classId,
    className: className(cls),
    state: 'locked',
    lockedAt: now.toISOString(),
    subjects: subjects.length,
  };
  const closed: ClosedMark = { closedOn: run.closedOn, periodName: run.periodName };
  for (let attempt = 0; attempt < MAX_LOCK_ATTEMPTS; attempt++) {
    const heads = await readHeads(places);
    const chains = places
      .filter((place) => !heads.get(place.subjectId)?.closedOn)
      .map((place) => {
        const head = heads.get(place.subjectId) ?? null;
        return { place, record: chainNext(closeRecordBody(place, run, now.toISOString()), head), previousSeq: head?.seq ?? 0 };
      });
    const outcome = await lockClass(progress, chains, closed);
    if (outcome === 'locked') return progress;
    if (outcome === 'alreadyLocked') {
      const stored = (await readCloses(cls.schoolId, run.periodId)).classes.find((c) => c.classId === cls.classId);
      if (stored) return stored;
    }
    // A change of some subject moved its head meanwhile: read the heads again, after a short pause.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 8 * 2 ** attempt)));
  }
  throw new Error(`period close: the journal of ${cls.classId} kept changing; the next run closes it`);
}

// --- 2. what was missing -----------------------------------------------------------------------------

/** What the close reads once per school rather than once per class. */
interface SchoolReads {
  subjectNames: Map<string, string>;
  ktps: KtpSummary[];
}

async function findingsOf(ctx: ClassMarksContext, period: Period, part: JournalPartition, school: SchoolReads) {
  const cls = ctx.schoolClass;
  const earlier = ctx.periods.filter((p) => p.endDate < period.startDate);
  const before = await Promise.all(earlier.map((p) => readClassJournal(cls.schoolId, cls.classId, p.periodId)));
  const marked = new Map<string, Set<string>>();
  for (const m of part.periodMarks) if (!m.deleted && m.code) marked.set(m.subjectId, (marked.get(m.subjectId) ?? new Set()).add(m.studentId));
  const lineSubjects = [...new Set(ctx.lines.map((l) => l.subjectId))];
  return classFindings(
    lineSubjects.map((subjectId) =>
      subjectFindings(
        {
          subjectId,
          subjectName: school.subjectNames.get(subjectId) ?? subjectId,
          roster: part.rosters.find((r) => r.subjectId === subjectId) ?? null,
          lessons: part.lessons.filter((l) => l.subjectId === subjectId),
          earlierLessons: before.flatMap((b) => b.subjects.get(subjectId)?.lessons ?? []),
          marked: marked.get(subjectId) ?? new Set(),
          ktps: school.ktps.filter((k) => k.classId === cls.classId && k.subjectId === subjectId).map((k) => ({ groupId: k.groupId, totalHours: k.totalHours, approved: k.status === 'approved' })),
        },
        period,
        cls.grade,
      ),
    ),
  );
}

const EXAMPLES = 5;

async function integrityOf(cls: SchoolClass, periodId: string, now: Date, part: JournalPartition): Promise<IntegritySummary> {
  const r = await checkJournalIntegrity(cls.schoolId, cls.classId, periodId, now, part);
  return {
    ok: r.ok,
    records: r.records,
    cells: r.cells,
    differences: r.differences.length,
    chainProblems: r.chain.problems.length,
    examples: [...r.chain.problems.map((p) => p.message), ...r.differences.map((d) => `${d.cellText}: по журналу изменений ${d.byLogText}, в журнале ${d.inTableText}`)].slice(0, EXAMPLES),
  };
}

// --- 3. the documents ----------------------------------------------------------------------------------

/** The kinds of the close's documents in the archive (ARCHIVE_KIND_RE), with their retention (clause 8.6). */
export const CLOSE_DOCUMENTS = {
  summary: { kind: 'summary-marks', retention: 'summarySheets', title: 'Сводная ведомость учёта успеваемости с таблицей изменений и заявками на корректировку' },
  attendance: { kind: 'summary-attendance', retention: 'journals', title: 'Сводная ведомость посещаемости' },
  movement: { kind: 'movement', retention: 'journals', title: 'Сводная ведомость движения обучающихся' },
  manifest: { kind: 'close-manifest', retention: 'summarySheets', title: 'Опись документов закрытия периода' },
} as const;

type DocumentSpec = (typeof CLOSE_DOCUMENTS)[keyof typeof CLOSE_DOCUMENTS];

const asListed = (spec: DocumentSpec, d: ArchivedDocument): ClosedDocument => ({
  kind: spec.kind,
  title: d.title,
  fileName: d.fileName,
  key: d.s3Key,
  sha256: d.sha256,
  bytes: d.size,
  retention: spec.retention,
});

async function documentsOf(school: School, ctx: ClassMarksContext, run: StoredClose, now: Date, part: JournalPartition): Promise<ClosedDocument[]> {
  const p = closePrincipal(school);
  const cls = ctx.schoolClass;
  const [sheet, attendance, movement, changes, register] = await Promise.all([
    summaryReport(p, ctx, now, part.periodMarks),
    attendanceReport(ctx, now),
    movementReport(ctx, now),
    correctionChangeTable(school, cls.classId, run.periodId, { records: part.records, heads: part.heads, pages: part.pages }),
    correctionRegisterDocument(p, school, cls.yearId, { classId: cls.classId, periodId: run.periodId }, now),
  ]);
  // Rendered one after another: each is CPU work, and the classes beside this one are rendering too.
  const bodies: Array<[DocumentSpec, Buffer]> = [
    [CLOSE_DOCUMENTS.summary, await renderClosedSummary(sheet, changes, register, now)],
    [CLOSE_DOCUMENTS.attendance, await renderTablePdf(attendanceTable(attendance))],
    [CLOSE_DOCUMENTS.movement, await movementSheetPdf(movement)],
  ];
  const where = `${className(cls)}, ${run.periodName}`;
  return Promise.all(
    bodies.map(async ([spec, body]) =>
      asListed(
        spec,
        await archiveDocument({
          schoolId: school.schoolId,
          yearId: run.yearId,
          periodId: run.periodId,
          classId: cls.classId,
          kind: spec.kind,
          retention: spec.retention,
          title: `${spec.title}, ${where}`,
          fileName: `${spec.kind}-${cls.classId}-${run.periodId}.pdf`,
          body,
          contentType: 'application/pdf',
          now,
          closeId: run.closeId,
          actor: CLOSE_ACTOR,
        }),
      ),
    ),
  );
}

// --- the class, the run ------------------------------------------------------------------------------------

async function closeClass(school: School, reads: SchoolReads, run: StoredClose, period: Period, cls: SchoolClass, before: StoredClassClose | undefined, now: Date, options: CloseOptions): Promise<void> {
  const ctx = await loadClassMarksContext(closePrincipal(school), school.schoolId, cls.classId, now, period.periodId);
  const progress = before ?? (await lockClassJournal(ctx, run, now));
  if (options.dieAfterLockOf === cls.classId) throw new Error(`period close: stopped after locking ${cls.classId} (test hook)`);
  if (progress.state === 'done') return;
  // The class's whole partition once, after its lock: the check against the log and the findings read it.
  const part = await readJournalPartition(cls.schoolId, cls.classId, period.periodId);
  // The attendance sheet reads this period's SUBJ# items: they came with the partition.
  shareClassJournal(cls.schoolId, cls.classId, period.periodId, classJournalOfPartition(part));
  const [findings, integrity, documents] = await Promise.all([findingsOf(ctx, period, part, reads), integrityOf(cls, period.periodId, now, part), documentsOf(school, ctx, run, now, part)]);
  await finishClass(progress, { doneAt: now.toISOString(), findings, integrity, documents });
}

/** The manifest: every file of the close with its SHA-256, and each class's findings. */
export function manifestOf(school: School, run: StoredClose, classes: readonly StoredClassClose[], now: Date) {
  return {
    document: CLOSE_DOCUMENTS.manifest.title,
    closeId: run.closeId,
    school: { schoolId: school.schoolId, name: school.name },
    yearId: run.yearId,
    period: { periodId: run.periodId, name: run.periodName },
    closedOn: run.closedOn,
    generatedAt: now.toISOString(),
    classes: [...classes]
      .sort((a, b) => a.classId.localeCompare(b.classId))
      .map((c) => ({
        classId: c.classId,
        className: c.className,
        lockedAt: c.lockedAt,
        doneAt: c.doneAt,
        findings: c.findings,
        integrity: c.integrity,
        files: (c.documents ?? []).map((d) => ({ kind: d.kind, fileName: d.fileName, key: d.key, sha256: d.sha256, bytes: d.bytes, retention: d.retention })),
      })),
  };
}

/**
 * Closes a period of a school as of `now` (its close day must have come in the school's zone).
 * Returns how far it got; a run that stopped early (or failed) is finished by the next.
 */
export function closePeriod(school: School, periodId: string, now: Date, options: CloseOptions = {}): Promise<CloseResult> {
  // The school's subjects, year, register, movements and each class's list are read once per close, not once per document.
  return withReadScope(() => closePeriodNow(school, periodId, now, options));
}

async function closePeriodNow(school: School, periodId: string, now: Date, options: CloseOptions): Promise<CloseResult> {
  const { year, period } = await periodOfSchool(school.schoolId, periodId);
  const today = dateInZone(now, school.timeZone);
  if (!isCloseDue(period, today)) throw new BadRequestError(`Период «${period.name}» закрывается не раньше ${ruDate(closeDayOf(period))}: он ещё не окончен.`);
  const grades = gradesOfPeriod(year, periodId);
  const [all, state] = await Promise.all([listClasses(school.schoolId), readCloses(school.schoolId, periodId)]);
  const classes = all.filter((c) => c.yearId === year.yearId && grades.includes(c.grade) && periodsForGrade(year, c.grade).some((p) => p.periodId === periodId));
  let run = state.runs[0];
  if (run?.state === 'done') return { periodId, classes: classes.length, closedNow: 0, done: true, ...(run.manifest ? { manifest: run.manifest } : {}) };
  if (!run) {
    const fresh: StoredClose = {
      schoolId: school.schoolId,
      periodId,
      periodName: period.name,
      yearId: year.yearId,
      closeId: closeIdOf(school.schoolId, periodId),
      state: 'running',
      closedOn: today,
      startedAt: now.toISOString(),
      classIds: classes.map((c) => c.classId),
    };
    run = (await startClose(fresh)) ? fresh : (await readCloses(school.schoolId, periodId)).runs[0]!;
  }
  const progress = new Map(state.classes.map((c) => [c.classId, c]));
  const todo = classes.filter((c) => progress.get(c.classId)?.state !== 'done');
  const [subjects, ktps] = await Promise.all([listSubjects(school.schoolId), listKtpSummariesOfClass(school.schoolId, year.yearId)]);
  const reads: SchoolReads = { subjectNames: new Map(subjects.map((s) => [s.subjectId, s.name])), ktps };
  let taken = 0;
  let closedNow = 0;
  const worker = async () => {
    for (let cls = todo.shift(); cls; cls = todo.shift()) {
      if (options.stopAfterClasses !== undefined && taken >= options.stopAfterClasses) {
        todo.unshift(cls);
        return;
      }
      taken++;
      await closeClass(school, reads, run, period, cls, progress.get(cls.classId), now, options);
      closedNow++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? CONCURRENCY) }, worker));
  if (todo.length > 0) return { periodId, classes: classes.length, closedNow, done: false };

  const after = await readCloses(school.schoolId, periodId);
  if (classes.some((c) => after.classes.find((x) => x.classId === c.classId)?.state !== 'done')) return { periodId, classes: classes.length, closedNow, done: false };
  const spec = CLOSE_DOCUMENTS.manifest;
  const body = Buffer.from(JSON.stringify(manifestOf(school, run, after.classes, now), null, 2), 'utf8');
  const manifest = asListed(
    spec,
    await archiveDocument({
      schoolId: school.schoolId,
      yearId: run.yearId,
      periodId,
      kind: spec.kind,
      retention: spec.retention,
      title: `${spec.title}: ${run.periodName}`,
      fileName: `close-manifest-${periodId}.json`,
      body,
      contentType: 'application/json',
      now,
      closeId: run.closeId,
      actor: CLOSE_ACTOR,
    }),
  );
  await finishClose(school.schoolId, periodId, now.toISOString(), manifest);
  return { periodId, classes: classes.length, closedNow, done: true, manifest };
}

/** The scheduled step of a school: every period whose close day has come and that is not closed yet. */
export async function closeDuePeriods(school: School, now: Date): Promise<{ checked: number; changed: number }> {
  const today = dateInZone(now, school.timeZone);
  const [years, closes] = await Promise.all([listYears(school.schoolId), readCloses(school.schoolId)]);
  const done = new Set(closes.runs.filter((r) => r.state === 'done').map((r) => r.periodId));
  // The current school year and the one before it: a close missed over the summer is made up, older years are history.
  const recent = years.filter((y) => y.startDate <= today).slice(-2);
  let checked = 0;
  let changed = 0;
  for (const year of recent) {
    for (const period of periodsOfYear(year)) {
      checked++;
      if (!isCloseDue(period, today) || done.has(period.periodId)) continue;
      const r = await closePeriod(school, period.periodId, now);
      changed += r.closedNow;
    }
  }
  return { checked, changed };
}

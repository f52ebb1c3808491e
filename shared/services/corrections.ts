/**
 * Correction requests after a lock (issue 11; clauses 7.2, 7.3, 7.5; R-41): filing with a register
 * number, the school's register, the director's decision and the education department's decision
 * on a disputed request. The approval opens the entry window (the school's setting); the entry itself
 * is shared/services/corrections-entry.ts. Rules are the domain's
 * (shared/domain/corrections.ts); authorisation is the caller's, on the objects loaded here.
 */
import { may } from '../auth/policy';
import type { Principal } from '../auth/roles';
import type { CorrectionClassObject, CorrectionObject } from '../auth/rules/corrections';
import { dateInZone } from '../domain/calendar';
import { teachersOfLine } from '../domain/curriculum';
import {
  correctionProblems,
  documentProblems,
  entryWindow,
  entryWindowDaysOf,
  REASON_LABELS,
  STATE_LABELS,
  stateAt,
  transitionRefusal,
  TRANSITIONS,
  type CorrectionAction,
  type CorrectionActor,
  type CorrectionDocument,
  type CorrectionDraft,
  type CorrectionProblem,
  type CorrectionState,
} from '../domain/corrections';
import { periodsForGrade } from '../domain/year';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { listLoad } from '../repos/curriculum';
import { getCorrection, lastCorrectionNumber, listCorrections, saveDecision, tryFileCorrection, type StoredCorrection } from '../repos/corrections';
import { getClass, type School, type SchoolClass } from '../repos/school';
import { getYear } from '../repos/year';

export type Actor = Pick<Principal, 'userId' | 'displayName'>;

export interface FilingContext {
  school: School;
  cls: SchoolClass;
  /** What `correction.file` is checked on: the class and every teacher its curriculum names. */
  access: CorrectionClassObject;
  /** The teachers of each subject of the class (any subgroup). */
  teachersOf: ReadonlyMap<string, readonly string[]>;
}

export async function loadFilingContext(school: School, classId: string): Promise<FilingContext> {
  const cls = await getClass(school.schoolId, classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const lines = await listLoad(school.schoolId, cls.yearId, classId);
  const teachersOf = new Map<string, string[]>();
  for (const t of lines.flatMap(teachersOfLine)) teachersOf.set(t.subjectId, [...(teachersOf.get(t.subjectId) ?? []), t.teacherId]);
  const teacherIds = [...new Set([...teachersOf.values()].flat())];
  return { school, cls, teachersOf, access: { departmentId: school.departmentId, schoolId: school.schoolId, classId, teacherIds } };
}

/** The request as the API answers it: the state as of now (an unused window reads «expired»). */
export type CorrectionView = Omit<StoredCorrection, 'state'> & { state: CorrectionState; stateText: string; reasonText: string };

export function correctionView(c: StoredCorrection, now: Date): CorrectionView {
  const state = stateAt(c, now);
  return { ...c, state, stateText: STATE_LABELS[state], reasonText: REASON_LABELS[c.reason] };
}

// Retries of a filing that met another one taking the same number. Each retry reads the number
// again, so N concurrent filings finish in at most N rounds; the pause spreads them out.
const FILING_ATTEMPTS = 25;

/**
 * Files a request: validated whole (400 with every problem in Russian, nothing stored), then
 * numbered in the register of the class's school year.
 */
export async function fileCorrection(p: Principal, ctx: FilingContext, draft: CorrectionDraft & { periodId: string }, now: Date): Promise<CorrectionView> {
  // The class was authorised; a subject teacher files for their own subjects only (clause 7.2).
  const foreign = [...new Set(draft.cells.map((c) => c.subjectId))].filter((subjectId) => !may(p, 'correction.file', { ...ctx.access, teacherIds: ctx.teachersOf.get(subjectId) ?? [] }));
  if (foreign.length > 0) throw new ForbiddenError('Учитель подаёт заявку только по своим предметам этого класса; по другим — классный руководитель или заместитель директора.');
  const actor: Actor = { userId: p.userId, displayName: p.displayName };
  const today = dateInZone(now, ctx.school.timeZone);
  const problems = [...correctionProblems(draft, today), ...(await placeProblems(ctx, draft))];
  if (problems.length > 0) throw new BadRequestError(problems.map((p) => p.message).join(' '), { problems });
  const request: Omit<StoredCorrection, 'number'> = {
    schoolId: ctx.school.schoolId,
    yearId: ctx.cls.yearId,
    classId: ctx.cls.classId,
    periodId: draft.periodId,
    reason: draft.reason,
    document: draft.document,
    explanation: draft.explanation.trim(),
    cells: draft.cells,
    state: 'filed',
    filedBy: actor.userId,
    filedByName: actor.displayName,
    filedAt: now.toISOString(),
    decisions: [],
    version: 1,
  };
  for (let attempt = 0; attempt < FILING_ATTEMPTS; attempt++) {
    const last = await lastCorrectionNumber(request.schoolId, request.yearId);
    const stored = await tryFileCorrection(request, last, actor, now);
    if (stored) return correctionView(stored, now);
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * Math.min(attempt + 1, 5)));
  }
  throw new ConflictError('Журнал заявок сейчас занят: повторите подачу заявки через несколько секунд.');
}

/** The period is one of the class's grade; lessons fall inside it; a period mark names a real slot. */
async function placeProblems(ctx: FilingContext, draft: Pick<CorrectionDraft, 'cells'> & { periodId: string }): Promise<CorrectionProblem[]> {
  const year = await getYear(ctx.school.schoolId, ctx.cls.yearId);
  const periods = year ? periodsForGrade(year, ctx.cls.grade) : [];
  const period = periods.find((p) => p.periodId === draft.periodId);
  if (!period) return [{ field: 'periodId', message: 'Учебный период не найден в учебном году класса.' }];
  const slots = new Set([...periods.map((p) => p.periodId), 'year', 'exam', 'final']);
  return draft.cells.flatMap((c, i): CorrectionProblem[] => {
    const n = `Ячейка ${i + 1}`;
    if (c.kind === 'finalMark') return slots.has(c.slot) ? [] : [{ field: `cells.${i}.slot`, message: `${n}: нет такого периода у класса.` }];
    return c.date < period.startDate || c.date > period.endDate ? [{ field: `cells.${i}.date`, message: `${n}: урок не входит в период «${period.name}».` }] : [];
  });
}

/** One request of the register; 404 when there is none. */
export async function loadCorrection(school: School, yearId: string, num: number): Promise<{ correction: StoredCorrection; access: CorrectionObject }> {
  const correction = await getCorrection(school.schoolId, yearId, num);
  if (!correction) throw new NotFoundError('Заявка на корректировку не найдена.');
  return { correction, access: { departmentId: school.departmentId, schoolId: school.schoolId, classId: correction.classId, filedBy: correction.filedBy } };
}

/** The register of a school year as the caller may see it, filtered by state and class, in number order. */
export async function correctionRegister(p: Principal, school: School, yearId: string, filter: { state?: CorrectionState; classId?: string }, now: Date): Promise<CorrectionView[]> {
  const all = await listCorrections(school.schoolId, yearId);
  return all
    .filter((c) => may(p, 'correction.read', { departmentId: school.departmentId, schoolId: school.schoolId, classId: c.classId, filedBy: c.filedBy }))
    .map((c) => correctionView(c, now))
    .filter((c) => (!filter.state || c.state === filter.state) && (!filter.classId || c.classId === filter.classId));
}

export interface DecisionInput {
  action: CorrectionAction;
  comment?: string;
  document?: CorrectionDocument;
  /** The version the decider saw; another one is a 409. */
  version: number;
}

/**
 * Moves the request by the decision of `by` (the director, or the department's specialist on a
 * disputed one). A stale version or a request already moved on is a 409 with the stored request.
 * An approval opens the entry window from now, in the school's zone.
 */
export async function decideCorrection(school: School, c: StoredCorrection, input: DecisionInput, by: CorrectionActor, actor: Actor, now: Date): Promise<CorrectionView> {
  const problems = input.document ? documentProblems(input.document, dateInZone(now, school.timeZone)) : [];
  if (problems.length > 0) throw new BadRequestError(problems.map((p) => p.message).join(' '), { problems });
  if (input.version !== c.version) throw new ConflictError('Заявку уже изменил кто-то другой: обновите страницу.', correctionView(c, now));
  const refusal = transitionRefusal(c, input.action, by, now);
  if (refusal) throw new ConflictError(refusal, correctionView(c, now));
  const to = TRANSITIONS[input.action].to as StoredCorrection['state'];
  // The school's window as the director set it (its settings are on the school item), from the approval.
  const days = entryWindowDaysOf((school as School & { settings?: { correctionEntryWindowDays?: unknown } }).settings?.correctionEntryWindowDays);
  const window = to === 'approved' ? entryWindow(now, school.timeZone, days) : null;
  const comment = input.comment?.trim();
  const next: StoredCorrection = {
    ...c,
    state: to,
    ...(window ? { windowEndsAt: window.endsAt, windowLastDate: window.lastDate } : {}),
    decisions: [...c.decisions, { action: input.action, by: actor.userId, byName: actor.displayName, at: now.toISOString(), ...(comment ? { comment } : {}), ...(input.document ? { document: input.document } : {}) }],
    version: c.version + 1,
  };
  await saveDecision(c, next, actor, now);
  return correctionView(next, now);
}

/**
 * Correction requests after a lock (issue 11; clauses 7.1-7.5; R-41). Pure rules: the five reasons
 * of clause 7.1, the supporting document, the scope (the exact cells with the value now and the
 * value asked for), the request's states and who may move it from one to the next, and the
 * time-boxed window in which an approved change may be entered. `now` and the school's zone are
 * always passed in. The web app may import this module (labels, validation).
 */
import { addDays, dateInZone, endOfDayInZone, isIsoDate, ruDate } from './calendar';
import { ATTENDANCE_CODES, TOPIC_MAX } from './journal-marks';
import { FINAL_MARK_CODES, FINAL_MARK_TEXT, type FinalMarkCode } from './period-marks';
import { WORK_TYPE_IDS } from './work-types';

// --- the reason and the document (clause 7.1: «подтвержденным документально») ---------------------

export const CORRECTION_REASONS = ['pupilAbsence', 'retake', 'assessmentMakeUp', 'teacherAbsence', 'other'] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

/** The five cases of clause 7.1, in its words. */
export const REASON_LABELS: Readonly<Record<CorrectionReason, string>> = {
  pupilAbsence: 'Пропуск уроков обучающимся по болезни или иной уважительной причине',
  retake: 'Пересдача по уважительной причине',
  assessmentMakeUp: 'Отработка оценочной процедуры по объективной и уважительной причине',
  teacherAbsence: 'Пропуск уроков педагогом по болезни или иной уважительной причине',
  other: 'Другая ситуация по уважительной причине',
};

export interface CorrectionDocument {
  /** «Медицинская справка», «Протокол пересдачи», «Приказ»... */
  kind: string;
  number: string;
  /** ISO date of the document. */
  date: string;
}

export const DOCUMENT_KIND_MAX = 120;
export const DOCUMENT_NUMBER_MAX = 40;
export const EXPLANATION_MAX = 1000;
export const COMMENT_MAX = 1000;
/** A request concerns a few cells: a class's retake, one pupil's week of illness; not a whole journal. */
export const SCOPE_MAX = 60;

// --- the scope: exact cells, each with the value now and the value asked for ------------------------

export const CELL_KINDS = ['mark', 'attendance', 'topic', 'finalMark'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

export const CELL_KIND_LABELS: Readonly<Record<CellKind, string>> = {
  mark: 'текущая отметка',
  attendance: 'посещаемость',
  topic: 'тема урока',
  finalMark: 'отметка за период, годовая или итоговая',
};

/** A lesson of the journal as the journal names it (shared/domain/journal-model.ts LessonRef). */
interface LessonCell {
  subjectId: string;
  date: string;
  lessonNo: number;
  groupId: string;
}

/** Values are the journal's own codes; null is an empty cell (nothing there now / remove it). */
export type ScopeCell =
  | (LessonCell & { kind: 'mark'; studentId: string; workType: string; from: string | null; to: string | null })
  | (LessonCell & { kind: 'attendance'; studentId: string; from: string | null; to: string | null })
  | (LessonCell & { kind: 'topic'; from: string | null; to: string | null })
  | { kind: 'finalMark'; subjectId: string; studentId: string; /** A period id, or year / exam / final. */ slot: string; from: string | null; to: string | null };

export const MARK_CODES = ['2', '3', '4', '5'] as const;
export const ATTENDANCE_VALUES = Object.keys(ATTENDANCE_CODES);

/** The identity of a cell: two lines of one scope may not name the same cell. */
export function cellKey(c: ScopeCell): string {
  switch (c.kind) {
    case 'mark':
      return ['mark', c.subjectId, c.date, c.lessonNo, c.groupId, c.studentId, c.workType].join('|');
    case 'attendance':
      return ['att', c.subjectId, c.date, c.lessonNo, c.groupId, c.studentId].join('|');
    case 'topic':
      return ['topic', c.subjectId, c.date, c.lessonNo, c.groupId].join('|');
    case 'finalMark':
      return ['final', c.slot, c.subjectId, c.studentId].join('|');
  }
}

function valueProblem(c: ScopeCell, v: string | null): string | null {
  if (v === null) return null;
  switch (c.kind) {
    case 'mark':
      return (MARK_CODES as readonly string[]).includes(v) ? null : 'текущая отметка — 2, 3, 4 или 5';
    case 'attendance':
      return ATTENDANCE_VALUES.includes(v) ? null : `посещаемость — ${ATTENDANCE_VALUES.map((a) => `«${a}»`).join(', ')}`;
    case 'topic':
      return v.trim() && v.length <= TOPIC_MAX ? null : `тема урока — непустой текст до ${TOPIC_MAX} знаков`;
    case 'finalMark':
      return (FINAL_MARK_CODES as readonly string[]).includes(v) ? null : `отметка за период — ${Object.values(FINAL_MARK_TEXT).map((t) => `«${t}»`).join(', ')}`;
  }
}

/** How a value reads in the register («пусто» for an empty cell). */
export function valueText(c: Pick<ScopeCell, 'kind'>, v: string | null): string {
  if (v === null) return 'пусто';
  return c.kind === 'finalMark' ? (FINAL_MARK_TEXT[v as FinalMarkCode] ?? v) : v;
}

export interface CorrectionDraft {
  reason: CorrectionReason;
  document: CorrectionDocument;
  /** What happened and why the change is needed: the written application of clause 7.2. */
  explanation: string;
  cells: ScopeCell[];
}

export interface CorrectionProblem {
  field: string;
  message: string;
}

/** A document that supports a request or records the department's decision: named, numbered, not from the future. */
export function documentProblems(doc: CorrectionDocument, today: string, field = 'document'): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  if (!isIsoDate(doc.date)) problems.push({ field: `${field}.date`, message: 'Дата документа: укажите дату ДД.ММ.ГГГГ.' });
  else if (doc.date > today) problems.push({ field: `${field}.date`, message: `Дата документа (${ruDate(doc.date)}) ещё не наступила.` });
  if (!doc.kind.trim()) problems.push({ field: `${field}.kind`, message: 'Укажите вид документа (например, медицинская справка).' });
  if (!doc.number.trim()) problems.push({ field: `${field}.number`, message: 'Укажите номер документа.' });
  return problems;
}

/**
 * Everything wrong with a request, in Russian, each at its field. Shapes are the schema's job;
 * these are the rules: a document not from the future, each cell a real change, no cell twice.
 */
export function correctionProblems(d: CorrectionDraft, today: string): CorrectionProblem[] {
  const problems: CorrectionProblem[] = documentProblems(d.document, today);
  if (!d.explanation.trim()) problems.push({ field: 'explanation', message: 'Опишите, что и почему нужно исправить.' });
  if (d.cells.length === 0) problems.push({ field: 'cells', message: 'Укажите хотя бы одну ячейку журнала, которую нужно исправить.' });
  if (d.cells.length > SCOPE_MAX) problems.push({ field: 'cells', message: `В одной заявке — не больше ${SCOPE_MAX} ячеек.` });
  const seen = new Set<string>();
  d.cells.forEach((c, i) => {
    const at = `cells.${i}`;
    const n = `Ячейка ${i + 1}`;
    if (c.kind !== 'finalMark' && !isIsoDate(c.date)) problems.push({ field: `${at}.date`, message: `${n}: неверная дата урока.` });
    if (c.kind !== 'finalMark' && c.date > today) problems.push({ field: `${at}.date`, message: `${n}: урок ${ruDate(c.date)} ещё не прошёл — исправление по заявке не нужно.` });
    if (c.kind === 'mark' && !(WORK_TYPE_IDS as readonly string[]).includes(c.workType)) problems.push({ field: `${at}.workType`, message: `${n}: неизвестный вид работы.` });
    for (const side of ['from', 'to'] as const) {
      const p = valueProblem(c, c[side]);
      if (p) problems.push({ field: `${at}.${side}`, message: `${n}: ${p}.` });
    }
    if (c.from === c.to) problems.push({ field: `${at}.to`, message: `${n}: новое значение совпадает с нынешним — исправлять нечего.` });
    const key = cellKey(c);
    if (seen.has(key)) problems.push({ field: at, message: `${n}: эта ячейка уже есть в заявке.` });
    seen.add(key);
  });
  const tooBig = d.cells.length <= SCOPE_MAX ? entrySizeProblem(d.cells) : null;
  if (tooBig) problems.push(tooBig);
  return problems;
}

// --- states and transitions (clauses 7.2, 7.4, 7.5) --------------------------------------------

/**
 * filed → approved / rejected by the director (7.2); filed → disputed when the director sends it
 * to the education department, whose specialist records approved / rejected (7.5); approved →
 * entered by the deputy responsible for journal control (7.4, 3.11), or expired when the window
 * passes unused. `expired` is never stored: it is what an approved request past its window is.
 */
export const CORRECTION_STATES = ['filed', 'approved', 'rejected', 'disputed', 'entered', 'expired'] as const;
export type CorrectionState = (typeof CORRECTION_STATES)[number];

export const STATE_LABELS: Readonly<Record<CorrectionState, string>> = {
  filed: 'Подана, ждёт решения директора',
  approved: 'Разрешена, ждёт внесения',
  rejected: 'Отклонена',
  disputed: 'Направлена в управление образования',
  entered: 'Исправление внесено',
  expired: 'Срок внесения истёк',
};

export const CORRECTION_ACTIONS = ['approve', 'reject', 'dispute', 'departmentApprove', 'departmentReject', 'enter'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/** Who acts: the director of the school, the department's specialist, the deputy (journal control). */
export type CorrectionActor = 'director' | 'department' | 'deputy';

export const TRANSITIONS: Readonly<Record<CorrectionAction, { from: CorrectionState; to: CorrectionState; by: CorrectionActor }>> = {
  approve: { from: 'filed', to: 'approved', by: 'director' },
  reject: { from: 'filed', to: 'rejected', by: 'director' },
  dispute: { from: 'filed', to: 'disputed', by: 'director' },
  departmentApprove: { from: 'disputed', to: 'approved', by: 'department' },
  departmentReject: { from: 'disputed', to: 'rejected', by: 'department' },
  enter: { from: 'approved', to: 'entered', by: 'deputy' },
};

export const ACTION_LABELS: Readonly<Record<CorrectionAction, string>> = {
  approve: 'разрешить',
  reject: 'отклонить',
  dispute: 'направить в управление образования',
  departmentApprove: 'записать разрешение управления образования',
  departmentReject: 'записать отказ управления образования',
  enter: 'внести исправление',
};

/** What the register knows of a request's progress (the stored state and the window's end). */
export interface CorrectionProgress {
  state: Exclude<CorrectionState, 'expired'>;
  /** Set on approval: the first instant (ISO) at which the change may no longer be entered. */
  windowEndsAt?: string;
}

/** The state as of `now`: an approved request whose window has passed is expired. */
export function stateAt(r: CorrectionProgress, now: Date): CorrectionState {
  if (r.state === 'approved' && r.windowEndsAt && now.getTime() >= Date.parse(r.windowEndsAt)) return 'expired';
  return r.state;
}

/**
 * Why `actor` may not take `action` on the request now, in Russian; null when it may. The state is
 * read as of `now`, so an expired window refuses the entry without anything being stored.
 */
export function transitionRefusal(r: CorrectionProgress, action: CorrectionAction, actor: CorrectionActor, now: Date): string | null {
  const t = TRANSITIONS[action];
  const state = stateAt(r, now);
  if (t.by !== actor) return `${capitalise(ACTION_LABELS[action])} заявку может только ${ACTOR_TITLES[t.by]}.`;
  if (state !== t.from) return `Заявку нельзя ${ACTION_LABELS[action]}: она в состоянии «${STATE_LABELS[state]}».`;
  return null;
}

const ACTOR_TITLES: Readonly<Record<CorrectionActor, string>> = {
  director: 'директор',
  department: 'специалист управления образования',
  deputy: 'заместитель директора, ответственный за контроль ведения журнала',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// --- the entry window (clause 7.4, the Infinite Campus change ticket) ----------------------------

/**
 * Calendar days, default 3: the issue's default. Calendar rather than school days because the
 * window must end on a date the director can name in the decision without the year's holidays at
 * hand, and because a longer window defeats its purpose (the lock); a school setting may change it.
 */
export const DEFAULT_ENTRY_WINDOW_DAYS = 3;
export const ENTRY_WINDOW_MIN = 1;
export const ENTRY_WINDOW_MAX = 14;

/**
 * The window of an approval at `approvedAt`: the approval day counts as day 1, so 3 days from
 * 24.11 (any time) run to the end of 26.11 in the school's zone. Returns the last date and the
 * first instant after it (ISO).
 */
export function entryWindow(approvedAt: Date, timeZone: string, days = DEFAULT_ENTRY_WINDOW_DAYS): { lastDate: string; endsAt: string } {
  const lastDate = addDays(dateInZone(approvedAt, timeZone), days - 1);
  return { lastDate, endsAt: new Date(endOfDayInZone(lastDate, timeZone)).toISOString() };
}

/** The window's length a school set (clause 7.4: a school setting), within the bounds; the default otherwise. */
export function entryWindowDaysOf(stored: unknown): number {
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= ENTRY_WINDOW_MIN && stored <= ENTRY_WINDOW_MAX ? stored : DEFAULT_ENTRY_WINDOW_DAYS;
}

// --- the entry of an approved request (clauses 7.4, 3.11) ---------------------------------------

/** What the change-log record of an entered cell says beside its request number: «по заявке № 12». */
export function correctionNote(no: number): string {
  return `по заявке № ${no}`;
}

/** What the request keeps of its entry: who entered it, when, and exactly the cells written. */
export interface CorrectionEntry {
  by: string;
  byName: string;
  at: string;
  /** The client's idempotency key: a retry of an entry that did commit answers the stored request. */
  requestId: string;
  cells: ScopeCell[];
}

/** A cell as a person reads it in a refusal: «текущая отметка 16.11.2026, 8-й урок». */
export function cellLabel(c: ScopeCell): string {
  if (c.kind === 'finalMark') return `${CELL_KIND_LABELS.finalMark} (${c.slot})`;
  return `${CELL_KIND_LABELS[c.kind]} ${ruDate(c.date)}, ${c.lessonNo}-й урок`;
}

/**
 * The entry refused cell by cell (clause 7.4: «в вышеуказанном порядке», nothing beyond the scope):
 * a cell the request does not name, a value other than the one approved, a «value now» other than
 * the request's, a cell sent twice, and every cell of the scope left out (the approved change is
 * entered whole, in one transaction, so the journal never holds half of it).
 */
export function entryProblems(scope: readonly ScopeCell[], sent: readonly ScopeCell[], no: number): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  const approved = new Map(scope.map((c) => [cellKey(c), c]));
  const seen = new Set<string>();
  const shown = (c: ScopeCell, v: string | null) => `«${valueText(c, v)}»`;
  sent.forEach((c, i) => {
    const at = `cells.${i}`;
    const n = `Ячейка ${i + 1} (${cellLabel(c)})`;
    const key = cellKey(c);
    const a = approved.get(key);
    if (!a) problems.push({ field: at, message: `${n}: не входит в заявку № ${no}, вносить её нельзя.` });
    else if (seen.has(key)) problems.push({ field: at, message: `${n}: указана дважды.` });
    else {
      if (c.to !== a.to) problems.push({ field: `${at}.to`, message: `${n}: значение ${shown(c, c.to)} отличается от разрешённого по заявке № ${no} ${shown(a, a.to)}.` });
      if (c.from !== a.from) problems.push({ field: `${at}.from`, message: `${n}: нынешнее значение ${shown(c, c.from)} не совпадает с указанным в заявке ${shown(a, a.from)}.` });
    }
    seen.add(key);
  });
  scope.forEach((c, i) => {
    if (!seen.has(cellKey(c))) problems.push({ field: 'cells', message: `Ячейка ${i + 1} заявки (${cellLabel(c)}) не передана: исправление вносится целиком, все ячейки заявки сразу.` });
  });
  return problems;
}

/** Each cell whose value in the journal is no longer the request's «value now» (changed since filing). */
export function staleCells(scope: readonly ScopeCell[], current: ReadonlyMap<string, string | null>): Array<{ cell: ScopeCell; now: string | null; message: string }> {
  return scope.flatMap((c) => {
    const now = current.get(cellKey(c)) ?? null;
    if (now === c.from) return [];
    return [{ cell: c, now, message: `${capitalise(cellLabel(c))}: сейчас в журнале «${valueText(c, now)}», а в заявке — «${valueText(c, c.from)}». Значение изменилось после подачи заявки: подайте новую заявку.` }];
  });
}

/**
 * DynamoDB writes at most 100 items in one transaction, and the entry is one transaction: each cell,
 * its change-log record, one chain head per subject (and slot), one lesson mark per lesson that has
 * none yet, the request and its audit record. An upper bound, known at filing.
 */
export const TRANSACTION_ITEMS_MAX = 100;
export function entryItemsBound(cells: readonly ScopeCell[]): number {
  const chains = new Set(cells.map((c) => (c.kind === 'finalMark' ? `final|${c.slot}|${c.subjectId}` : `lesson|${c.subjectId}`)));
  const lessons = new Set(cells.flatMap((c) => (c.kind === 'mark' || c.kind === 'attendance' ? [[c.subjectId, c.date, c.lessonNo, c.groupId].join('|')] : [])));
  return cells.length * 2 + chains.size + lessons.size + 2;
}

/** The filing's problem when the scope could not be entered in one transaction. */
export function entrySizeProblem(cells: readonly ScopeCell[]): CorrectionProblem | null {
  if (entryItemsBound(cells) <= TRANSACTION_ITEMS_MAX) return null;
  return { field: 'cells', message: 'Заявка слишком большая, чтобы внести её одним действием: разделите её на несколько заявок (например, по предметам).' };
}

// --- the school's settings of corrections (clauses 3.11, 7.4): set by the director ------------------

/** At most a few deputies share journal control; the list is the director's order, not a role. */
export const JOURNAL_CONTROL_DEPUTIES_MAX = 5;

export interface CorrectionSettings {
  /** Calendar days of the entry window (ENTRY_WINDOW_MIN..MAX); absent: the default. */
  correctionEntryWindowDays?: number;
  /** The deputies the director made responsible for journal control (clause 3.11): they enter approved changes. */
  journalControlDeputyIds?: string[];
}

export const ENTRY_WINDOW_LABEL = 'Срок внесения исправления по разрешённой заявке';

/** Every problem of the director's settings; `deputyIds` are the school's deputies (any other id is refused). */
export function correctionSettingsProblems(s: Required<CorrectionSettings>, deputyIds: ReadonlySet<string>): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  const days = s.correctionEntryWindowDays;
  if (!Number.isInteger(days) || days < ENTRY_WINDOW_MIN || days > ENTRY_WINDOW_MAX) {
    problems.push({ field: 'correctionEntryWindowDays', message: `${ENTRY_WINDOW_LABEL}: целое число дней от ${ENTRY_WINDOW_MIN} до ${ENTRY_WINDOW_MAX}.` });
  }
  if (s.journalControlDeputyIds.length > JOURNAL_CONTROL_DEPUTIES_MAX) {
    problems.push({ field: 'journalControlDeputyIds', message: `Ответственных за контроль ведения журнала — не больше ${JOURNAL_CONTROL_DEPUTIES_MAX}.` });
  }
  if (new Set(s.journalControlDeputyIds).size !== s.journalControlDeputyIds.length) {
    problems.push({ field: 'journalControlDeputyIds', message: 'Один и тот же заместитель указан дважды.' });
  }
  s.journalControlDeputyIds.forEach((id, i) => {
    if (!deputyIds.has(id)) problems.push({ field: `journalControlDeputyIds.${i}`, message: `Ответственным за контроль ведения журнала можно назначить только заместителя директора этой школы (${i + 1}-й в списке — не заместитель).` });
  });
  return problems;
}

/**
 * Period, year, exam and final marks (R-22, R-30, clauses 3.5, 3.9, 3.10): what they may be and
 * how a person types them. Pure; the web app uses the same parser so that the cell and the server
 * agree.
 *
 * A mark is stored as one code: '2'..'5', 'na' («н/а», not assessed: always with a reason), 'pass' /
 * 'fail' («зач» / «незач») for subjects the curriculum marks pass/fail, and the two results of
 * grade 1 that the system sets itself (clause 3.5): 'notGraded' («н/оц») for every period and
 * 'mastered' («осв») for the year. A flat code keeps the class x subjects table one string per cell.
 */
import { GRADE_WITHOUT_MARKS } from './journal-rules';
import { isMarkValue, type MarkValue } from './journal-marks';
import { isGraduationGrade } from './movement';

export const FINAL_MARK_KINDS = ['period', 'year', 'exam', 'final'] as const;
export type FinalMarkKind = (typeof FINAL_MARK_KINDS)[number];

export const FINAL_MARK_CODES = ['2', '3', '4', '5', 'na', 'pass', 'fail', 'notGraded', 'mastered'] as const;
export type FinalMarkCode = (typeof FINAL_MARK_CODES)[number];

/** What people read in the journal, the class table and the diary. */
export const FINAL_MARK_TEXT: Readonly<Record<FinalMarkCode, string>> = {
  '2': '2',
  '3': '3',
  '4': '4',
  '5': '5',
  na: 'н/а',
  pass: 'зач',
  fail: 'незач',
  notGraded: 'н/оц',
  mastered: 'осв',
};

/** «четвертная», «полугодовая»: the period's name follows the grade's scheme. */
export function finalMarkKindTitle(kind: FinalMarkKind, scheme?: 'quarter' | 'half'): string {
  if (kind === 'period') return scheme === 'half' ? 'Полугодовая отметка' : scheme === 'quarter' ? 'Четвертная отметка' : 'Отметка за период';
  return { year: 'Годовая отметка', exam: 'Экзаменационная отметка', final: 'Итоговая отметка' }[kind];
}

export function isFinalMarkCode(v: unknown): v is FinalMarkCode {
  return typeof v === 'string' && (FINAL_MARK_CODES as readonly string[]).includes(v);
}

export function isFinalMarkKind(v: unknown): v is FinalMarkKind {
  return typeof v === 'string' && (FINAL_MARK_KINDS as readonly string[]).includes(v);
}

/** 2-5 for a numeric code, otherwise null (н/а, зач/незач, н/оц, осв take part in no average). */
export function numericMark(code: FinalMarkCode | null | undefined): MarkValue | null {
  const n = Number(code);
  return code && isMarkValue(n) ? n : null;
}

export function markCode(value: MarkValue): FinalMarkCode {
  return String(value) as FinalMarkCode;
}


/** How a subject is marked in a class: the curriculum's facts, passed in by the caller. */
export interface SubjectMarking {
  /** The curriculum marks the subject «зачёт/незачёт» (e.g. a course without marks). */
  passFail: boolean;
  /** The curriculum has an exam in this subject for this class (grades 9 and 11 only). */
  hasExam?: boolean;
}

export interface FinalMarkContext extends SubjectMarking {
  grade: number;
  kind: FinalMarkKind;
}

/**
 * Clause 3.5: grade 1 gets no marks; the system writes «н/оц» for every period and «осв» for the
 * year. Grade 1 has no exam and no final mark. Null outside grade 1.
 */
export function systemMark(grade: number, kind: FinalMarkKind): FinalMarkCode | null {
  if (grade !== GRADE_WITHOUT_MARKS) return null;
  return kind === 'period' ? 'notGraded' : kind === 'year' ? 'mastered' : null;
}

/** Whether a mark of this kind exists at all for this class and subject; the Russian reason when not. */
export function kindProblem(ctx: FinalMarkContext): string | null {
  if (ctx.kind === 'exam') {
    if (!isGraduationGrade(ctx.grade)) return 'Экзаменационные отметки ставятся только в 9 и 11 классах.';
    if (!ctx.hasExam) return 'По этому предмету в учебном плане класса нет экзамена: экзаменационная отметка не ставится.';
  }
  if (ctx.kind === 'final' && !isGraduationGrade(ctx.grade)) {
    return 'Итоговые отметки ставятся в 9 и 11 классах (в аттестат).';
  }
  return null;
}

export type ParsedFinalMark = { ok: true; /** null: the cell was cleared. */ code: FinalMarkCode | null } | { ok: false; message: string };

export const GRADE1_FINAL_MESSAGE =
  'В 1 классе отметки не ставятся (п. 3.5 положения): за четверть система сама записывает «н/оц», за год — «осв».';

/** A teacher on the Latin layout types «y/f» for «н/а»: the same keys are understood (as in the journal's cells). */
const LATIN_TO_CYRILLIC: Record<string, string> = { y: 'н', f: 'а', p: 'з', x: 'ч', n: 'т', t: 'е', j: 'о', w: 'ц', d: 'в', c: 'с' };

function normalise(text: string): string {
  const t = text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  return [...t].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
}

/** Every spelling people use, to one code (digits are read apart): «н/а», «на», «н\а», «н.а.»; «зач», «зачет», «зачтено»... */
const SPELLINGS: ReadonlyArray<[RegExp, FinalMarkCode]> = [
  [/^н\s*[/\\.]?\s*а\.?$/, 'na'],
  [/^(зач|зачет|зачтено|зачт)\.?$/, 'pass'],
  [/^(незач|не зач|незачет|не зачет|не зачтено|незачтено)\.?$/, 'fail'],
  [/^н\s*[/\\.]?\s*оц\.?$/, 'notGraded'],
  [/^(осв|освоено|освоил|освоила)\.?$/, 'mastered'],
];

/**
 * What a person typed into a period/year/exam/final cell. Grade 1 accepts nothing (the system sets
 * its results); «н/оц» and «осв» are grade 1's only; a pass/fail subject takes «зач»/«незач», the
 * others 2-5; «н/а» fits any subject (its reason is checked with the justification).
 */
export function parseFinalMark(text: string, ctx: FinalMarkContext): ParsedFinalMark {
  const t = normalise(text);
  if (ctx.grade === GRADE_WITHOUT_MARKS) return { ok: false, message: GRADE1_FINAL_MESSAGE };
  const kindIssue = kindProblem(ctx);
  if (kindIssue) return { ok: false, message: kindIssue };
  if (t === '') return { ok: true, code: null };

  let code: FinalMarkCode | undefined;
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    if (!isMarkValue(n)) return { ok: false, message: `«${text.trim()}» — не отметка: ставятся отметки от 2 до 5.` };
    code = markCode(n);
  } else {
    code = SPELLINGS.find(([re]) => re.test(t))?.[1];
  }
  if (!code) {
    const allowed = ctx.passFail ? '«зач», «незач» или «н/а»' : 'отметку от 2 до 5 или «н/а»';
    return { ok: false, message: `«${text.trim()}» не распознано: введите ${allowed}.` };
  }
  if (code === 'notGraded' || code === 'mastered') {
    return { ok: false, message: `«${FINAL_MARK_TEXT[code]}» ставится только в 1 классе, и её записывает система (п. 3.5 положения).` };
  }
  if (ctx.passFail && numericMark(code) !== null) {
    return { ok: false, message: 'Предмет оценивается по системе «зачёт/незачёт»: введите «зач», «незач» или «н/а».' };
  }
  if (!ctx.passFail && (code === 'pass' || code === 'fail')) {
    return { ok: false, message: 'Предмет оценивается отметками: введите отметку от 2 до 5 или «н/а»; «зач»/«незач» — для безотметочных предметов.' };
  }
  return { ok: true, code };
}

/** A stored code checked against its context (an API body carries the code, not the typed text). */
export function finalMarkCodeProblem(code: unknown, ctx: FinalMarkContext): string | null {
  if (!isFinalMarkCode(code)) return 'Неизвестное значение отметки: допустимы 2–5, «н/а», «зач», «незач».';
  const parsed = parseFinalMark(FINAL_MARK_TEXT[code], ctx);
  return parsed.ok ? null : parsed.message;
}

/** A message assembled from parts starts with a capital letter. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const REASON_MIN = 3;
export const REASON_MAX = 300;

/** The reason's own form (its need is decided by `reasonProblem` in mark-justification.ts). */
export function reasonTextProblem(reason: string | undefined | null): string | null {
  const r = (reason ?? '').trim();
  if (r.length === 0) return null;
  if (r.length < REASON_MIN) return `Причина слишком короткая: напишите её словами (не меньше ${REASON_MIN} знаков).`;
  if (r.length > REASON_MAX) return `Причина длиннее ${REASON_MAX} знаков: сократите её.`;
  return null;
}

/** Reasons for «н/а» that schools write most often: offered by the screen, any other text is accepted. */
export const NOT_ASSESSED_REASONS: readonly string[] = [
  'пропуск более половины уроков по болезни',
  'пропуск более половины уроков без уважительной причины',
  'недостаточно отметок для аттестации',
  'освобождение от занятий по медицинским показаниям',
];

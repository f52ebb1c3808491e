/**
 * Notifications inside the app about correction requests (issue 11 item 7): how many requests wait
 * for the person looking. The director sees those waiting for a decision (clause 7.2), the
 * department's specialist the disputed ones (7.5), the deputy those approved and waiting to be
 * entered (7.4, 3.11), and whoever filed a request the decisions on it. Pure: the register, the
 * viewer's roles and `now` are passed in.
 */
import { stateAt, type CorrectionProgress } from './corrections';

/**
 * The register a school day belongs to: its school year, named by the year it starts in. A year
 * starts on 1 September (the law on education's school year), so the retakes of June-August are
 * filed in the year they correct, not in the coming one.
 */
export function registerYearOn(date: string): string {
  const y = Number(date.slice(0, 4));
  return String(Number(date.slice(5, 7)) >= 9 ? y : y - 1);
}

/**
 * How long a decision on one's own request keeps counting as news. The product stores no "seen"
 * mark (a read would then write), so the count is the decisions of the last week: long enough to
 * span a weekend and a short illness, short enough that the badge goes out by itself.
 */
export const DECISION_NEWS_DAYS = 7;

export interface CountedRequest extends CorrectionProgress {
  filedBy: string;
  decisions: ReadonlyArray<{ by: string; at: string }>;
}

/** Which queues the viewer works: each is a right the policy gives them in the school. */
export interface CountViewer {
  userId: string;
  decides: boolean;
  recordsDepartment: boolean;
  enters: boolean;
}

export interface WaitingCounts {
  /** Filed, waiting for the director's decision. */
  toDecide: number;
  /** Disputed, waiting for the department's decision. */
  toRecord: number;
  /** Approved, the window still open, waiting to be entered. */
  toEnter: number;
  /** The viewer's own requests someone else decided (or entered) in the last DECISION_NEWS_DAYS days. */
  decidedMine: number;
  /** What the badge shows: the sum of the above. */
  total: number;
}

export function waitingCounts(register: readonly CountedRequest[], viewer: CountViewer, now: Date): WaitingCounts {
  const since = now.getTime() - DECISION_NEWS_DAYS * 86_400_000;
  const inState = (state: string) => register.filter((r) => stateAt(r, now) === state).length;
  const toDecide = viewer.decides ? inState('filed') : 0;
  const toRecord = viewer.recordsDepartment ? inState('disputed') : 0;
  const toEnter = viewer.enters ? inState('approved') : 0;
  const decidedMine = register.filter((r) => r.filedBy === viewer.userId && r.decisions.some((d) => d.by !== viewer.userId && Date.parse(d.at) >= since)).length;
  return { toDecide, toRecord, toEnter, decidedMine, total: toDecide + toRecord + toEnter + decidedMine };
}

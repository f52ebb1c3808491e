/**
 * Shared computers (clauses 3.2, 5: a pupil must never work under a teacher's login), as pure rules
 * on a session and `now`:
 * - a staff session ends after its school's idle time without a request (default 15 minutes);
 * - a sensitive action (issuing codes, roles, settings, temporary access) needs the password entered
 *   in the last 5 minutes, else the API answers 403 `reauth_required` and the web asks for it;
 * - a token older than the account's session epoch (a reset code, «Выйти на всех устройствах») is
 *   refused: at renewal, and on every write, where the account is read anyway.
 */
import { DomainError } from '../errors';
import type { Action } from './policy';
import type { Principal } from './roles';
import type { Session } from './session';

export const IDLE_MINUTES_DEFAULT = 15;
export const IDLE_MINUTES_MIN = 5;
export const IDLE_MINUTES_MAX = 240;
/** The web warns this long before the idle end (issue 9: a minute before). */
export const IDLE_WARNING_SECONDS = 60;
export const REAUTH_WINDOW_SECONDS = 5 * 60;
/** The last-activity claim is restamped (a new cookie, no database read) at most this often. */
export const ACTIVITY_STAMP_SECONDS = 60;

export const REAUTH_REQUIRED = 'reauth_required';
export const SESSION_IDLE = 'session_idle';
export const SESSION_ENDED = 'session_ended';

export const IDLE_MESSAGE = 'Сеанс завершён: долго не было действий. Войдите снова.';
export const ENDED_MESSAGE = 'Сеанс завершён: пароль сброшен или выполнен выход на всех устройствах. Войдите снова.';
export const REAUTH_MESSAGE = 'Для этого действия введите пароль ещё раз.';

/**
 * Actions that give or change access or settings, decide correction requests, end a family's access
 * or export personal data (the code sheets): the password must have been entered recently.
 */
export const SENSITIVE_ACTIONS: ReadonlySet<string> = new Set<Action>([
  'activationCode.issue',
  'activationSheet.issueClass',
  'activationSheet.issueStaff',
  'staff.setRoles',
  'access.grantTemporary',
  'settings.writeSchool',
  'settings.writeDepartment',
  'department.writeSettings',
  'school.appointAdministrator',
  'department.grantInspector',
  'correction.decide',
  'correction.recordDepartment',
  'correction.configure',
  'personalData.withdrawConsent',
]);

/** Staff work on shared computers; students and parents at home, so their sessions have no idle limit. */
export function isStaff(p: Principal): boolean {
  return p.grants.some((g) => g.role !== 'student' && g.role !== 'parent');
}

/** The idle limit a school stored, if it is a sane number of minutes; otherwise the default. */
export function idleMinutesOf(stored: unknown): number {
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= IDLE_MINUTES_MIN && stored <= IDLE_MINUTES_MAX ? stored : IDLE_MINUTES_DEFAULT;
}

/** A person's limit: the strictest of their schools' (a department specialist has the default). */
export function idleLimitFor(p: Principal, schoolLimits: number[]): number {
  if (!isStaff(p)) return 0;
  return schoolLimits.length ? Math.min(...schoolLimits) : IDLE_MINUTES_DEFAULT;
}

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

export function isIdle(s: Pick<Session, 'idleMinutes' | 'activeAt'>, now: Date): boolean {
  return s.idleMinutes > 0 && seconds(now) - s.activeAt > s.idleMinutes * 60;
}

export function needsActivityStamp(s: Pick<Session, 'activeAt'>, now: Date): boolean {
  return seconds(now) - s.activeAt >= ACTIVITY_STAMP_SECONDS;
}

export function needsReauth(s: Pick<Session, 'authAt'>, action: string, now: Date): boolean {
  return SENSITIVE_ACTIONS.has(action) && seconds(now) - s.authAt > REAUTH_WINDOW_SECONDS;
}

/** Whether the account has ended every session issued before (its epoch moved past the token's). */
export function endedByEpoch(s: Pick<Session, 'epoch'>, accountEpoch: number | undefined): boolean {
  return s.epoch < (accountEpoch ?? 0);
}

export class ReauthRequiredError extends DomainError {
  constructor() {
    super(403, REAUTH_REQUIRED, REAUTH_MESSAGE);
  }
}

/** 401 with a code of its own, so the web can say why the person was signed out. */
export class SessionEndedError extends DomainError {
  constructor(code: typeof SESSION_IDLE | typeof SESSION_ENDED) {
    super(401, code, code === SESSION_IDLE ? IDLE_MESSAGE : ENDED_MESSAGE);
  }
}

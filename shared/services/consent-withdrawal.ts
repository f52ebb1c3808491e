/**
 * Consent withdrawn (R-71; 152-FZ art. 9): the administrator records that a parent or the student
 * withdrew consent to processing (date, document). From then on nobody gets at the card through
 * that consent: the student's account is closed, each parent loses this child (and their account is
 * closed when no other child is left), and no new code can be issued until consent is recorded
 * again. The journal keeps what the law requires: marks, attendance and the card itself stay, only
 * the access built on the consent ends. Card, accounts and the audit record are one transaction.
 */
import type { Principal } from '../auth/roles';
import { isIsoDate, ruDate } from '../domain/calendar';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { auditPut } from '../repos/audit';
import { getStudentRecord, putAccountOp, putStudentOp, statusOf, versionOf, type StudentRecord } from '../repos/people';
import type { School } from '../repos/school';
import { transactOr } from '../db/transact';
import { actor, disabled, getAccountsById, schoolToday, studentUserId, type AccountRecord } from './people-common';

export interface WithdrawalInput {
  by: Principal;
  school: School;
  studentId: string;
  version: number;
  /** Date of the written withdrawal (YYYY-MM-DD). */
  date: string;
  document: string;
  now: Date;
}

const STALE = 'Карточку только что изменил другой пользователь.';

function problemsOf(input: WithdrawalInput, card: StudentRecord): string[] {
  const problems: string[] = [];
  if (!isIsoDate(input.date)) problems.push('Дата отзыва согласия указана неверно.');
  else if (input.date > schoolToday(input.school, input.now)) problems.push('Дата отзыва согласия не может быть позже сегодняшнего дня.');
  if (input.document.trim().length < 3) problems.push('Опишите документ об отзыве согласия (номер, дата, кем подписан).');
  // Cards loaded before consent documents were kept carry only the time it was recorded.
  if (!card.consent && !card.consentRecordedAt) problems.push(card.consentWithdrawn ? 'Отзыв согласия уже записан.' : 'Согласие на обработку персональных данных не записано: отзывать нечего.');
  return problems;
}

/** The accounts as they are after the withdrawal; unchanged ones are left out. */
function closedAccess(card: StudentRecord, accounts: Map<string, AccountRecord>, note: string, at: string): AccountRecord[] {
  const changed: AccountRecord[] = [];
  // A closed account's open sessions end at its next write, or its next renewal for reads (functions/http/renew.ts).
  const close = (a: AccountRecord) => disabled(a, 'consent_withdrawn', note, at);
  const own = accounts.get(studentUserId(card));
  if (own && own.status !== 'disabled') changed.push(close(own));
  for (const id of card.parentIds) {
    const p = accounts.get(id);
    if (!p) continue;
    const isThisChild = (g: AccountRecord['grants'][number]) => g.role === 'parent' && g.schoolId === card.schoolId && g.studentId === card.studentId;
    const kept = { ...p, grants: p.grants.filter((g) => !isThisChild(g)) };
    const childrenLeft = kept.grants.some((g) => g.role === 'parent');
    changed.push(childrenLeft || p.status === 'disabled' ? kept : close(kept));
  }
  return changed;
}

export async function withdrawConsent(input: WithdrawalInput) {
  const sch = input.school.schoolId;
  const before = await getStudentRecord(sch, input.studentId);
  if (!before) throw new NotFoundError('Обучающийся не найден.');
  if (versionOf(before) !== input.version) throw new ConflictError(STALE, before);
  const problems = problemsOf(input, before);
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  const at = input.now.toISOString();
  const withdrawal = { date: input.date, document: input.document.trim(), recordedBy: input.by.userId, recordedByName: input.by.displayName };
  // Without a consent on the card no code can be issued (people-codes.ts), so access stays ended.
  const { consent: _c, consentRecordedAt: _r, ...rest } = before;
  const after: StudentRecord = { ...rest, consentWithdrawn: withdrawal };
  const note = `Отзыв согласия от ${ruDate(input.date)}: ${withdrawal.document}`;
  const accounts = closedAccess(before, await getAccountsById([studentUserId(before), ...before.parentIds]), note, at);
  await transactOr(
    [
      putStudentOp(after, input.version),
      ...accounts.map((a) => putAccountOp(a, a.version)),
      auditPut({ schoolId: sch, actor: actor(input.by), action: 'student.withdrawConsent', entity: `STU#${before.studentId}`, before: before.consent ?? { recordedAt: before.consentRecordedAt }, after: withdrawal, reason: note, at: input.now }),
    ],
    async () => new ConflictError(STALE, await getStudentRecord(sch, input.studentId)),
  );
  return {
    card: { ...after, status: statusOf(after), version: input.version + 1 },
    closedAccounts: accounts.filter((a) => a.status === 'disabled' && a.disabledAt === at).map((a) => a.userId),
  };
}

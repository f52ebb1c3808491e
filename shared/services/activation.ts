/**
 * Activation codes (R-03, clause 3.1): issuing one (administrator for staff, class teacher for the
 * students and parents of their class) and redeeming it to set a password. A new code replaces the
 * previous one; a code works once and until it expires. A code for an account that has a password is
 * a reset code («Забыли пароль?»): the old password stops working and open sessions end at once. Each issue is written to the school's
 * register of issued logins (clause 5) in the same transaction.
 */
import { codeExpiry, codeState, hashCode, newActivationCode } from '../auth/activation';
import { hashPassword, passwordProblem } from '../auth/password';
import { may } from '../auth/policy';
import type { Principal } from '../auth/roles';
import { TransactionCancelled } from '../db/transact';
import { keys } from '../db/keys';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { getAccount, type Account } from '../repos/accounts';
import { getActivationCode, listLoginRegister, recordIssuedCode, recordRedeemedCode } from '../repos/activation-codes';
import { getStudentCard } from '../repos/school';
import { principalOf } from './principal';

const INVALID_CODE = 'Код активации недействителен: проверьте, что он введён без ошибок, или получите новый.';

export interface IssuedCode {
  userId: string;
  login: string;
  code: string;
  expiresAt: string;
  /** The account had a password: it no longer works, and its sessions ended. */
  reset: boolean;
}

export async function issueActivationCode(input: { by: Principal; schoolId: string; userId: string; now: Date }): Promise<IssuedCode> {
  const account = await getAccount(input.userId);
  if (!account || account.schoolId !== input.schoolId || account.kind === 'department') {
    throw new NotFoundError('Учётная запись не найдена в этой школе.');
  }
  const kind = account.kind;
  if (!may(input.by, 'activationCode.issue', { departmentId: account.departmentId, schoolId: input.schoolId, kind, classId: account.classId })) {
    throw new ForbiddenError(
      kind === 'staff'
        ? 'Коды активации сотрудникам выдаёт администратор.'
        : 'Коды активации обучающимся и родителям выдаёт классный руководитель их класса.',
    );
  }
  if (account.status === 'disabled') throw new BadRequestError('Доступ этой учётной записи закрыт; код не может быть выдан.');
  if (kind !== 'staff') await requireConsent(account);

  const code = newActivationCode();
  const codeHash = hashCode(code);
  const issuedAt = input.now.toISOString();
  const expiresAt = codeExpiry(input.now).toISOString();
  const register = keys.loginRegister(input.schoolId, issuedAt, account.userId);
  try {
    await recordIssuedCode({ account, kind, codeHash, issuedBy: input.by, issuedAt, expiresAt, register, reset: !!account.passwordHash });
  } catch (e) {
    if (e instanceof TransactionCancelled) throw new ConflictError('Учётная запись только что изменилась. Повторите выдачу кода.');
    throw e;
  }
  return { userId: account.userId, login: account.login, code, expiresAt, reset: !!account.passwordHash };
}

async function requireConsent(account: Account): Promise<void> {
  const studentId = account.grants.find((g) => g.role === 'student' || g.role === 'parent');
  const card = studentId && 'studentId' in studentId ? await getStudentCard(studentId.schoolId, studentId.studentId) : null;
  if (!card?.consentRecordedAt) {
    throw new BadRequestError(
      'Нет записи о письменном согласии на обработку персональных данных. Доступ выдаётся только после него (п. 4.2 Положения).',
    );
  }
}

export async function redeemActivationCode(input: { code: string; password: string; now: Date }) {
  const codeHash = hashCode(input.code);
  const item = await getActivationCode(codeHash);
  if (!item || codeState(item, input.now) !== 'valid') throw new BadRequestError(INVALID_CODE);
  const account = await getAccount(item.userId);
  if (!account || account.status === 'disabled' || account.currentCodeHash !== codeHash) {
    throw new BadRequestError(INVALID_CODE);
  }
  const problem = passwordProblem(input.password, account.login);
  if (problem) throw new BadRequestError(problem);
  const passwordHash = await hashPassword(input.password);
  const at = input.now.toISOString();
  try {
    await recordRedeemedCode({ code: item, codeHash, userId: account.userId, passwordHash, at });
  } catch (e) {
    if (e instanceof TransactionCancelled) throw new BadRequestError(INVALID_CODE);
    throw e;
  }
  const activated: Account = { ...account, passwordHash, status: 'active', version: account.version + 1 };
  return { account: activated, principal: principalOf(activated) };
}

export async function loginRegister(schoolId: string) {
  const entries = await listLoginRegister(schoolId);
  return entries.map(({ pk: _p, sk: _s, type: _t, ...e }) => e);
}

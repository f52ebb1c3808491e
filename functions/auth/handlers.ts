import { clearedSessionCookie, issueSession, sessionCookie } from '../../shared/auth/session';
import { signingKey } from '../../shared/auth/signing-key';
import { config } from '../../shared/config';
import { NotFoundError } from '../../shared/errors';
import { getAccount } from '../../shared/repos/accounts';
import { issueActivationCode as issueCode, loginRegister as readRegister, redeemActivationCode } from '../../shared/services/activation';
import { describeMe } from '../../shared/services/me';
import { signIn as signInService } from '../../shared/services/sign-in';
import type { Principal } from '../../shared/auth/roles';
import type { Account } from '../../shared/repos/accounts';
import { handlersOf } from '../http/area';
import { authorizedSchool } from '../http/school';
import { authRoutes } from './routes';

const handler = handlersOf(authRoutes);

async function startSession(principal: Principal, account: Account, now: Date) {
  const { token, session } = await issueSession(principal, await signingKey(), now);
  return { body: await describeMe(principal, session.csrf, account), cookies: [sessionCookie(token, config().secureCookies)] };
}

export const signIn = handler('signIn', async (req) => {
  const { principal, account } = await signInService({ ...req.body, sourceIp: req.sourceIp, now: req.now });
  return startSession(principal, account, req.now);
});

export const activate = handler('activate', async (req) => {
  const { principal, account } = await redeemActivationCode({ ...req.body, now: req.now });
  return startSession(principal, account, req.now);
});

export const signOut = handler('signOut', async () => ({ cookies: [clearedSessionCookie(config().secureCookies)] }));

export const me = handler('me', async (req) => {
  req.authorize(null);
  return { body: await describeMe(req.principal, req.session!.csrf) };
});


export const issueActivationCode = handler('issueActivationCode', async (req) => {
  const schoolId = req.params.schoolId!;
  // Whose code it is decides who may issue it: the account is named in the body. Without a
  // well-formed id only what no account narrows is checked (an administrator's right).
  const userId = req.peek('userId');
  const account = userId ? await getAccount(userId) : null;
  if (userId && (!account || account.schoolId !== schoolId || account.kind === 'department')) throw new NotFoundError('Учётная запись не найдена в этой школе.');
  req.authorize(
    account ? { departmentId: account.departmentId, schoolId, kind: account.kind as 'staff' | 'student' | 'parent', classId: account.classId } : { departmentId: req.principal.departmentId, schoolId, kind: 'staff' },
    !account || account.kind === 'staff'
      ? 'Коды активации сотрудникам выдаёт администратор.'
      : 'Коды активации обучающимся и родителям выдаёт классный руководитель их класса.',
  );
  return { status: 201, body: await issueCode({ by: req.principal, schoolId, userId: req.body.userId, now: req.now }) };
});

export const loginRegister = handler('loginRegister', async (req) => {
  const school = await authorizedSchool(req, 'Реестр выданных логинов доступен администратору и директору.');
  return { body: { entries: await readRegister(school.schoolId) } };
});

import { IDLE_WARNING_SECONDS, REAUTH_WINDOW_SECONDS } from '../../shared/auth/session-rules';
import { clearedSessionCookie, issueSession, sessionCookie, type Session } from '../../shared/auth/session';
import { signingKey } from '../../shared/auth/signing-key';
import { config } from '../../shared/config';
import { NotFoundError } from '../../shared/errors';
import { endAllSessions, getAccount } from '../../shared/repos/accounts';
import { issueActivationCode as issueCode, loginRegister as readRegister, redeemActivationCode } from '../../shared/services/activation';
import { describeMe } from '../../shared/services/me';
import { carryFor } from '../../shared/services/session';
import { confirmPassword, signIn as signInService } from '../../shared/services/sign-in';
import type { Account } from '../../shared/repos/accounts';
import { handlersOf, sessionOf } from '../http/area';
import { keptOf, liveAccount, reissue } from '../http/renew';
import { authorizedSchool } from '../http/school';
import { authRoutes } from './routes';

const handler = handlersOf(authRoutes);

async function startSession(account: Account, now: Date) {
  const { principal, carry } = await carryFor(account);
  const { token, session } = await issueSession(principal, await signingKey(), now, carry);
  return { body: await describeMe(principal, session.csrf, account), cookies: [sessionCookie(token, config().secureCookies)] };
}

const sessionTimes = (s: Session) => ({
  idleMinutes: s.idleMinutes,
  warningSeconds: IDLE_WARNING_SECONDS,
  activeAt: s.activeAt,
  authAt: s.authAt,
  reauthWindowSeconds: REAUTH_WINDOW_SECONDS,
});

export const signIn = handler('signIn', async (req) => {
  const { account } = await signInService({ ...req.body, sourceIp: req.sourceIp, now: req.now });
  return startSession(account, req.now);
});

export const activate = handler('activate', async (req) => {
  const { account } = await redeemActivationCode({ ...req.body, now: req.now });
  return startSession(account, req.now);
});

export const signOut = handler('signOut', async () => ({ cookies: [clearedSessionCookie(config().secureCookies)] }));

/** Shared computers: every session of this person ends, this one included (the epoch goes up). */
export const signOutEverywhere = handler('signOutEverywhere', async (req) => {
  await endAllSessions(req.principal.userId);
  return { cookies: [clearedSessionCookie(config().secureCookies)] };
});

/** The password entered again: the session gets a fresh `authAt` for the sensitive actions. */
export const reauth = handler('reauth', async (req) => {
  const session = sessionOf(req);
  const account = await liveAccount(session, req.now);
  await confirmPassword({ account, password: req.body.password, sourceIp: req.sourceIp, now: req.now });
  const fresh = await reissue(session, account, req.now, { ...keptOf(session), authAt: Math.floor(req.now.getTime() / 1000) });
  return { body: sessionTimes(fresh.session), cookies: [fresh.cookie] };
});

/** The session's times; as any request it also counts as activity (the web's «Продолжить»). */
export const session = handler('session', async (req) => ({ body: sessionTimes(sessionOf(req)) }));

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

import type { z } from 'zod';
import { clearedSessionCookie, issueSession, sessionCookie } from '../../shared/auth/session';
import { signingKey } from '../../shared/auth/signing-key';
import { may } from '../../shared/auth/policy';
import { config } from '../../shared/config';
import { ForbiddenError, NotFoundError } from '../../shared/errors';
import { getSchool } from '../../shared/repos/school';
import { issueActivationCode as issueCode, loginRegister as readRegister, redeemActivationCode } from '../../shared/services/activation';
import { describeMe } from '../../shared/services/me';
import { signIn as signInService } from '../../shared/services/sign-in';
import type { Principal } from '../../shared/auth/roles';
import type { Account } from '../../shared/repos/accounts';
import { handler, sessionOf } from '../http/area';
import type * as schemas from './schemas';

async function startSession(principal: Principal, account: Account, now: Date) {
  const { token, session } = await issueSession(principal, await signingKey(), now);
  return { body: await describeMe(principal, session.csrf, account), cookies: [sessionCookie(token, config().secureCookies)] };
}

export const signIn = handler<z.output<typeof schemas.signInBody>>(async (req) => {
  const { principal, account } = await signInService({ ...req.body, sourceIp: req.sourceIp, now: req.now });
  return startSession(principal, account, req.now);
});

export const activate = handler<z.output<typeof schemas.activateBody>>(async (req) => {
  const { principal, account } = await redeemActivationCode({ ...req.body, now: req.now });
  return startSession(principal, account, req.now);
});

export const signOut = handler(async () => ({ cookies: [clearedSessionCookie(config().secureCookies)] }));

export const me = handler(async (req) => {
  const s = sessionOf(req);
  return { body: await describeMe(s.principal, s.csrf) };
});

export const issueActivationCode = handler<z.output<typeof schemas.issueCodeBody>>(async (req) => {
  const s = sessionOf(req);
  return { status: 201, body: await issueCode({ by: s.principal, schoolId: req.params.schoolId!, userId: req.body.userId, now: req.now }) };
});

export const loginRegister = handler(async (req) => {
  const p = sessionOf(req).principal;
  const school = await getSchool(p.departmentId, req.params.schoolId!);
  if (!school) throw new NotFoundError('Школа не найдена.');
  if (!may(p, 'loginRegister.read', school)) throw new ForbiddenError('Реестр выданных логинов доступен администратору и директору.');
  return { body: { entries: await readRegister(school.schoolId) } };
});

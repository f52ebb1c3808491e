import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

export const authRoutes = [
  { method: 'POST', path: '/api/auth/sign-in', area: 'auth', handler: 'signIn', permission: 'public', summary: 'Вход по логину и паролю', body: schemas.signInBody, response: schemas.meResponse },
  { method: 'POST', path: '/api/auth/sign-out', area: 'auth', handler: 'signOut', permission: 'session', summary: 'Выход' },
  { method: 'POST', path: '/api/auth/sign-out-everywhere', area: 'auth', handler: 'signOutEverywhere', permission: 'session', summary: 'Выйти на всех устройствах: завершить все сеансы учётной записи' },
  { method: 'POST', path: '/api/auth/reauth', area: 'auth', handler: 'reauth', permission: 'session', summary: 'Повторный ввод пароля перед важным действием', body: schemas.reauthBody, response: schemas.sessionResponse },
  { method: 'GET', path: '/api/auth/session', area: 'auth', handler: 'session', permission: 'session', summary: 'Сроки сеанса (простой, пароль); продлевает сеанс как любое действие', response: schemas.sessionResponse },
  { method: 'POST', path: '/api/auth/activate', area: 'auth', handler: 'activate', permission: 'public', summary: 'Активация учётной записи кодом и установка пароля', body: schemas.activateBody, response: schemas.meResponse },
  { method: 'GET', path: '/api/me', area: 'auth', handler: 'me', permission: 'account.readSelf', summary: 'Кто я и что мне доступно', response: schemas.meResponse },
  { method: 'POST', path: '/api/schools/{schoolId}/activation-codes', area: 'auth', handler: 'issueActivationCode', permission: 'activationCode.issue', summary: 'Выдать код активации', body: schemas.issueCodeBody, response: schemas.issuedCodeResponse, successStatus: 201 },
  { method: 'GET', path: '/api/schools/{schoolId}/logins', area: 'auth', handler: 'loginRegister', permission: 'loginRegister.read', summary: 'Реестр выданных логинов', response: schemas.loginRegisterResponse },
] as const satisfies readonly RouteSpec[];

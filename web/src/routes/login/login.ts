/** The sign-in screen: its texts and what happens on «Войти». */
import { FORGOT_LINK, HAVE_CODE_LINK, WHO_ISSUES_CODES } from '../../../../shared/auth/sign-in-texts';
import { api } from '../../lib/api';
import { rememberSignedIn } from '../../lib/session';
import type { Me } from '../../lib/types';

export const LOGIN_TEXT = {
  title: 'Вход в электронный журнал',
  login: 'Логин',
  password: 'Пароль',
  submit: 'Войти',
  submitting: 'Входим…',
  // The printed code sheet quotes these words (shared/auth/sign-in-texts.ts).
  activate: HAVE_CODE_LINK,
  forgot: FORGOT_LINK,
  firstTime: `Входите впервые? ${WHO_ISSUES_CODES}`,
  noLogin: 'Укажите логин.',
  noPassword: 'Укажите пароль.',
} as const;

export interface SignInForm {
  login: string;
  password: string;
}

/** The field to fix first and why, or null when the form may be sent. */
export function checkSignIn(f: SignInForm): { field: keyof SignInForm; message: string } | null {
  if (!f.login.trim()) return { field: 'login', message: LOGIN_TEXT.noLogin };
  if (!f.password) return { field: 'password', message: LOGIN_TEXT.noPassword };
  return null;
}

export async function signIn(f: SignInForm): Promise<Me> {
  const me = await api.signIn(f.login.trim(), f.password);
  rememberSignedIn(me);
  return me;
}

/** The activation screen: a single-use code from the school and a new password. */
import { api } from '../../lib/api';
import { rememberSignedIn } from '../../lib/session';
import type { Me } from '../../lib/types';

/** The server's minimum too (shared/auth/password.ts); it also refuses common passwords. */
export const MIN_PASSWORD_LENGTH = 8;

export const ACTIVATE_TEXT = {
  title: 'Активация учётной записи',
  intro: 'Введите код активации, который вам выдали в школе, и придумайте пароль. Код действует один раз.',
  code: 'Код активации',
  password: 'Новый пароль',
  repeat: 'Повторите пароль',
  passwordHint: `Не короче ${MIN_PASSWORD_LENGTH} символов. Простые и распространённые пароли не подойдут.`,
  submit: 'Активировать и войти',
  submitting: 'Активируем…',
  haveAccount: 'У меня уже есть пароль',
  noCode: 'Введите код активации.',
  tooShort: `Пароль должен быть не короче ${MIN_PASSWORD_LENGTH} символов.`,
  mismatch: 'Пароли не совпадают.',
} as const;

export interface ActivationForm {
  code: string;
  password: string;
  repeat: string;
}

/** The field to fix first and why, or null. The server still judges the password. */
export function checkActivation(f: ActivationForm): { field: keyof ActivationForm; message: string } | null {
  if (!f.code.trim()) return { field: 'code', message: ACTIVATE_TEXT.noCode };
  if (f.password.length < MIN_PASSWORD_LENGTH) return { field: 'password', message: ACTIVATE_TEXT.tooShort };
  if (f.password !== f.repeat) return { field: 'repeat', message: ACTIVATE_TEXT.mismatch };
  return null;
}

export async function activate(f: ActivationForm): Promise<Me> {
  const me = await api.activate(f.code.trim(), f.password);
  rememberSignedIn(me);
  return me;
}

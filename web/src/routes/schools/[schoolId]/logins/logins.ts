/** The register of issued logins (clause 5): who got a code, from whom, and whether it was used. */
import { formatDateTime } from '../../../../lib/format';
import type { LoginRegisterEntry } from '../../../../lib/types';

export const LOGINS_TEXT = {
  title: 'Реестр выданных логинов',
  intro: 'Каждая выдача кода активации записывается сюда. Новые записи — сверху.',
  empty: 'Коды активации ещё не выдавались.',
  columns: {
    person: 'ФИО',
    login: 'Логин',
    kind: 'Кому',
    issuedAt: 'Код выдан',
    issuedBy: 'Кем выдан',
    expiresAt: 'Действует до',
    redeemedAt: 'Активирован',
  },
  notRedeemed: 'нет',
  /** A code for an account that had a password («Забыли пароль?»): that password ended with it. */
  reset: 'сброс пароля',
  kinds: { staff: 'Сотрудник', student: 'Обучающийся', parent: 'Родитель' } as Record<string, string>,
} as const;

export interface LoginRow {
  key: string;
  person: string;
  login: string;
  kind: string;
  issuedAt: string;
  issuedBy: string;
  expiresAt: string;
  redeemedAt: string;
}

export function loginRows(entries: LoginRegisterEntry[], timeZone?: string): LoginRow[] {
  return entries.map((e) => ({
    key: `${e.issuedAt}|${e.userId}`,
    person: e.displayName,
    login: e.login,
    kind: `${LOGINS_TEXT.kinds[e.kind] ?? e.kind}${e.reset ? ` (${LOGINS_TEXT.reset})` : ''}`,
    issuedAt: formatDateTime(e.issuedAt, timeZone),
    issuedBy: e.issuedBy,
    expiresAt: formatDateTime(e.expiresAt, timeZone),
    redeemedAt: e.redeemedAt ? formatDateTime(e.redeemedAt, timeZone) : LOGINS_TEXT.notRedeemed,
  }));
}

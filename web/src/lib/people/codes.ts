/**
 * The code sheets screen (clause 3.1): a class's students and parents (class teacher, administrator)
 * or the school's staff (administrator). A sheet of codes for everybody who has not activated, and a
 * new code for one person: for an active account that is a reset («Забыли пароль?»), which ends their
 * password and open sessions at once (shared/services/activation.ts).
 */
import { accountTitle } from './people';
import type { ClassPage, StaffMember } from './types';

export const CODES_TEXT = {
  classTitle: (name: string) => `Коды активации: ${name} класс`,
  staffTitle: 'Коды активации сотрудникам',
  classIntro: 'Коды выдаются ученикам и родителям, у которых записано согласие на обработку персональных данных.',
  staffIntro: 'Коды выдаются сотрудникам школы; новый код заменяет прежний.',
  onlyNew: 'Только тем, кто ещё не активировал учётную запись',
  resetWarning:
    'Без этой отметки коды получат и те, кто уже входит в журнал: их пароли перестанут действовать сразу, а открытые сеансы завершатся.',
  peopleTitle: 'Новый код одному человеку',
  peopleIntro:
    'Если человек забыл пароль или потерял код, выдайте ему новый код. У активной учётной записи прежний пароль перестаёт действовать сразу, все её сеансы завершаются.',
  name: 'ФИО',
  who: 'Кто',
  login: 'Логин',
  status: 'Учётная запись',
  action: 'Код',
  issue: 'Выдать код',
  reset: 'Сбросить пароль: новый код',
  issuing: 'Выдаём…',
  confirmReset: (name: string) => `Выдать новый код: ${name}? Прежний пароль перестанет действовать сразу, открытые сеансы завершатся.`,
  issued: (code: string) => `Код: ${code}`,
  until: (when: string) => `действует до ${when}`,
  address: (origin: string) => `Адрес журнала: ${origin}. На странице входа — «У меня есть код активации».`,
  student: 'ученик',
  parentOf: (child: string) => `родитель: ${child}`,
  noAccount: 'нет учётной записи',
} as const;

export interface CodeRow {
  userId: string;
  displayName: string;
  who: string;
  login: string;
  status: string;
  statusTitle: string;
}

const row = (r: Omit<CodeRow, 'statusTitle'>): CodeRow => ({ ...r, statusTitle: accountTitle(r.status) });

/** Each student followed by their parents, as the sheet lists them. */
export function classCodeRows(page: ClassPage): CodeRow[] {
  return page.students.flatMap((s) => [
    ...(s.userId && s.login ? [row({ userId: s.userId, displayName: s.displayName, who: CODES_TEXT.student, login: s.login, status: s.accountStatus ?? '' })] : []),
    ...s.parents.map((p) => row({ userId: p.userId, displayName: p.displayName, who: CODES_TEXT.parentOf(s.displayName), login: p.login, status: p.status })),
  ]);
}

export function staffCodeRows(staff: StaffMember[]): CodeRow[] {
  return staff.map((s) => row({ userId: s.userId, displayName: s.displayName, who: s.position, login: s.login, status: s.status }));
}

/** Whether a new code for this person ends a password (and so asks first). */
export const isReset = (r: Pick<CodeRow, 'status'>) => r.status === 'active';

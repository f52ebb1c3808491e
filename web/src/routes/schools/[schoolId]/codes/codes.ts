/**
 * Issuing activation codes (clause 3.1): the administrator to staff, a class teacher to the students
 * and parents of their class. The server decides who may; a new code replaces the previous one.
 */
import { api } from '../../../../lib/api';
import { formatDateTime } from '../../../../lib/format';
import type { IssuedCode } from '../../../../lib/types';

export const CODES_TEXT = {
  title: 'Коды активации',
  staffIntro: 'Администратор выдаёт коды активации сотрудникам школы.',
  classIntro: (className: string) => `Коды активации для учеников и родителей класса ${className}.`,
  howTo:
    'Код действует один раз и ограниченное время; новый код заменяет выданный ранее. Передайте его человеку лично. Каждая выдача записывается в реестр выданных логинов.',
  userId: 'Идентификатор учётной записи',
  userIdHint: 'Например, u-sf-018. Список учётных записей появится здесь в следующих версиях.',
  submit: 'Выдать код',
  submitting: 'Выдаём…',
  noUserId: 'Укажите идентификатор учётной записи.',
  issuedFor: (login: string) => `Код для логина ${login}:`,
  validUntil: (expiresAt: string, timeZone?: string) => `Действует до ${formatDateTime(expiresAt, timeZone)}.`,
} as const;

export function checkUserId(userId: string): string | null {
  return userId.trim() ? null : CODES_TEXT.noUserId;
}

export function issueCode(schoolId: string, userId: string): Promise<IssuedCode> {
  return api.issueActivationCode(schoolId, userId.trim());
}

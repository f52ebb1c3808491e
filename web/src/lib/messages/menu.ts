/**
 * The menu's items of messages and surveys (issue 12, items 2-3): «Сообщения» for anyone with a role
 * in the school (its badge counts unread messages), «Опросы» for parents and class teachers.
 */
import type { RoleGrant } from '../../../../shared/auth/roles';
import { messagesPaths } from './api';
import { surveysPaths } from '../surveys/api';

export function communicationItems(g: RoleGrant): Array<{ key: string; title: string; href: string; unreadIn?: string }> {
  if (!('schoolId' in g) || g.role === 'viewer') return [];
  const messages = { key: 'messages', title: 'Сообщения', href: messagesPaths.inbox(g.schoolId), unreadIn: g.schoolId };
  const surveys = g.role === 'parent' || g.role === 'classTeacher' ? [{ key: 'surveys', title: 'Опросы', href: surveysPaths.list(g.schoolId) }] : [];
  return [messages, ...surveys];
}

/**
 * Authorisation rules of messages and parent surveys (issue 12, items 2-3; clauses 2.2, 5; R-51).
 * Messages: anyone with a role in the school has an inbox; a conversation starts only between people
 * linked by a class, a subject or a role (shared/domain/messages.ts `linked`); a thread is read by its
 * members only; announcements go to a class from its class teacher, to a grade or the school from
 * the administration. Surveys: the class teacher of a class asks its parents; a parent with a child
 * in the class answers; the author, the class's class teacher and the administration read results.
 */
import { linked, type Audience, type MessageParty } from '../../domain/messages';
import { hasSchoolRole, ledClassIds, type Principal } from '../roles';
import { inSchool } from './common';
import type { ClassObject, Preconditions, Rules, SchoolObject } from './objects';

export interface MessageStartObject extends SchoolObject {
  sender: MessageParty;
  recipient: MessageParty;
}
export interface AnnouncementObject extends SchoolObject {
  audience: Audience;
}
/** A thread: its kind, author, and the members among whom the caller was looked for. */
export interface ThreadObject extends SchoolObject {
  kind: 'direct' | 'announcement';
  authorId: string;
  memberIds: readonly string[];
}
/** A survey, and the classes of the caller's children (the service reads their cards). */
export interface SurveyObject extends ClassObject {
  authorId: string;
  askerChildClassIds: readonly string[];
}

export interface MessageObjects {
  'message.inbox': SchoolObject;
  'message.start': MessageStartObject;
  'message.announce': AnnouncementObject;
  'message.read': ThreadObject;
  'message.reply': ThreadObject;
  'message.receipts': ThreadObject;
  'survey.list': SchoolObject;
  'survey.create': ClassObject;
  'survey.read': SurveyObject;
  'survey.answer': SurveyObject;
  'survey.results': SurveyObject;
}

const administration = (p: Principal, o: SchoolObject) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy');
const leads = (p: Principal, o: ClassObject) => inSchool(p, o) && ledClassIds(p, o.schoolId).includes(o.classId);
const member = (p: Principal, o: ThreadObject) => inSchool(p, o) && o.memberIds.includes(p.userId);
const parentInClass = (p: Principal, o: SurveyObject) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'parent') && o.askerChildClassIds.includes(o.classId);

export const messageRules: Rules<MessageObjects> = {
  'message.inbox': inSchool,
  'message.start': (p, o) => inSchool(p, o) && o.sender.userId === p.userId && linked(o.sender, o.recipient),
  'message.announce': (p, o) => administration(p, o) || (o.audience.scope === 'class' && leads(p, { ...o, classId: o.audience.classId })),
  'message.read': member,
  'message.reply': (p, o) => member(p, o) && o.kind === 'direct',
  'message.receipts': (p, o) => member(p, o) && (o.authorId === p.userId || administration(p, o)),
  'survey.list': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'parent', 'classTeacher', 'director', 'deputy'),
  'survey.create': leads,
  'survey.read': (p, o) => parentInClass(p, o) || leads(p, o) || administration(p, o) || (inSchool(p, o) && o.authorId === p.userId),
  'survey.answer': parentInClass,
  'survey.results': (p, o) => leads(p, o) || administration(p, o) || (inSchool(p, o) && o.authorId === p.userId),
};

/** Announcements and surveys are staff's: a family never reaches their forms. */
const STAFF_ONLY = {
  rule: (p: Principal, o: SchoolObject) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy', 'classTeacher'),
  refusal: 'Объявления и опросы публикуют классные руководители и администрация школы.',
};

export const messagePreconditions: Preconditions<MessageObjects> = {
  'message.announce': STAFF_ONLY,
  'survey.create': STAFF_ONLY,
};

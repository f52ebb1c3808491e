/**
 * Messages (issue 12, item 2; clauses 2.2, 5; R-51): the inbox and its unread count, conversations
 * between people linked by a class, a subject or a role, announcements to the parents of a class, a
 * grade or the school with their read receipts, and the recipient picker. The link rule is the
 * domain's (shared/domain/messages.ts), asked through the policy on the parties gathered here.
 *
 * Students are reached by the conversations they start: a student's card does not always name their
 * account, and the picker never lists what it cannot address.
 */
import { randomBytes } from 'node:crypto';
import { may } from '../auth/policy';
import { ROLE_TITLES, type Principal, type RoleGrant } from '../auth/roles';
import type { AnnouncementObject, MessageStartObject, ThreadObject } from '../auth/rules/messages';
import { teachersOfLine } from '../domain/curriculum';
import { audienceLabel, cleanText, linked, messageProblem, preview, type Audience, type FamilyClass, type MessageParty } from '../domain/messages';
import { BadRequestError, NotFoundError } from '../errors';
import { displayName, getAccount, getAccounts, type Account } from '../repos/accounts';
import { listLoad, listLoadOfTeacher, listSubjects } from '../repos/curriculum';
import {
  appendMessage,
  createAnnouncement,
  createThread,
  getInboxEntry,
  getThreadForReader,
  getUnreadCount,
  listInbox,
  listStaffOfSchool,
  listThreadMembers,
  listThreadMessages,
  markRead,
  messageIdOf,
  type InboxEntry,
  type NewThread,
  type ThreadHead,
  type ThreadMember,
} from '../repos/messages';
import { className, getClass, getClasses, getStudentCards, listClasses, listStudentsOfClass, type School, type SchoolClass } from '../repos/school';

const INBOX_LIMIT = 50;
const STAFF_ROLES = new Set(['teacher', 'classTeacher', 'secretary', 'administrator', 'deputy', 'director']);

type Grants = readonly RoleGrant[];
type SchoolGrant = Extract<RoleGrant, { schoolId: string }>;

const grantsIn = (grants: Grants, sch: string): SchoolGrant[] => grants.filter((g): g is SchoolGrant => 'schoolId' in g && g.schoolId === sch && g.role !== 'viewer');
const familyStudentIds = (grants: Grants, sch: string) => grantsIn(grants, sch).flatMap((g) => (g.role === 'parent' || g.role === 'student' ? [g.studentId] : []));
const has = (grants: Grants, sch: string, ...roles: string[]) => grantsIn(grants, sch).some((g) => roles.includes(g.role));

/** «Директор», «Классный руководитель», «учитель математики», «Родитель»: how the other side is named. */
export function roleLabel(grants: Grants, sch: string, position?: string): string {
  if (has(grants, sch, 'director')) return ROLE_TITLES.director;
  if (has(grants, sch, 'deputy')) return ROLE_TITLES.deputy;
  if (has(grants, sch, 'teacher', 'classTeacher', 'secretary', 'administrator')) {
    const ct = has(grants, sch, 'classTeacher') ? ROLE_TITLES.classTeacher : '';
    return [ct, position ?? ''].filter(Boolean).join(', ') || ROLE_TITLES.teacher;
  }
  return has(grants, sch, 'parent') ? ROLE_TITLES.parent : ROLE_TITLES.student;
}

interface ClassLink extends FamilyClass {
  cls: SchoolClass;
  /** Subject ids each teacher teaches in the class. */
  subjectsOf: Map<string, string[]>;
}

/** The classes with their class teacher and subject teachers (one Query per class, in parallel). */
async function classLinks(sch: string, classIds: readonly string[]): Promise<Map<string, ClassLink>> {
  const unique = [...new Set(classIds)];
  if (unique.length === 0) return new Map();
  const classes = await getClasses(unique.map((classId) => ({ schoolId: sch, classId })));
  const loads = await Promise.all(classes.map((c) => listLoad(sch, c.yearId, c.classId)));
  return new Map(
    classes.map((cls, i) => {
      const subjectsOf = new Map<string, string[]>();
      for (const t of loads[i]!.flatMap(teachersOfLine)) subjectsOf.set(t.teacherId, [...new Set([...(subjectsOf.get(t.teacherId) ?? []), t.subjectId])]);
      return [cls.classId, { classId: cls.classId, classTeacherId: cls.classTeacherId, teacherIds: [...subjectsOf.keys()], cls, subjectsOf }];
    }),
  );
}

/** The classes of the students named: one BatchGetItem of their cards. */
async function classesOfStudents(sch: string, studentIds: readonly string[]): Promise<Map<string, string>> {
  if (studentIds.length === 0) return new Map();
  const cards = await getStudentCards([...new Set(studentIds)].map((studentId) => ({ schoolId: sch, studentId })));
  return new Map(cards.map((c) => [c.studentId, c.classId]));
}

function partyOf(userId: string, grants: Grants, sch: string, classOf: Map<string, string>, links: Map<string, ClassLink>): MessageParty {
  const here = grantsIn(grants, sch);
  return {
    userId,
    staff: here.some((g) => STAFF_ROLES.has(g.role)),
    administration: here.some((g) => g.role === 'director' || g.role === 'deputy'),
    ledClassIds: here.flatMap((g) => (g.role === 'classTeacher' ? [g.classId] : [])),
    familyClasses: familyStudentIds(grants, sch).flatMap((s) => {
      const link = links.get(classOf.get(s) ?? '');
      return link ? [link] : [];
    }),
  };
}

const schoolObject = (school: School) => ({ departmentId: school.departmentId, schoolId: school.schoolId });

// --- starting a conversation -------------------------------------------------------------------

export interface StartContext {
  access: MessageStartObject;
  recipient: Account;
}

/** The recipient and both parties; 404 for an account that is not of this school (nothing about it is told). */
export async function loadStartContext(p: Principal, school: School, recipientId: string | undefined): Promise<StartContext> {
  const sch = school.schoolId;
  const recipient = recipientId ? await getAccount(recipientId) : null;
  if (!recipient || recipient.status === 'disabled' || recipient.departmentId !== school.departmentId || grantsIn(recipient.grants, sch).length === 0) {
    throw new NotFoundError(NOT_A_CONTACT);
  }
  const classOf = await classesOfStudents(sch, [...familyStudentIds(p.grants, sch), ...familyStudentIds(recipient.grants, sch)]);
  const links = await classLinks(sch, [...classOf.values()]);
  return {
    recipient,
    access: { ...schoolObject(school), sender: partyOf(p.userId, p.grants, sch, classOf, links), recipient: partyOf(recipient.userId, recipient.grants, sch, classOf, links) },
  };
}

export const NOT_A_CONTACT = 'Получатель не найден среди тех, кому вы можете написать: учителя и классный руководитель ваших классов, администрация школы.';

const newId = (prefix: string) => `${prefix}${randomBytes(8).toString('hex')}`;
const nonce = () => randomBytes(4).toString('hex');

export interface ThreadView {
  thread: {
    threadId: string;
    kind: 'direct' | 'announcement';
    subject: string;
    authorId: string;
    authorName: string;
    createdAt: string;
    participants: Array<{ userId: string; name: string; role: string }>;
    audienceLabel?: string;
    recipientCount?: number;
  };
  messages: Array<{ messageId: string; authorName: string; mine: boolean; text: string; at: string }>;
  canReply: boolean;
  canSeeReceipts: boolean;
}

function checkedText(text: string, subject?: string): { text: string; subject: string } {
  const problem = messageProblem(text, subject);
  if (problem) throw new BadRequestError(problem);
  return { text: cleanText(text), subject: subject === undefined ? '' : cleanText(subject) };
}

/** Starts a conversation with its first message; answers the thread as its author sees it. */
export async function startThread(p: Principal, school: School, ctx: StartContext, input: { subject: string; text: string }, now: Date): Promise<ThreadView> {
  const { text, subject } = checkedText(input.text, input.subject);
  const sch = school.schoolId;
  const at = now.toISOString();
  const threadId = newId('t');
  const participants = [
    { userId: p.userId, name: p.displayName, role: roleLabel(p.grants, sch, (await getAccount(p.userId))?.position) },
    { userId: ctx.recipient.userId, name: displayName(ctx.recipient), role: roleLabel(ctx.recipient.grants, sch, ctx.recipient.position) },
  ];
  const head: ThreadHead = { schoolId: sch, threadId, kind: 'direct', subject, authorId: p.userId, authorName: p.displayName, createdAt: at, lastAt: at, messageCount: 1, participants };
  const message = { messageId: messageIdOf(at, nonce()), authorId: p.userId, authorName: p.displayName, text, at };
  const t: NewThread = {
    head,
    message,
    members: participants.map((m) => {
      const mine = m.userId === p.userId;
      const counterpart = participants.filter((o) => o.userId !== m.userId).map((o) => o.name).join(', ');
      return { member: { userId: m.userId, name: m.name, ...(mine ? { readAt: at } : {}) }, entry: { threadId, kind: 'direct', subject, counterpart, lastAt: at, preview: preview(text), unread: mine ? 0 : 1 } };
    }),
  };
  await createThread(t, p, now);
  return threadView(p, school, head, [message]);
}

// --- announcements -------------------------------------------------------------------------------

export async function loadAnnouncementContext(school: School, audience: Audience): Promise<{ access: AnnouncementObject; cls: SchoolClass | null }> {
  const cls = audience.scope === 'class' ? await getClass(school.schoolId, audience.classId) : null;
  if (audience.scope === 'class' && !cls) throw new NotFoundError('Класс не найден.');
  return { cls, access: { ...schoolObject(school), audience } };
}

/** The parents an announcement reaches: of the class, of the grade's classes or of every class this year. */
async function parentsOf(school: School, audience: Audience, cls: SchoolClass | null): Promise<Account[]> {
  const sch = school.schoolId;
  let classIds: string[];
  if (audience.scope === 'class') classIds = [cls!.classId];
  else {
    const all = await listClasses(sch);
    const yearId = all.map((c) => c.yearId).sort().at(-1);
    classIds = all.filter((c) => c.yearId === yearId && (audience.scope === 'school' || c.grade === audience.grade)).map((c) => c.classId);
  }
  const rosters = await Promise.all(classIds.map((c) => listStudentsOfClass(sch, c)));
  const parentIds = [...new Set(rosters.flat().flatMap((s) => s.parentIds))];
  return (await getAccounts(parentIds)).filter((a) => a.status !== 'disabled');
}

export async function announce(p: Principal, school: School, ctx: { cls: SchoolClass | null }, audience: Audience, input: { subject: string; text: string }, now: Date): Promise<ThreadView> {
  const { text, subject } = checkedText(input.text, input.subject);
  const sch = school.schoolId;
  const recipients = (await parentsOf(school, audience, ctx.cls)).filter((a) => a.userId !== p.userId);
  if (recipients.length === 0) throw new BadRequestError('Среди адресатов объявления нет ни одного родителя с учётной записью.');
  const at = now.toISOString();
  const threadId = newId('a');
  const label = audienceLabel(audience, ctx.cls ? className(ctx.cls) : undefined);
  const head: ThreadHead = {
    schoolId: sch, threadId, kind: 'announcement', subject, authorId: p.userId, authorName: p.displayName, createdAt: at, lastAt: at, messageCount: 1,
    audience, audienceLabel: label, recipientCount: recipients.length,
  };
  const message = { messageId: messageIdOf(at, nonce()), authorId: p.userId, authorName: p.displayName, text, at };
  const entry = (unread: number, counterpart: string): InboxEntry => ({ threadId, kind: 'announcement', subject, counterpart, lastAt: at, preview: preview(text), unread });
  const author = { member: { userId: p.userId, name: p.displayName, author: true, readAt: at }, entry: entry(0, label) };
  await createAnnouncement(
    { head, message, members: [author] },
    recipients.map((a) => ({ member: { userId: a.userId, name: displayName(a) }, entry: entry(1, p.displayName) })),
    p,
    now,
  );
  return threadView(p, school, head, [message]);
}

// --- reading and replying ------------------------------------------------------------------------

export interface LoadedThread {
  head: ThreadHead | null;
  member: ThreadMember | null;
  access: ThreadObject;
}

/** The thread and the caller's membership: one BatchGetItem. A thread that does not exist is a non-member's. */
export async function loadThread(p: Principal, school: School, threadId: string): Promise<LoadedThread> {
  const { head, member } = await getThreadForReader(school.schoolId, threadId, p.userId);
  return {
    head,
    member,
    access: { ...schoolObject(school), kind: head?.kind ?? 'direct', authorId: head?.authorId ?? '', memberIds: head && member ? [member.userId] : [] },
  };
}

export const NO_THREAD = 'Переписка не найдена.';

function threadView(p: Principal, school: School, head: ThreadHead, messages: Array<{ messageId: string; authorId: string; authorName: string; text: string; at: string }>): ThreadView {
  const access: ThreadObject = { ...schoolObject(school), kind: head.kind, authorId: head.authorId, memberIds: [p.userId] };
  return {
    thread: {
      threadId: head.threadId,
      kind: head.kind,
      subject: head.subject,
      authorId: head.authorId,
      authorName: head.authorName,
      createdAt: head.createdAt,
      participants: head.participants ?? [],
      ...(head.audienceLabel ? { audienceLabel: head.audienceLabel, recipientCount: head.recipientCount ?? 0 } : {}),
    },
    messages: messages.map((m) => ({ messageId: m.messageId, authorName: m.authorName, mine: m.authorId === p.userId, text: m.text, at: m.at })),
    canReply: may(p, 'message.reply', access),
    canSeeReceipts: head.kind === 'announcement' && may(p, 'message.receipts', access),
  };
}

export async function readThread(p: Principal, school: School, head: ThreadHead): Promise<ThreadView> {
  return threadView(p, school, head, await listThreadMessages(school.schoolId, head.threadId));
}

export async function reply(p: Principal, school: School, head: ThreadHead, input: { text: string }, now: Date): Promise<ThreadView> {
  const { text } = checkedText(input.text);
  const at = now.toISOString();
  const message = { messageId: messageIdOf(at, nonce()), authorId: p.userId, authorName: p.displayName, text, at };
  await appendMessage(head, message, (head.participants ?? []).map((m) => m.userId), preview(text), p, now);
  return readThread(p, school, head);
}

/** The caller has read the thread: unread to 0, the receipt recorded. Answers the caller's unread total. */
export async function markThreadRead(p: Principal, school: School, threadId: string, now: Date): Promise<number> {
  const sch = school.schoolId;
  for (let attempt = 0; attempt < 5; attempt++) {
    const entry = await getInboxEntry(sch, p.userId, threadId);
    if (!entry || (await markRead(sch, threadId, p.userId, entry.unread, now.toISOString()))) break;
  }
  return getUnreadCount(sch, p.userId);
}

export interface Receipts {
  recipientCount: number;
  read: Array<{ name: string; readAt: string }>;
  unread: Array<{ name: string }>;
}

/** Who of an announcement's recipients has read it, and who has not yet: one Query of its members. */
export async function receipts(school: School, head: ThreadHead): Promise<Receipts> {
  const members = (await listThreadMembers(school.schoolId, head.threadId)).filter((m) => !m.author);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'ru');
  return {
    recipientCount: members.length,
    read: members.flatMap((m) => (m.readAt ? [{ name: m.name, readAt: m.readAt }] : [])).sort(byName),
    unread: members.filter((m) => !m.readAt).map((m) => ({ name: m.name })).sort(byName),
  };
}

// --- inbox and picker -------------------------------------------------------------------------------

export async function inbox(p: Principal, school: School): Promise<{ unread: number; threads: InboxEntry[] }> {
  const [threads, unread] = await Promise.all([listInbox(school.schoolId, p.userId, INBOX_LIMIT), getUnreadCount(school.schoolId, p.userId)]);
  return { unread, threads };
}

export const unreadCount = (p: Principal, schoolId: string) => getUnreadCount(schoolId, p.userId);

export interface Contact {
  userId: string;
  name: string;
  role: string;
}

export interface Contacts {
  people: Contact[];
  /** Classes whose families the caller may write to (staff), to list them by `?classId=`. */
  classes: Array<{ classId: string; name: string }>;
  /** Whom the caller may address an announcement to. */
  audiences: Array<Audience & { label: string }>;
}

const byName = (a: Contact, b: Contact) => a.name.localeCompare(b.name, 'ru');

/**
 * The recipient picker: the staff the caller is linked with (a family sees only their children's
 * teachers, class teachers and the administration), the classes whose families a staff member may
 * write to, and the audiences they may announce to. With `classId`, the parents of that class.
 */
export async function contacts(p: Principal, school: School, classId: string | undefined): Promise<Contacts> {
  const sch = school.schoolId;
  if (classId) return { people: await familiesOfClass(p, school, classId), classes: [], audiences: [] };
  const own = familyStudentIds(p.grants, sch);
  const [staff, classOf, classes, subjects] = await Promise.all([listStaffOfSchool(sch), classesOfStudents(sch, own), listClasses(sch), listSubjects(sch)]);
  const links = await classLinks(sch, [...classOf.values()]);
  const me = partyOf(p.userId, p.grants, sch, classOf, links);
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const context = (userId: string) =>
    [...links.values()].flatMap((l) => {
      const parts = [l.classTeacherId === userId ? 'классный руководитель' : '', ...(l.subjectsOf.get(userId) ?? []).map((s) => subjectName.get(s) ?? s)].filter(Boolean);
      return parts.length ? [`${className(l.cls)}: ${parts.join(', ')}`] : [];
    });
  const people = staff
    .filter((s) => s.userId !== p.userId && linked(me, partyOf(s.userId, s.grants, sch, new Map(), new Map())))
    .map((s) => {
      const where = context(s.userId);
      return { userId: s.userId, name: displayName(s), role: [roleLabel(s.grants, sch, s.position), ...where].join('; ') };
    })
    .sort(byName);
  const yearId = classes.map((c) => c.yearId).sort().at(-1);
  const current = classes.filter((c) => c.yearId === yearId);
  const taught = me.staff && yearId ? new Set((await listLoadOfTeacher(sch, yearId, p.userId)).map((l) => l.classId)) : new Set<string>();
  const reachable = me.staff ? current.filter((c) => me.administration || me.ledClassIds.includes(c.classId) || taught.has(c.classId)) : [];
  const audiences = [
    ...(may(p, 'message.announce', { ...schoolObject(school), audience: { scope: 'school' } }) ? [{ scope: 'school' as const, label: audienceLabel({ scope: 'school' }) }] : []),
    ...[...new Set(current.map((c) => c.grade))]
      .filter((grade) => may(p, 'message.announce', { ...schoolObject(school), audience: { scope: 'grade', grade } }))
      .map((grade) => ({ scope: 'grade' as const, grade, label: audienceLabel({ scope: 'grade', grade }) })),
    ...current
      .filter((c) => may(p, 'message.announce', { ...schoolObject(school), audience: { scope: 'class', classId: c.classId } }))
      .map((c) => ({ scope: 'class' as const, classId: c.classId, label: audienceLabel({ scope: 'class', classId: c.classId }, className(c)) })),
  ];
  return { people, classes: reachable.map((c) => ({ classId: c.classId, name: className(c) })), audiences };
}

/** The parents of a class, for a staff member linked with its families; 404 for anyone else. */
async function familiesOfClass(p: Principal, school: School, classId: string): Promise<Contact[]> {
  const sch = school.schoolId;
  const links = await classLinks(sch, [classId]);
  const link = links.get(classId);
  const me = partyOf(p.userId, p.grants, sch, new Map(), links);
  const family: MessageParty = { userId: '', staff: false, administration: false, ledClassIds: [], familyClasses: link ? [link] : [] };
  if (!link || !may(p, 'message.start', { ...schoolObject(school), sender: me, recipient: family })) throw new NotFoundError('Класс не найден среди ваших.');
  const roster = await listStudentsOfClass(sch, classId);
  const childOf = new Map<string, string[]>();
  for (const s of roster) for (const id of s.parentIds) childOf.set(id, [...(childOf.get(id) ?? []), `${s.lastName} ${s.firstName}`]);
  const parents = (await getAccounts([...childOf.keys()])).filter((a) => a.status !== 'disabled');
  return parents.map((a) => ({ userId: a.userId, name: displayName(a), role: `${ROLE_TITLES.parent}: ${childOf.get(a.userId)!.join(', ')}` })).sort(byName);
}

/**
 * Messages as stored (issue 12, item 2). A thread is one partition: its head, its messages and its
 * members (each member's item records when they read it: the read receipts). Each member also has
 * an inbox entry in their own partition (unread count, last message; gsi1 orders a person's entries
 * newest first) and one unread counter item, which the menu reads with a single GetItem.
 *
 * A message, its thread's head, every member's inbox entry and unread counter, and the audit
 * record are ONE transaction, so a badge can never disagree with the inbox. Reading resets the
 * entry on a condition on the count it read, so a message arriving meanwhile is not lost from it.
 *
 * Announcements fan out: the recipients' members, inbox entries and counters are written in
 * transactions of 33 recipients (3 operations each, DynamoDB's limit is 100 per transaction), after
 * the first one that creates the thread. Why fan out rather than a feed per class read at inbox
 * time: the badge must stay one GetItem for every person on every screen, while an announcement is
 * sent a few times a week; a class has at most 60 parents (2 transactions), a school ~1,000 (about 30,
 * sent 4 at a time). Each batch carries an idempotency token, so a retried send is not counted twice.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../auth/roles';
import { dynamo, tableName } from '../db/client';
import { keys } from '../db/keys';
import { batchGet, getItem, queryAll, queryPrefix, stripKeys, type Item } from '../db/query';
import { CREATE_ONLY, putOp, transact, transactIf, type TransactItem } from '../db/transact';
import type { Audience } from '../domain/messages';
import { staffAccountItemsOfSchool, type Account } from './accounts';
import { auditPut } from './audit';

export type ThreadKind = 'direct' | 'announcement';

export interface ThreadParticipant {
  userId: string;
  name: string;
  /** «Учитель», «Родитель» …: how the other side sees this person. */
  role: string;
}

export interface ThreadHead {
  schoolId: string;
  threadId: string;
  kind: ThreadKind;
  subject: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  lastAt: string;
  messageCount: number;
  /** The two (or more) sides of a conversation. */
  participants?: ThreadParticipant[];
  /** An announcement's audience, its label («родителям 5А») and how many it reached. */
  audience?: Audience;
  audienceLabel?: string;
  recipientCount?: number;
}

export interface StoredMessage {
  messageId: string;
  authorId: string;
  authorName: string;
  text: string;
  at: string;
}

export interface ThreadMember {
  userId: string;
  name: string;
  author?: boolean;
  /** When the member first opened the thread after its last message for them. */
  readAt?: string;
}

export interface InboxEntry {
  threadId: string;
  kind: ThreadKind;
  subject: string;
  /** Who is on the other side: the other participant(s), or the announcement's author. */
  counterpart: string;
  lastAt: string;
  preview: string;
  unread: number;
}

type Actor = Pick<Principal, 'userId' | 'displayName'>;

const HEAD = 'thread';
const MESSAGE = 'threadMessage';
const MEMBER = 'threadMember';
const ENTRY = 'inboxEntry';

const entity = (threadId: string) => `THR#${threadId}`;

function messageItem(sch: string, threadId: string, m: StoredMessage): Item {
  const [at, nonce] = [m.at, m.messageId.slice(m.at.length + 1)];
  return { ...keys.threadMessage(sch, threadId, at, nonce), type: MESSAGE, ...m };
}

export const messageIdOf = (at: string, nonce: string) => `${at}#${nonce}`;

function entryItem(sch: string, userId: string, e: InboxEntry): Item {
  return { ...keys.inboxEntry(sch, userId, e.threadId), ...keys.inboxByTime(sch, userId, e.lastAt, e.threadId), type: ENTRY, ...e };
}

function memberItem(sch: string, threadId: string, m: ThreadMember): Item {
  return { ...keys.threadMember(sch, threadId, m.userId), type: MEMBER, ...m };
}

function counterOp(sch: string, userId: string, delta: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.inboxCounter(sch, userId),
      UpdateExpression: 'SET #t = :type ADD unread :d',
      ExpressionAttributeNames: { '#t': 'type' },
      ExpressionAttributeValues: { ':type': 'inboxCounter', ':d': delta },
    },
  };
}

/** The thread's head and the reader's member item, in one BatchGetItem. */
export async function getThreadForReader(sch: string, threadId: string, userId: string): Promise<{ head: ThreadHead | null; member: ThreadMember | null }> {
  const hk = keys.thread(sch, threadId);
  const mk = keys.threadMember(sch, threadId, userId);
  const items = await batchGet([hk, mk], { consistent: true });
  const find = (k: { pk: string; sk: string }) => items.find((i) => i.pk === k.pk && i.sk === k.sk);
  return { head: stripKeys<ThreadHead>(find(hk), HEAD), member: stripKeys<ThreadMember>(find(mk), MEMBER) };
}

export async function listThreadMessages(sch: string, threadId: string): Promise<StoredMessage[]> {
  const items = await queryPrefix(keys.threadPartition(sch, threadId), keys.threadMessagesPrefix(), { consistent: true });
  return items.flatMap((i) => stripKeys<StoredMessage>(i, MESSAGE) ?? []);
}

export async function listThreadMembers(sch: string, threadId: string): Promise<ThreadMember[]> {
  const items = await queryPrefix(keys.threadPartition(sch, threadId), keys.threadMembersPrefix(), { consistent: true });
  return items.flatMap((i) => stripKeys<ThreadMember>(i, MEMBER) ?? []);
}

/** A person's threads, newest first: one Query of gsi1. */
export async function listInbox(sch: string, userId: string, limit: number): Promise<InboxEntry[]> {
  const items = await queryAll(
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.inboxByTimePartition(sch, userId) },
      ScanIndexForward: false,
      Limit: limit,
    },
    { stopAt: limit },
  );
  return items.slice(0, limit).flatMap((i) => stripKeys<InboxEntry>(i, ENTRY) ?? []);
}

export async function getInboxEntry(sch: string, userId: string, threadId: string): Promise<InboxEntry | null> {
  return stripKeys<InboxEntry>((await getItem(keys.inboxEntry(sch, userId, threadId), { consistent: true })) ?? undefined, ENTRY);
}

/** The person's unread messages in the school: one GetItem. */
export async function getUnreadCount(sch: string, userId: string): Promise<number> {
  const item = await getItem(keys.inboxCounter(sch, userId));
  return Math.max(0, Number(item?.unread ?? 0));
}

export interface NewThread {
  head: ThreadHead;
  message: StoredMessage;
  /** Every member with their inbox entry as it starts (the sender's read, the others' with 1 unread). */
  members: Array<{ member: ThreadMember; entry: InboxEntry }>;
}

/** The operations that create a thread: head, first message, members, entries, counters, audit. */
function threadOps(t: NewThread, actor: Actor, at: Date): TransactItem[] {
  const sch = t.head.schoolId;
  return [
    putOp({ ...keys.thread(sch, t.head.threadId), type: HEAD, ...t.head }, CREATE_ONLY),
    putOp(messageItem(sch, t.head.threadId, t.message), CREATE_ONLY),
    ...t.members.flatMap(({ member, entry }) => [
      putOp(memberItem(sch, t.head.threadId, member), CREATE_ONLY),
      putOp(entryItem(sch, member.userId, entry), CREATE_ONLY),
      ...(entry.unread > 0 ? [counterOp(sch, member.userId, entry.unread)] : []),
    ]),
    auditPut({ schoolId: sch, actor, action: `message.${t.head.kind}`, entity: entity(t.head.threadId), after: { subject: t.head.subject, audience: t.head.audienceLabel, to: t.members.length - 1 }, at }),
  ];
}

/**
 * The items of a thread as stored, with each member's unread counter at its entry's count: for a
 * loader that writes a thread into an empty table (the demo school). Counters of several threads
 * for one person are summed by the caller.
 */
export function threadItems(t: NewThread): Item[] {
  const sch = t.head.schoolId;
  return [
    { ...keys.thread(sch, t.head.threadId), type: HEAD, ...t.head },
    messageItem(sch, t.head.threadId, t.message),
    ...t.members.flatMap(({ member, entry }) => [memberItem(sch, t.head.threadId, member), entryItem(sch, member.userId, entry)]),
  ];
}

/** An unread counter as stored (for a loader; requests change it with ADD). */
export function counterItem(sch: string, userId: string, unread: number): Item {
  return { ...keys.inboxCounter(sch, userId), type: 'inboxCounter', unread };
}

/** A message of a thread as stored (a loader adding replies after the first). */
export const threadMessageItem = messageItem;

/** A conversation: one transaction. */
export async function createThread(t: NewThread, actor: Actor, at: Date): Promise<void> {
  await transact(threadOps(t, actor, at));
}

const RECIPIENTS_PER_BATCH = 33;
const PARALLEL_BATCHES = 4;

/**
 * An announcement: the thread with its author in one transaction, then the recipients in batches
 * (see the header). Returns how many recipients it reached.
 */
export async function createAnnouncement(t: NewThread, recipients: Array<{ member: ThreadMember; entry: InboxEntry }>, actor: Actor, at: Date): Promise<void> {
  const sch = t.head.schoolId;
  const threadId = t.head.threadId;
  await transact(threadOps(t, actor, at), { idempotencyToken: `${threadId}.h` });
  const batches: TransactItem[][] = [];
  for (let i = 0; i < recipients.length; i += RECIPIENTS_PER_BATCH) {
    batches.push(
      recipients.slice(i, i + RECIPIENTS_PER_BATCH).flatMap(({ member, entry }) => [
        putOp(memberItem(sch, threadId, member), CREATE_ONLY),
        putOp(entryItem(sch, member.userId, entry), CREATE_ONLY),
        counterOp(sch, member.userId, entry.unread),
      ]),
    );
  }
  for (let i = 0; i < batches.length; i += PARALLEL_BATCHES) {
    await Promise.all(batches.slice(i, i + PARALLEL_BATCHES).map((ops, j) => transact(ops, { idempotencyToken: `${threadId}.${i + j}` })));
  }
}

/**
 * A reply: the message, the head's last time and count, every member's entry (the others' unread
 * up by one) and counter, and the audit record (who wrote in which thread, not the text) in one
 * transaction. `members` are the thread's participants.
 */
export async function appendMessage(head: ThreadHead, message: StoredMessage, memberIds: readonly string[], previewText: string, actor: Actor, at: Date): Promise<void> {
  const sch = head.schoolId;
  const entryUpdate = (userId: string): TransactItem => {
    const byTime = keys.inboxByTime(sch, userId, message.at, head.threadId);
    const mine = userId === message.authorId;
    return {
      Update: {
        TableName: tableName(),
        Key: keys.inboxEntry(sch, userId, head.threadId),
        UpdateExpression: `SET lastAt = :at, preview = :pv, gsi1sk = :g${mine ? '' : ' ADD unread :one'}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': message.at, ':pv': previewText, ':g': byTime.gsi1sk, ...(mine ? {} : { ':one': 1 }) },
      },
    };
  };
  await transact([
    putOp(messageItem(sch, head.threadId, message), CREATE_ONLY),
    {
      Update: {
        TableName: tableName(),
        Key: keys.thread(sch, head.threadId),
        UpdateExpression: 'SET lastAt = :at ADD messageCount :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': message.at, ':one': 1 },
      },
    },
    ...memberIds.map(entryUpdate),
    ...memberIds.filter((id) => id !== message.authorId).map((id) => counterOp(sch, id, 1)),
    auditPut({ schoolId: sch, actor, action: 'message.reply', entity: entity(head.threadId), after: { messageId: message.messageId }, at }),
  ]);
}

/**
 * The reader has read the thread: their entry's unread goes to 0 if it still is `unread`, the
 * counter down by as much, and their member item gets its first read time (the receipt). False
 * when a message arrived meanwhile (the caller reads the entry again). A receipt is its own record
 * of who and when, so no audit item is added.
 */
export async function markRead(sch: string, threadId: string, userId: string, unread: number, at: string): Promise<boolean> {
  const ops: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: keys.inboxEntry(sch, userId, threadId),
        UpdateExpression: 'SET unread = :zero',
        ConditionExpression: 'unread = :n',
        ExpressionAttributeValues: { ':zero': 0, ':n': unread },
      },
    },
    ...(unread > 0 ? [counterOp(sch, userId, -unread)] : []),
    {
      Update: {
        TableName: tableName(),
        Key: keys.threadMember(sch, threadId, userId),
        UpdateExpression: 'SET readAt = if_not_exists(readAt, :at)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      },
    },
  ];
  return transactIf(ops);
}

/** The member's receipt alone (an entry already at 0 unread): a single conditional Update. */
export async function recordReceipt(sch: string, threadId: string, userId: string, at: string): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.threadMember(sch, threadId, userId),
      UpdateExpression: 'SET readAt = if_not_exists(readAt, :at)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
}

/** The school's staff accounts (the recipient picker's colleagues and administration): one Query of
 * the school's accounts (gsi2), staff only, with the fields a contact needs. */
export async function listStaffOfSchool(sch: string): Promise<Array<Pick<Account, 'userId' | 'lastName' | 'firstName' | 'middleName' | 'position' | 'grants' | 'status'>>> {
  return (await staffAccountItemsOfSchool(sch)).filter((i) => i.status !== 'disabled') as never;
}

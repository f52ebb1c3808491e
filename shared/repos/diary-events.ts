/**
 * The diary's events (issue 12): one partition per school, sorted by date (`keys.diaryEvent`), so a
 * week or a month of them is one Query. A change and its audit record are one transaction; an
 * edit or a removal holds a condition on the version read, so two editors cannot overwrite each other.
 */
import { keys } from '../db/keys';
import { queryAll, stripKeys } from '../db/query';
import { deleteOp, putOp, transact, versionCondition, type TransactItem } from '../db/transact';
import { parseEventId, type DiaryEvent } from '../domain/diary-events';
import { getItem } from '../db/query';

export interface StoredEvent extends DiaryEvent {
  schoolId: string;
  publishedBy: string;
  publishedAt: string;
}

export function eventKey(schoolId: string, eventId: string) {
  const id = parseEventId(eventId);
  return id ? keys.diaryEvent(schoolId, id.date, id.nonce) : null;
}

export function eventItem(e: StoredEvent) {
  return { ...eventKey(e.schoolId, e.eventId)!, type: 'diaryEvent', ...e };
}

/** The school's events dated from..to (inclusive): ONE Query. */
export async function listEvents(schoolId: string, from: string, to: string): Promise<StoredEvent[]> {
  const range = keys.diaryEventsBetween(from, to);
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.diaryEventsPartition(schoolId), ':from': range.skFrom, ':to': range.skTo },
  });
  return items.flatMap((i) => stripKeys<StoredEvent>(i, 'diaryEvent') ?? []);
}

export async function getEvent(schoolId: string, eventId: string): Promise<StoredEvent | null> {
  const key = eventKey(schoolId, eventId);
  if (!key) return null;
  return stripKeys<StoredEvent>((await getItem(key, { consistent: true })) ?? undefined, 'diaryEvent');
}

/** A new event (its key is new: created only where nothing is). */
export function createEventOp(e: StoredEvent): TransactItem {
  return putOp(eventItem(e), versionCondition(undefined));
}

/** Replaces `before` (at its version) with `after`; a changed date moves the item to its new key. */
export function replaceEventOps(before: StoredEvent, after: StoredEvent): TransactItem[] {
  if (before.eventId === after.eventId) return [putOp(eventItem(after), versionCondition(before.version))];
  return [deleteOp(eventKey(before.schoolId, before.eventId)!, versionCondition(before.version)), putOp(eventItem(after), versionCondition(undefined))];
}

export function deleteEventOp(e: StoredEvent): TransactItem {
  return deleteOp(eventKey(e.schoolId, e.eventId)!, versionCondition(e.version));
}

export { transact };

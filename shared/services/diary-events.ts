/**
 * Publishing the diary's events (issue 12, item 1): the deputy or director for the school, a grade
 * or a class, a class teacher for their own class. A change and its audit record are one
 * transaction; an edit or removal names the version it began from, and a stale one is a 409 with
 * the event as it is now. The family reads them in the week (shared/services/diary-week.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/roles';
import { addDays, daysBetween } from '../domain/calendar';
import { audienceTitle, byDateAndTime, eventIdOf, eventIsFor, eventProblems, EVENT_LIST_MAX_DAYS, type DiaryEvent, type EventAudience, type EventInput } from '../domain/diary-events';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { auditPut } from '../repos/audit';
import { createEventOp, deleteEventOp, getEvent, listEvents, replaceEventOps, transact, type StoredEvent } from '../repos/diary-events';
import { TransactionCancelled } from '../db/transact';
import { className, getClass, listClasses } from '../repos/school';

/** The body as the API takes it: flat (the adapter sees whom it is for before reading it whole). */
export interface EventBody {
  date: string;
  time?: string | undefined;
  title: string;
  place?: string | undefined;
  audience: 'school' | 'grade' | 'class';
  grade?: number | undefined;
  classId?: string | undefined;
}

/** Whom the body's event is for; a missing grade or class is a 400. */
export function audienceOf(b: Pick<EventBody, 'audience' | 'grade' | 'classId'>): EventAudience {
  if (b.audience === 'grade') {
    if (b.grade === undefined) throw new BadRequestError('Укажите параллель: класс от 1 до 11.');
    return { kind: 'grade', grade: b.grade };
  }
  if (b.audience === 'class') {
    if (!b.classId) throw new BadRequestError('Укажите класс, для которого мероприятие.');
    return { kind: 'class', classId: b.classId };
  }
  return { kind: 'school' };
}

/** Whom an event is for, as far as the adapter can see before reading the body: for authorising it. */
export function peekedAudience(peek: (field: string) => string | undefined): EventAudience {
  const kind = peek('audience');
  if (kind === 'class') return { kind: 'class', classId: peek('classId') ?? '' };
  // A grade's number is not needed to decide: only the administration publishes for a grade.
  if (kind === 'grade') return { kind: 'grade', grade: 0 };
  return { kind: 'school' };
}

async function validInput(schoolId: string, b: EventBody): Promise<{ input: EventInput; audienceName: string }> {
  const input: EventInput = {
    date: b.date,
    ...(b.time ? { time: b.time } : {}),
    title: b.title.trim(),
    ...(b.place?.trim() ? { place: b.place.trim() } : {}),
    audience: audienceOf(b),
  };
  const problems = eventProblems(input);
  if (problems.length) throw new BadRequestError(problems.join(' '));
  if (input.audience.kind === 'class') {
    const cls = await getClass(schoolId, input.audience.classId);
    if (!cls) throw new BadRequestError('Такого класса в школе нет.');
    return { input, audienceName: className(cls) };
  }
  return { input, audienceName: '' };
}

const nonce = () => randomBytes(5).toString('hex');
const actorName = (p: Principal) => p.displayName;

export async function publishEvent(p: Principal, schoolId: string, body: EventBody, now: Date) {
  const { input, audienceName } = await validInput(schoolId, body);
  const event: StoredEvent = {
    ...input,
    eventId: eventIdOf(input.date, nonce()),
    schoolId,
    audienceTitle: '',
    publishedBy: p.userId,
    publishedByName: actorName(p),
    publishedAt: now.toISOString(),
    version: 1,
  };
  await transact([createEventOp(event), auditPut({ schoolId, actor: p, action: 'event.create', entity: `EVENT#${event.eventId}`, after: input, at: now })]);
  return eventView(event, () => audienceName);
}

/** The stored event of the path, or 404. */
export async function loadEvent(schoolId: string, eventId: string): Promise<StoredEvent> {
  const e = await getEvent(schoolId, eventId);
  if (!e) throw new NotFoundError('Мероприятие не найдено: возможно, его уже удалили.');
  return e;
}

async function stale(schoolId: string, eventId: string): Promise<Error> {
  const now = await getEvent(schoolId, eventId);
  return new ConflictError('Мероприятие уже изменили или удалили: обновите страницу.', now ? eventView(now, () => '') : null);
}

export async function editEvent(p: Principal, before: StoredEvent, body: EventBody & { version: number }, now: Date) {
  if (body.version !== before.version) throw await stale(before.schoolId, before.eventId);
  const { input, audienceName } = await validInput(before.schoolId, body);
  const after: StoredEvent = {
    ...before,
    ...input,
    ...(input.time ? {} : { time: undefined }),
    ...(input.place ? {} : { place: undefined }),
    eventId: input.date === before.date ? before.eventId : eventIdOf(input.date, nonce()),
    version: before.version + 1,
  };
  const clean = JSON.parse(JSON.stringify(after)) as StoredEvent;
  try {
    await transact([...replaceEventOps(before, clean), auditPut({ schoolId: before.schoolId, actor: p, action: 'event.update', entity: `EVENT#${before.eventId}`, before: eventInputOf(before), after: input, at: now })]);
  } catch (e) {
    if (e instanceof TransactionCancelled) throw await stale(before.schoolId, before.eventId);
    throw e;
  }
  return eventView(clean, () => audienceName);
}

export async function removeEvent(p: Principal, e: StoredEvent, version: number, now: Date): Promise<void> {
  if (version !== e.version) throw await stale(e.schoolId, e.eventId);
  try {
    await transact([deleteEventOp(e), auditPut({ schoolId: e.schoolId, actor: p, action: 'event.delete', entity: `EVENT#${e.eventId}`, before: eventInputOf(e), at: now })]);
  } catch (err) {
    if (err instanceof TransactionCancelled) throw await stale(e.schoolId, e.eventId);
    throw err;
  }
}

function eventInputOf(e: StoredEvent): EventInput {
  return { date: e.date, ...(e.time ? { time: e.time } : {}), title: e.title, ...(e.place ? { place: e.place } : {}), audience: e.audience };
}

/** A date range of events: `from` defaults to `today`, `to` to 60 days on; longer than EVENT_LIST_MAX_DAYS is a 400. */
export function eventRange(q: { from?: string | undefined; to?: string | undefined }, today: string): { from: string; to: string } {
  const from = q.from ?? today;
  const to = q.to ?? addDays(from, 60);
  if (daysBetween(from, to) > EVENT_LIST_MAX_DAYS) throw new BadRequestError(`Список мероприятий — не больше чем за ${EVENT_LIST_MAX_DAYS} дней.`);
  return { from, to };
}

/** The school's events from..to, for the staff's list (every audience), with class names. */
export async function schoolEvents(schoolId: string, range: { from: string; to: string }) {
  const [events, classes] = await Promise.all([listEvents(schoolId, range.from, range.to), listClasses(schoolId)]);
  const names = new Map(classes.map((c) => [c.classId, className(c)]));
  return { ...range, events: events.map((e) => eventView(e, (id) => names.get(id) ?? id)).sort(byDateAndTime) };
}

/** The events a student's family sees: those for the whole school, the student's grade or class. */
export function familyEvents(events: StoredEvent[], classes: Array<{ classId: string; grade: number }>, nameOfClass: (classId: string) => string): DiaryEvent[] {
  return events
    .filter((e) => classes.some((c) => eventIsFor(e.audience, c)))
    .map((e) => eventView(e, nameOfClass))
    .sort(byDateAndTime);
}

/** An event as the API gives it: without who published it by id. */
export function eventView(e: StoredEvent, nameOfClass: (classId: string) => string): DiaryEvent {
  return {
    eventId: e.eventId,
    date: e.date,
    ...(e.time ? { time: e.time } : {}),
    title: e.title,
    ...(e.place ? { place: e.place } : {}),
    audience: e.audience,
    audienceTitle: audienceTitle(e.audience, nameOfClass),
    publishedByName: e.publishedByName,
    version: e.version,
  };
}

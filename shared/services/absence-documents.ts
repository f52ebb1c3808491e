/**
 * Absence reasons from a document (issue 11 item 4; clause 3.7). The class teacher enters the
 * document once; it sets the reason (and names the document) on every absence of the pupil in its
 * date range, every subject of the class, in one action:
 *
 * 1. the lessons of the class on those days (one Query of the class-day index), then ONE consistent
 *    BatchGetItem of the pupil's attendance at each and of each subject chain's head;
 * 2. the pure rules (shared/domain/absence-documents.ts): the document itself, and its 2 working
 *    days: within them the reasons are set whatever the attendance lock; after them, a 409 that
 *    sends the teacher to a correction request;
 * 3. TransactWriteItems of at most 100 items each (DynamoDB's limit; a week of illness is one):
 *    each absence on the version read with its change-log record in its subject's chain, and in the
 *    last one the document with its audit record. The document's id is derived from the pupil and
 *    the document, so entering it again (or retrying after a failure half-way) changes only what is
 *    still to change and then answers the stored document.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ClassObject } from '../auth/rules/objects';
import { keys, type Key } from '../db/keys';
import type { TransactItem } from '../db/transact';
import { absenceDocumentProblems, deadlineRefusal, documentText, packBatches, type AbsenceDocumentDraft } from '../domain/absence-documents';
import { dateInZone } from '../domain/calendar';
import { chainRun, logValue, type ChangeBody } from '../domain/journal-log';
import { lessonIdOf, type JournalAttendance } from '../domain/journal-model';
import type { AcademicYear } from '../domain/year';
import { BadRequestError, ConflictError, LockedError, NotFoundError } from '../errors';
import { absenceDocumentKey, absenceDocumentOps, getAbsenceDocument, listAbsenceDocuments, type StoredAbsenceDocument } from '../repos/absence-documents';
import { changeLogRunOps } from '../repos/change-log';
import { attendanceOf, attendancePutOp, headOf as chainHeadOf, readLessonsOfClassDays, transact, type ChainHeadRead, type Place } from '../repos/journal';
import { closedMessage } from '../domain/period-close';
import { keyId, readItems } from '../repos/period-marks';
import { getClass, getStudentCard, type School, type SchoolClass } from '../repos/school';
import { getYear } from '../repos/year';

export interface Actor {
  userId: string;
  displayName: string;
}

export interface DocumentContext {
  school: School;
  cls: SchoolClass;
  year: AcademicYear;
  access: ClassObject;
}

export async function loadDocumentContext(school: School, classId: string): Promise<DocumentContext> {
  const cls = await getClass(school.schoolId, classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const year = await getYear(school.schoolId, cls.yearId);
  if (!year) throw new NotFoundError('Учебный год класса не заведён.');
  return { school, cls, year, access: { departmentId: school.departmentId, schoolId: school.schoolId, classId } };
}

/** The class's documents of its school year, by date. */
export function classAbsenceDocuments(ctx: DocumentContext): Promise<StoredAbsenceDocument[]> {
  return listAbsenceDocuments(ctx.school.schoolId, ctx.cls.classId, ctx.cls.yearId);
}

/** One pupil, one document: the same document entered twice is the same item. */
function documentIdOf(d: AbsenceDocumentDraft): string {
  const norm = (s: string) => s.trim().toLocaleLowerCase('ru-RU').replace(/\s+/g, ' ');
  return createHash('sha256').update([d.studentId, norm(d.kind), norm(d.number), d.date].join('|')).digest('hex').slice(0, 20);
}

interface Change {
  place: Place;
  entry: JournalAttendance;
  readVersion: number;
  log: Pick<ChangeBody, 'action' | 'entity' | 'target' | 'old' | 'new'>;
}

const chainId = (p: Place) => `${p.periodId}|${p.subjectId}`;
const headKey = (p: Place) => keys.changeLogHead(p.schoolId, p.classId, p.periodId, p.subjectId);
/** Room in one transaction: DynamoDB's 100 items less the document and its audit record. */
const BATCH_ITEMS = 98;

const MAX_ATTEMPTS = 12;
type Head = ChainHeadRead | null;
const headOf = (i: Record<string, unknown> | undefined): Head => (i ? chainHeadOf(i) : null);

/**
 * Writes one batch on the chain heads known; a moved head is read again and the batch rebuilt.
 * Returns false when the document already exists (entered meanwhile by another request).
 */
async function commitBatch(batch: Change[], extra: TransactItem[], heads: Map<string, Head>, common: Omit<ChangeBody, 'action' | 'entity' | 'target' | 'old' | 'new' | 'partition' | 'subjectId'>): Promise<boolean> {
  const byChain = new Map<string, Change[]>();
  for (const c of batch) byChain.set(chainId(c.place), [...(byChain.get(chainId(c.place)) ?? []), c]);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // A period closed takes no reasons but a correction's: refused before anything is written.
    const closed = [...byChain.keys()].map((id) => heads.get(id)?.closed).find(Boolean);
    if (closed) throw new LockedError(closedMessage(closed), { reason: 'periodClosed', ...closed });
    const written = new Map<string, Head>();
    const logOps = [...byChain.values()].flatMap((cs) => {
      const place = cs[0]!.place;
      const head = heads.get(chainId(place)) ?? null;
      const records = chainRun(cs.map((c) => ({ partition: keys.journalPartition(place.schoolId, place.classId, place.periodId), subjectId: place.subjectId, ...common, ...c.log })), head);
      written.set(chainId(place), records.at(-1)!);
      return changeLogRunOps(place, records, head?.seq ?? 0);
    });
    const outcome = await transact([...batch.map((c) => attendancePutOp(c.place, c.entry, c.readVersion)), ...extra, ...logOps], randomUUID());
    if (outcome.ok) {
      for (const [id, h] of written) heads.set(id, h);
      return true;
    }
    const failed = (i: number) => outcome.reasons[i]?.code === 'ConditionalCheckFailed';
    if (batch.some((_, i) => failed(i))) throw new ConflictError('Посещаемость этого обучающегося только что изменил другой пользователь: внесите документ ещё раз (уже внесённые причины сохранятся).');
    if (extra.length > 0 && failed(batch.length)) return false;
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 8 * 2 ** attempt)));
    const fresh = await readItems([...byChain.values()].map((cs) => headKey(cs[0]!.place)));
    for (const cs of byChain.values()) heads.set(chainId(cs[0]!.place), headOf(fresh.get(keyId(headKey(cs[0]!.place)))));
  }
  throw new ConflictError('Журнал сейчас сохраняет много изменений одновременно: внесите документ ещё раз.');
}

/**
 * Enters the document and sets the reasons it proves. 400: the document or the pupil is wrong;
 * 409: its 2 working days are over (a correction request is the way then). A document entered
 * before answers as stored (`replayed`).
 */
export async function enterAbsenceDocument(ctx: DocumentContext, input: AbsenceDocumentDraft, actor: Actor, now: Date): Promise<{ document: StoredAbsenceDocument; replayed: boolean }> {
  const { school, cls, year } = ctx;
  const today = dateInZone(now, school.timeZone);
  const problems = absenceDocumentProblems(input, today, year);
  if (problems.length > 0) throw new BadRequestError(problems.map((p) => p.message).join(' '), { problems });
  const card = await getStudentCard(school.schoolId, input.studentId);
  if (!card || card.classId !== cls.classId) throw new BadRequestError('Этого обучающегося нет в классе.');
  const documentId = documentIdOf(input);
  const key = absenceDocumentKey({ schoolId: school.schoolId, classId: cls.classId, yearId: cls.yearId, date: input.date, documentId });
  const before = await getAbsenceDocument(key);
  if (before) return { document: before, replayed: true };
  const refusal = deadlineRefusal(input.date, today, year, cls.grade);
  if (refusal) throw new ConflictError(refusal);

  const lessons = (await readLessonsOfClassDays(school.schoolId, cls.classId, input.from, input.to)).filter((l) => l.status !== 'cancelled' && l.periodId);
  const places = lessons.map((l) => ({ l, place: { schoolId: school.schoolId, classId: cls.classId, periodId: l.periodId!, subjectId: l.subjectId } }));
  const cellKey = (x: (typeof places)[number]): Key => keys.attendance(school.schoolId, cls.classId, x.place.periodId, x.place.subjectId, x.l, input.studentId);
  const found = await readItems([...places.map(cellKey), ...new Map(places.map((x) => [chainId(x.place), headKey(x.place)])).values()]);

  const text = documentText(input);
  const at = now.toISOString();
  const requestId = `absdoc-${documentId}`;
  const changes = places.flatMap(({ l, place }): Change[] => {
    const item = found.get(keyId(cellKey({ l, place })));
    if (!item || item.deleted || item.kind !== 'absent') return [];
    const current = attendanceOf(item);
    if (current.reason === input.reason && current.document === text) return [];
    const entry: JournalAttendance = { ...current, reason: input.reason, document: text, version: Number(current.version) + 1, setBy: actor.userId, setAt: at, lastRequestId: requestId };
    return [{ place, entry, readVersion: Number(current.version), log: { action: 'update', entity: 'attendance', target: { lessonId: lessonIdOf(l), studentId: input.studentId }, old: logValue.attendance(current), new: logValue.attendance(entry) } }];
  });

  const document: StoredAbsenceDocument = {
    ...input,
    kind: input.kind.trim(),
    number: input.number.trim(),
    schoolId: school.schoolId,
    classId: cls.classId,
    yearId: cls.yearId,
    documentId,
    studentName: [card.lastName, card.firstName].filter(Boolean).join(' '),
    applied: changes.map((c) => ({ periodId: c.place.periodId, subjectId: c.place.subjectId, lessonId: lessonIdOf(c.entry) })),
    enteredBy: actor.userId,
    enteredByName: actor.displayName,
    enteredAt: at,
  };
  const heads = new Map(places.map((x) => [chainId(x.place), headOf(found.get(keyId(headKey(x.place))))]));
  const batches = packBatches(changes, (c) => chainId(c.place), BATCH_ITEMS);
  const common = { at, actorId: actor.userId, actorName: actor.displayName, requestId };
  for (const [i, batch] of batches.entries()) {
    const last = i === batches.length - 1;
    const done = await commitBatch(batch, last ? absenceDocumentOps(document, actor, now) : [], heads, common);
    if (!done) return { document: (await getAbsenceDocument(key)) ?? document, replayed: true };
  }
  return { document, replayed: false };
}

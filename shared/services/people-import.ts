/**
 * Class lists from a spreadsheet (R-11, clause 5): preview, then an all-or-nothing apply.
 *
 * Why this design: a class list of a whole school is thousands of items (card, account, login
 * guard, enrolment record per student; account and guard per parent), and TransactWriteItems takes
 * at most 100. So the apply is a run with a status:
 * 1. Before writing, everything that can be checked is checked again against the table as it is
 *    now (classes exist, nobody became a duplicate since the preview, logins are free), so in
 *    practice only a race can fail the write phase.
 * 2. The run moves `previewed` → `applying` with a condition on its version (no double apply) and
 *    saves its plan: the key of every item it will write, fixed before the first write.
 * 3. The items are written in chunks of at most 100 operations, each a TransactWriteItems with
 *    conditional creates (`attribute_not_exists`) and the chunk's audit record. Chunks share no
 *    item, so several run at once without transaction conflicts (a ConditionCheck on the run item
 *    in every chunk would make concurrent chunks cancel each other on real DynamoDB); a retried
 *    chunk is idempotent (ClientRequestToken).
 * 4. If any chunk fails, no new chunk starts, the ones in flight are awaited, the run is marked
 *    `failed`, and every planned key carrying this run's `importId` is deleted: nothing stays.
 *    Audit records of the removed chunks stay, with a rollback record.
 * 5. If the applying process dies (a Lambda timeout), its lease runs out; the next apply of the run
 *    does step 4 from the saved plan and tells the secretary to upload the file again. The lease
 *    (60 s) is four times the function's timeout (15 s), so the dead request cannot still be
 *    writing when the clean-up starts.
 * Readers may see the first chunks for the seconds the apply takes; they never see a half-applied
 * list after the apply has answered.
 */
import type { Principal, RoleGrant } from '../auth/roles';
import { transact, TransactionCancelled } from '../db/transact';
import { keys } from '../db/keys';
import { readGrid } from '../domain/import-file';
import { checkImport, type ImportCheck, type StudentRow } from '../domain/import-rows';
import { classTitle } from '../domain/people-classes';
import { adultKey, fullName, loginBase, personKey } from '../domain/people-names';
import { normaliseOrderNo } from '../domain/movement';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { accountItem } from '../repos/accounts';
import { auditPut } from '../repos/audit';
import { createRun, deleteRunItem, finishRun, getRun, startApplying, writeImportChunk, type ImportRun } from '../repos/imports';
import { movementItem } from '../repos/movement';
import { listAllStudents, newId, reserveLogins, statusOf, studentItem, type StudentRecord } from '../repos/people';
import { listClasses, type School } from '../repos/school';
import { actor, cardFields, schoolToday, type AccountRecord } from './people-common';

/** Upload limit: the request body (base64 in JSON) must stay under the API's 1 MB. */
export const MAX_FILE_BYTES = 700 * 1024;
/** Operations per TransactWriteItems (DynamoDB's limit is 100): data + the chunk's audit record. */
const OPS_PER_CHUNK = 100;
const PARALLEL_CHUNKS = 4;
/** How long an applying request owns the run: well over the API function's 15 s timeout. */
const LEASE_MS = 60_000;

type Key = { pk: string; sk: string };

async function context(school: School, now: Date, defaultClassId?: string) {
  const classes = await listClasses(school.schoolId);
  const students = await listAllStudents(school.schoolId, classes.map((c) => c.classId));
  const title = new Map(classes.map((c) => [c.classId, classTitle(c)]));
  const existing = new Map(
    students.map((s) => [personKey(s), { name: fullName(s), className: title.get(s.classId) ?? '', former: statusOf(s) !== 'enrolled' }]),
  );
  return { classes, existing, today: schoolToday(school, now), defaultClassId };
}

function summary(check: ImportCheck) {
  return {
    accepted: check.accepted.length,
    rejected: check.rejected.length,
    warnings: check.accepted.filter((r) => r.warnings.length > 0).length,
    parents: new Set(check.accepted.flatMap((r) => (r.parent ? [adultKey(r.parent)] : []))).size,
  };
}

/** What the preview screen shows: every accepted row (with warnings) and every rejected one with reasons. */
function previewBody(run: Pick<ImportRun, 'importId' | 'status' | 'fileName' | 'format' | 'counts' | 'version'> | null, check: ImportCheck, extra: { fileName: string; format: string; ms?: number }) {
  return {
    importId: run?.importId ?? null,
    status: run?.status ?? 'rejected',
    version: run?.version ?? 0,
    fileName: extra.fileName,
    format: extra.format,
    counts: summary(check),
    fileErrors: check.fileErrors,
    ignoredColumns: check.ignoredColumns,
    accepted: check.accepted.map((r) => ({
      row: r.row,
      name: fullName(r),
      birthDate: r.birthDate,
      gender: r.gender ?? null,
      className: r.className,
      parent: r.parent ? fullName(r.parent) + (r.parent.phone ? `, ${r.parent.phone}` : '') : null,
      enrolment: r.enrolment ? `приказ № ${r.enrolment.orderNo} от ${r.enrolment.date}` : null,
      warnings: r.warnings,
    })),
    rejected: check.rejected,
    canApply: run?.status === 'previewed' && check.accepted.length > 0,
    ...(extra.ms !== undefined ? { ms: extra.ms } : {}),
  };
}

export type PreviewBody = ReturnType<typeof previewBody>;

/**
 * Reads and checks the file. A file that cannot be read as a table at all is a 400 with the list of
 * problems; a readable one gets a preview; a run is stored only when some row can be written.
 */
export async function previewImport(input: { by: Principal; school: School; fileName: string; content: Uint8Array; defaultClassId?: string; now: Date }): Promise<PreviewBody> {
  const started = performance.now();
  if (input.content.length > MAX_FILE_BYTES) throw new BadRequestError(`Файл больше ${Math.round(MAX_FILE_BYTES / 1024)} КБ: разделите список на части.`);
  const read = await readGrid(input.content, input.fileName);
  if (!read.ok) throw new BadRequestError(read.errors.join(' '), { errors: read.errors });
  const ctx = await context(input.school, input.now, input.defaultClassId);
  if (input.defaultClassId && !ctx.classes.some((c) => c.classId === input.defaultClassId)) throw new BadRequestError('Такого класса нет в школе.');
  const check = checkImport(read.grid, ctx);
  if (check.fileErrors.length > 0) throw new BadRequestError(check.fileErrors.join(' '), { errors: check.fileErrors });
  let run: ImportRun | null = null;
  if (check.accepted.length > 0) {
    run = {
      importId: newId('imp'),
      schoolId: input.school.schoolId,
      status: 'previewed',
      fileName: input.fileName.slice(0, 200),
      format: read.format,
      createdAt: input.now.toISOString(),
      createdBy: input.by.userId,
      createdByName: input.by.displayName,
      ...(input.defaultClassId ? { defaultClassId: input.defaultClassId } : {}),
      counts: summary(check),
      version: 1,
    };
    await createRun(run, { check }, input.now);
  }
  return previewBody(run, check, { fileName: input.fileName, format: read.format, ms: Math.round(performance.now() - started) });
}

export async function getImport(school: School, importId: string) {
  const found = await getRun(school.schoolId, importId);
  if (!found) throw new NotFoundError('Загрузка не найдена (черновики хранятся 14 дней).');
  const { run, payload } = found;
  const check: ImportCheck = payload?.check ?? { fileErrors: [], ignoredColumns: [], accepted: [], rejected: [] };
  return {
    ...previewBody(run, check, { fileName: run.fileName, format: run.format }),
    createdAt: run.createdAt,
    createdByName: run.createdByName,
    ...(run.appliedAt ? { appliedAt: run.appliedAt } : {}),
    ...(run.failure ? { failure: run.failure } : {}),
    ...(run.written !== undefined ? { written: run.written } : {}),
    ...(run.applyMs !== undefined ? { applyMs: run.applyMs } : {}),
    counts: run.counts,
  };
}

interface Plan {
  /** Every key the apply writes, for the clean-up. */
  keys: Key[];
}

interface Chunk {
  items: Array<Record<string, unknown>>;
  /** For each item, the spreadsheet row it comes from (for a message if its condition fails). */
  rows: number[];
  students: string[];
  parents: string[];
}

/** Builds the items of every accepted row: student card, account, login guard, enrolment; parents once. */
async function buildItems(run: ImportRun, school: School, rows: StudentRow[], at: string, by: Principal) {
  const sch = school.schoolId;
  const studentIds = rows.map(() => newId('st'));
  // Siblings share a parent: group the rows by the parent's name once (linear, not per parent).
  const parentKeyOf = rows.map((r) => (r.parent ? adultKey(r.parent) : null));
  const childrenOf = new Map<string, number[]>();
  parentKeyOf.forEach((k, i) => k !== null && childrenOf.set(k, [...(childrenOf.get(k) ?? []), i]));
  const parentKeys = [...childrenOf.keys()];
  const parentIndex = new Map(parentKeys.map((k, i) => [k, i]));
  const parentIds = new Map(parentKeys.map((k) => [k, newId('u-pa')]));
  const logins = await reserveLogins([...rows.map((r) => loginBase(r)), ...parentKeys.map((k) => loginBase(rows[childrenOf.get(k)![0]!]!.parent!))]);
  const importId = run.importId;
  const guard = (login: string, userId: string) => ({ ...keys.loginGuard(login), type: 'loginGuard', userId, importId });

  // Groups: one per student (with the parent that first appears on its row), kept together in one chunk.
  const groups = rows.map((r, i) => {
    const studentId = studentIds[i]!;
    const userId = `u-${studentId}`;
    const pk = parentKeyOf[i] ?? null;
    const parentId = pk !== null ? parentIds.get(pk) : undefined;
    const card: StudentRecord = {
      studentId,
      schoolId: sch,
      classId: r.classId,
      ...cardFields(r),
      parentIds: parentId ? [parentId] : [],
      status: 'enrolled',
      userId,
      importId,
      version: 1,
    };
    const account: AccountRecord = {
      userId,
      login: logins[i]!,
      kind: 'student',
      lastName: r.lastName,
      firstName: r.firstName,
      ...(r.middleName ? { middleName: r.middleName } : {}),
      departmentId: school.departmentId,
      schoolId: sch,
      classId: r.classId,
      grants: [{ role: 'student', schoolId: sch, studentId }],
      status: 'pending',
      importId,
      version: 1,
    };
    const items: Array<Record<string, unknown>> = [studentItem(card), accountItem(account), guard(account.login, userId)];
    if (r.enrolment) {
      items.push(
        movementItem({
          schoolId: sch,
          studentId,
          kind: 'enrol',
          date: r.enrolment.date,
          orderNo: normaliseOrderNo(r.enrolment.orderNo),
          toClassId: r.classId,
          studentName: fullName(r),
          recordedAt: at,
          recordedBy: by.userId,
          recordedByName: by.displayName,
          importId,
        }),
      );
    }
    const parents: string[] = [];
    if (r.parent && pk !== null && childrenOf.get(pk)![0] === i) {
      const children = childrenOf.get(pk)!.map((j) => ({ j, classId: rows[j]!.classId }));
      const pa: AccountRecord = {
        userId: parentId!,
        login: logins[rows.length + parentIndex.get(pk)!]!,
        kind: 'parent',
        lastName: r.parent.lastName,
        firstName: r.parent.firstName,
        ...(r.parent.middleName ? { middleName: r.parent.middleName } : {}),
        departmentId: school.departmentId,
        schoolId: sch,
        classId: children[0]!.classId,
        grants: children.map((c): RoleGrant => ({ role: 'parent', schoolId: sch, studentId: studentIds[c.j]! })),
        status: 'pending',
        ...(r.parent.phone ? { phone: r.parent.phone } : {}),
        importId,
        version: 1,
      };
      items.push(accountItem(pa), guard(pa.login, pa.userId));
      parents.push(pa.userId);
    }
    return { row: r.row, items, studentId, parents };
  });

  // Pack groups into chunks of at most 99 data operations (+ the audit record).
  const chunks: Chunk[] = [];
  let current: Chunk = { items: [], rows: [], students: [], parents: [] };
  for (const g of groups) {
    if (current.items.length + g.items.length > OPS_PER_CHUNK - 1) {
      chunks.push(current);
      current = { items: [], rows: [], students: [], parents: [] };
    }
    current.items.push(...g.items);
    current.rows.push(...g.items.map(() => g.row));
    current.students.push(g.studentId);
    current.parents.push(...g.parents);
  }
  if (current.items.length > 0) chunks.push(current);
  const plan: Plan = { keys: chunks.flatMap((c) => c.items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }))) };
  return { chunks, plan, students: groups.length, parents: parentKeys.length };
}

/** Deletes every planned item that this run wrote (its `importId`), a few at a time. */
async function removeRunItems(importId: string, planKeys: Key[]): Promise<number> {
  let removed = 0;
  let next = 0;
  const worker = async () => {
    while (next < planKeys.length) {
      const key = planKeys[next++]!;
      if (await deleteRunItem(key, importId)) removed++;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return removed;
}

async function rollBack(run: ImportRun, version: number, planKeys: Key[], failure: string, by: Principal, now: Date, started: number): Promise<number> {
  await finishRun(run, version, { status: 'failed', at: now.toISOString(), written: 0, failure, applyMs: Math.round(performance.now() - started) }, now);
  const removed = await removeRunItems(run.importId, planKeys);
  await transact([
    auditPut({ schoolId: run.schoolId, actor: { userId: by.userId, displayName: by.displayName }, action: 'import.rollback', entity: `IMPORT#${run.importId}`, after: { removed, failure }, at: now }),
  ]);
  return removed;
}

export async function applyImport(input: { by: Principal; school: School; importId: string; version: number; skipRejected: boolean; now: Date }) {
  const started = performance.now();
  const found = await getRun(input.school.schoolId, input.importId);
  if (!found) throw new NotFoundError('Загрузка не найдена (черновики хранятся 14 дней).');
  const { run, payload, plan: savedPlan } = found;
  if (run.status === 'applied') throw new ConflictError('Этот список уже загружен.', { status: run.status, appliedAt: run.appliedAt });
  if (run.status === 'failed') throw new ConflictError(`Эта загрузка не удалась и отменена: ${run.failure ?? ''} Загрузите файл заново.`, { status: run.status });
  if (run.status === 'applying') {
    if (run.leaseUntil && run.leaseUntil > input.now.toISOString()) throw new ConflictError('Этот список уже загружается. Подождите и обновите страницу.', { status: run.status });
    // The request that applied it died: clean up what it wrote, from its saved plan.
    const keysToRemove = (savedPlan as Plan | null)?.keys ?? [];
    await rollBack(run, run.version, keysToRemove, 'предыдущая попытка прервалась.', input.by, input.now, started);
    throw new ConflictError('Предыдущая попытка загрузки прервалась; всё, что она успела записать, удалено. Загрузите файл заново.', { status: 'failed' });
  }
  if (run.version !== input.version) throw new ConflictError('Загрузку только что изменили. Обновите страницу.', { status: run.status, version: run.version });
  if (!payload) throw new ConflictError('Строки этой загрузки больше не хранятся. Загрузите файл заново.');
  const check = payload.check;
  if (check.accepted.length === 0) throw new BadRequestError('В файле нет ни одной принятой строки: загружать нечего.');
  if (check.rejected.length > 0 && !input.skipRejected) {
    throw new BadRequestError(
      `В файле есть отклонённые строки (${check.rejected.length}). Исправьте файл и загрузите его заново или подтвердите загрузку без них.`,
    );
  }

  // 1. Check again against the school as it is now: the preview may be days old.
  const ctx = await context(input.school, input.now, run.defaultClassId);
  const classIds = new Set(ctx.classes.map((c) => c.classId));
  const stale: Array<{ row: number; errors: string[] }> = [];
  for (const r of check.accepted) {
    const errors: string[] = [];
    if (!classIds.has(r.classId)) errors.push(`Класса ${r.className} больше нет в школе.`);
    const there = ctx.existing.get(personKey(r));
    if (there) errors.push(`${there.name} уже есть в школе (${there.className}).`);
    if (errors.length > 0) stale.push({ row: r.row, errors });
  }
  if (stale.length > 0) {
    throw new ConflictError(
      `С момента проверки данные школы изменились (строк: ${stale.length}). Ничего не записано: загрузите файл заново, чтобы проверить его.`,
      { rows: stale },
    );
  }

  // 2. Plan, then own the run.
  const at = input.now.toISOString();
  const built = await buildItems(run, input.school, check.accepted, at, input.by);
  const lease = new Date(input.now.getTime() + LEASE_MS).toISOString();
  if (!(await startApplying(run, built.plan, lease, input.by.userId))) {
    throw new ConflictError('Этот список уже загружается или загружен. Обновите страницу.');
  }
  const applyingVersion = run.version + 1;

  // 3. Chunks, a few at a time; the first failure stops the rest.
  let failure: string | null = null;
  let next = 0;
  const worker = async () => {
    while (failure === null && next < built.chunks.length) {
      const n = next++;
      const chunk = built.chunks[n]!;
      try {
        await writeImportChunk(run.importId, n, chunk.items, {
          schoolId: run.schoolId,
          actor: actor(input.by),
          action: 'import.apply',
          entity: `IMPORT#${run.importId}#${n}`,
          after: { students: chunk.students, parents: chunk.parents },
          reason: run.fileName,
          at: input.now,
        });
      } catch (e) {
        if (!(e instanceof TransactionCancelled)) {
          failure ??= 'ошибка записи в базу данных.';
          throw e;
        }
        const bad = e.failed[0] ?? -1;
        failure ??=
          bad >= 0 && bad < chunk.items.length
            ? `строка ${chunk.rows[bad]}: ${String(chunk.items[bad]!.type) === 'loginGuard' ? 'логин только что занял другой пользователь' : 'запись уже существует'}.`
            : 'данные школы изменились во время загрузки.';
      }
    }
  };
  let crashed: unknown = null;
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CHUNKS, built.chunks.length) }, () => worker().catch((e) => (crashed ??= e))));

  if (failure !== null) {
    await rollBack({ ...run, version: applyingVersion }, applyingVersion, built.plan.keys, failure, input.by, input.now, started);
    if (crashed) throw crashed;
    throw new ConflictError(`Загрузка отменена, ничего не записано: ${failure} Загрузите файл заново.`);
  }
  const ms = Math.round(performance.now() - started);
  await finishRun(run, applyingVersion, { status: 'applied', at, written: built.plan.keys.length, applyMs: ms }, input.now);
  return {
    importId: run.importId,
    status: 'applied' as const,
    students: built.students,
    parents: built.parents,
    items: built.plan.keys.length,
    transactions: built.chunks.length,
    skippedRows: check.rejected.length,
    ms,
  };
}

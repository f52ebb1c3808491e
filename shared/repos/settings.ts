/**
 * Lock settings of the department (on the department item, R-01) and a school's own settings (on
 * the school item: stricter locks, weights, thresholds, test limits). Each is one versioned
 * attribute set; an update is one TransactWriteItems with its audit record, conditioned on the
 * version the caller read, so two people saving at once cannot lose either's change unseen.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getDepartmentAndSchoolItems } from './school';
import { transact, TransactionCancelled, type TransactItem } from '../db/transact';
import type { Principal } from '../auth/roles';
import { dynamo, tableName } from '../db/client';
import { keys } from '../db/keys';
import { REGULATION_OPEN_DAYS_BEFORE } from '../domain/period-mark-rules';
import { effectiveLocks, resolveSchoolSettings, type LockSettings, type SchoolSettings } from '../domain/settings';
import { auditPut } from './audit';

export interface DepartmentSettings extends LockSettings {
  departmentId: string;
  name: string;
  /** Period marks may be set this many days before a period's last school day (0 by the regulation). */
  periodMarksOpenDaysBefore: number;
  /** 0 until the settings are first saved through the API (the seed writes none). */
  version: number;
}

export interface StoredSchoolSettings {
  schoolId: string;
  departmentId: string;
  /** The school's zone: its "today" decides which periods are closed. */
  timeZone: string;
  /** What the school saved; `null` when it never did (defaults apply). */
  settings: Partial<SchoolSettings> | null;
  version: number;
}

/**
 * Department changes have no school; their audit records get a partition of their own. '#' cannot
 * occur in a school id (ids in paths are [A-Za-z0-9_.-]), so this never meets a real school's audit.
 */
export const departmentAuditScope = (departmentId: string) => `DEP#${departmentId}`;

export type SaveResult<T> = { ok: true; value: T } | { ok: false; current: T | null };

export async function getDepartmentSettings(departmentId: string): Promise<DepartmentSettings | null> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.department(departmentId), ConsistentRead: true }));
  const i = out.Item;
  if (!i || i.type !== 'department') return null;
  return {
    departmentId: i.departmentId,
    name: i.name,
    lockDays: i.lockDays,
    marksInAdvanceAllowed: i.marksInAdvanceAllowed === true,
    periodMarksOpenDaysBefore: typeof i.periodMarksOpenDaysBefore === 'number' ? i.periodMarksOpenDaysBefore : REGULATION_OPEN_DAYS_BEFORE,
    version: typeof i.version === 'number' ? i.version : 0,
  };
}

export async function getSchoolSettings(departmentId: string, schoolId: string): Promise<StoredSchoolSettings | null> {
  const out = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.school(departmentId, schoolId),
      ConsistentRead: true,
      ProjectionExpression: '#t, schoolId, departmentId, #z, settings, settingsVersion',
      ExpressionAttributeNames: { '#t': 'type', '#z': 'timeZone' },
    }),
  );
  const i = out.Item;
  if (!i || i.type !== 'school') return null;
  return {
    schoolId: i.schoolId,
    departmentId: i.departmentId,
    timeZone: i.timeZone,
    settings: (i.settings as Partial<SchoolSettings> | undefined) ?? null,
    version: typeof i.settingsVersion === 'number' ? i.settingsVersion : 0,
  };
}

/**
 * What a school works by, for the journal and the period marks: the effective locks (the stricter of
 * department and school, field by field) and the school's weights, thresholds and test limits with
 * defaults filled in. One BatchGetItem for the two items. Null when the school is not found.
 */
export async function getSchoolRules(
  departmentId: string,
  schoolId: string,
): Promise<{ locks: LockSettings; settings: SchoolSettings } | null> {
  const { department, school } = await getDepartmentAndSchoolItems(departmentId, schoolId);
  if (!department || !school) return null;
  const settings = resolveSchoolSettings(school.settings as Partial<SchoolSettings> | undefined);
  const depLocks: LockSettings = { lockDays: department.lockDays as LockSettings['lockDays'], marksInAdvanceAllowed: department.marksInAdvanceAllowed === true };
  return { locks: effectiveLocks(depLocks, settings), settings };
}

/** Who saves settings, and when: the audit record's actor and time. */
export interface Actor {
  actor: Pick<Principal, 'userId' | 'displayName'>;
  at: Date;
}

/**
 * One save on the version read: the update (first) and its audit record in one transaction. When the
 * update's version condition fails, somebody saved meanwhile: the answer carries what is stored now.
 */
async function saveOnVersion<T>(items: TransactItem[], saved: T, current: () => Promise<T | null>): Promise<SaveResult<T>> {
  try {
    await transact(items);
  } catch (e) {
    if (e instanceof TransactionCancelled && e.failedAt(0)) return { ok: false, current: await current() };
    throw e;
  }
  return { ok: true, value: saved };
}

export type DepartmentRules = LockSettings & Pick<DepartmentSettings, 'periodMarksOpenDaysBefore'>;

/** Saves the department's lock rules if nobody has saved since `before` was read. */
export async function saveDepartmentSettings(
  before: DepartmentSettings,
  next: DepartmentRules,
  who: Actor,
): Promise<SaveResult<DepartmentSettings>> {
  const version = before.version + 1;
  return saveOnVersion(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.department(before.departmentId),
          UpdateExpression: 'SET lockDays = :l, marksInAdvanceAllowed = :m, periodMarksOpenDaysBefore = :o, #v = :nv',
          ConditionExpression: before.version === 0 ? 'attribute_exists(pk) AND attribute_not_exists(#v)' : '#v = :ov',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: {
            ':l': next.lockDays,
            ':m': next.marksInAdvanceAllowed,
            ':o': next.periodMarksOpenDaysBefore,
            ':nv': version,
            ...(before.version === 0 ? {} : { ':ov': before.version }),
          },
        },
      },
      auditPut({
        schoolId: departmentAuditScope(before.departmentId),
        actor: who.actor,
        action: 'settings.department.update',
        entity: `DEP#${before.departmentId}`,
        before: {
          lockDays: before.lockDays,
          marksInAdvanceAllowed: before.marksInAdvanceAllowed,
          periodMarksOpenDaysBefore: before.periodMarksOpenDaysBefore,
          version: before.version,
        },
        after: { ...next, version },
        at: who.at,
      }),
    ],
    { ...before, ...next, version },
    () => getDepartmentSettings(before.departmentId),
  );
}

/** What the audit record of a school's save says: by default the settings before and after. */
export interface SchoolSettingsChange {
  action: string;
  before?: unknown;
  after: unknown;
}

/** Saves a school's settings if nobody has saved since `before` was read. */
export async function saveSchoolSettings(
  before: StoredSchoolSettings,
  next: SchoolSettings,
  who: Actor,
  change: SchoolSettingsChange = { action: 'settings.school.update', before: before.settings ?? undefined, after: next },
): Promise<SaveResult<StoredSchoolSettings>> {
  const version = before.version + 1;
  return saveOnVersion(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.school(before.departmentId, before.schoolId),
          UpdateExpression: 'SET settings = :s, settingsVersion = :nv',
          ConditionExpression:
            before.version === 0 ? 'attribute_exists(pk) AND attribute_not_exists(settingsVersion)' : 'settingsVersion = :ov',
          ExpressionAttributeValues: { ':s': next, ':nv': version, ...(before.version === 0 ? {} : { ':ov': before.version }) },
        },
      },
      auditPut({
        schoolId: before.schoolId,
        actor: who.actor,
        action: change.action,
        entity: 'SETTINGS',
        before: change.before,
        after: change.after,
        at: who.at,
      }),
    ],
    { ...before, settings: next, version },
    () => getSchoolSettings(before.departmentId, before.schoolId),
  );
}

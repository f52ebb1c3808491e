/**
 * A school's data out and back (issue 9, item 5; clause 8.1): every item of one school as JSON Lines
 * in DynamoDB's own attribute-value form, with a checksum, and its import into another table on any
 * compatible endpoint (the way to move a school to a host in Russia).
 *
 * What "every item of one school" is: the school item and the department item above it; every item
 * whose partition is the school's (SCH#<sch> and SCH#<sch>#...: classes, cards, journal, plans,
 * audit, registers); the accounts listed in the school and their login guards and activation codes.
 * Not included: department specialists (they belong to the department) and sign-in throttle windows.
 *
 * Import refuses a target that already holds anything of this school (its school item, any item of
 * its partitions, or any of its accounts or logins): a school is never merged. Other schools and
 * departments in the target are left alone; the department item is written only when the target
 * has none (an existing department keeps its own settings).
 */
import { createHash } from 'node:crypto';
import { batchWriteAll } from '../db/batch-write';
import { scanRaw, type RawItem } from '../db/raw-items';
import { keys } from '../db/keys';
import { batchGet } from '../db/query';
import { BadRequestError, ConflictError } from '../errors';

export const EXPORT_FORMAT = 'zhurnal-school-export';
export const EXPORT_VERSION = 1;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: number;
  departmentId: string;
  schoolId: string;
  exportedAt: string;
}

interface ExportTrailer {
  end: true;
  items: number;
  sha256: string;
}

const s = (v: RawItem[string] | undefined) => (v && 'S' in v ? v.S : undefined);

/** Key order inside an item is whatever DynamoDB answered; lines are written with sorted keys so equal items are equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every item of the school in the configured table, sorted by key; one Scan of the table. */
export async function schoolItems(departmentId: string, schoolId: string): Promise<RawItem[]> {
  const school = keys.school(departmentId, schoolId);
  const partition = keys.class(schoolId, 'x').pk; // SCH#<sch>
  const department = keys.department(departmentId);
  const candidates = await scanRaw({
    FilterExpression: '(pk = :dep AND (sk = :depSk OR sk = :schSk)) OR pk = :p OR begins_with(pk, :pp) OR (begins_with(pk, :user) AND schoolId = :sch) OR begins_with(pk, :login) OR begins_with(pk, :code)',
    ExpressionAttributeValues: {
      ':dep': { S: department.pk },
      ':depSk': { S: department.sk },
      ':schSk': { S: school.sk },
      ':p': { S: partition },
      ':pp': { S: `${partition}#` },
      ':user': { S: 'USER#' },
      ':sch': { S: schoolId },
      ':login': { S: 'LOGIN#' },
      ':code': { S: 'CODE#' },
    },
  });
  const users = new Set(candidates.flatMap((i) => (s(i.pk)?.startsWith('USER#') ? [s(i.userId)!] : [])));
  const mine = candidates.filter((i) => {
    const pk = s(i.pk)!;
    return !(pk.startsWith('LOGIN#') || pk.startsWith('CODE#')) || users.has(s(i.userId) ?? '');
  });
  return mine.sort((a, b) => s(a.pk)!.localeCompare(s(b.pk)!) || s(a.sk)!.localeCompare(s(b.sk)!));
}

/** The export as lines: a header, one line per item, a trailer with the count and the items' SHA-256. */
export async function exportSchool(input: { departmentId: string; schoolId: string; now: Date }): Promise<{ lines: string[]; items: number }> {
  const items = await schoolItems(input.departmentId, input.schoolId);
  if (!items.some((i) => s(i.sk) === keys.school(input.departmentId, input.schoolId).sk)) {
    throw new BadRequestError(`Школа «${input.schoolId}» управления образования «${input.departmentId}» в этой таблице не найдена.`);
  }
  const header: ExportHeader = { format: EXPORT_FORMAT, version: EXPORT_VERSION, departmentId: input.departmentId, schoolId: input.schoolId, exportedAt: input.now.toISOString() };
  const body = items.map(canonicalJson);
  const trailer: ExportTrailer = { end: true, items: body.length, sha256: digest(body) };
  return { lines: [JSON.stringify(header), ...body, JSON.stringify(trailer)], items: body.length };
}

function digest(lines: string[]): string {
  const h = createHash('sha256');
  for (const l of lines) h.update(l).update('\n');
  return h.digest('hex');
}

/** Reads and checks a file's lines: header, count and checksum, before anything is written. */
export function parseExport(text: string): { header: ExportHeader; items: RawItem[] } {
  const lines = text.split('\n').filter((l) => l !== '');
  const broken = (why: string) => new BadRequestError(`Файл выгрузки повреждён или неполон: ${why}.`);
  if (lines.length < 2) throw broken('нет заголовка или окончания');
  let header: ExportHeader;
  let trailer: ExportTrailer;
  try {
    header = JSON.parse(lines[0]!);
    trailer = JSON.parse(lines.at(-1)!);
  } catch {
    throw broken('заголовок или окончание не JSON');
  }
  if (header.format !== EXPORT_FORMAT || header.version !== EXPORT_VERSION) throw broken(`это не выгрузка школы версии ${EXPORT_VERSION}`);
  const body = lines.slice(1, -1);
  if (trailer.end !== true || trailer.items !== body.length) throw broken(`ожидалось ${trailer.items} записей, в файле ${body.length}`);
  if (trailer.sha256 !== digest(body)) throw broken('контрольная сумма не совпадает');
  return { header, items: body.map((l) => JSON.parse(l) as RawItem) };
}

/** Puts a checked export into the configured table; refuses a table that has anything of the school. */
export async function importSchool(text: string): Promise<{ header: ExportHeader; written: number; departmentKept: boolean }> {
  const { header, items } = parseExport(text);
  const department = keys.department(header.departmentId);
  const isDepartment = (i: RawItem) => s(i.pk) === department.pk && s(i.sk) === department.sk;
  const present = await schoolItems(header.departmentId, header.schoolId);
  const school = present.filter((i) => !isDepartment(i));
  // Accounts, logins and codes live outside the school's partitions: each of the file's must be free.
  const global = items.filter((i) => /^(USER|LOGIN|CODE)#/.test(s(i.pk)!)).map((i) => ({ pk: s(i.pk)!, sk: s(i.sk)! }));
  const taken = await batchGet(global, { projection: 'pk' });
  if (school.length > 0 || taken.length > 0) {
    const logins = taken.flatMap((i) => (String(i.pk).startsWith('LOGIN#') ? [String(i.pk).slice('LOGIN#'.length)] : []));
    throw new ConflictError(
      `В целевой таблице уже есть данные школы «${header.schoolId}» или её пользователей (${school.length + taken.length} записей` +
        (logins.length ? `; заняты логины: ${logins.slice(0, 5).join(', ')}` : '') +
        '). Школа загружается только туда, где её нет: данные не объединяются.',
    );
  }
  const departmentKept = present.some(isDepartment);
  const toWrite = departmentKept ? items.filter((i) => !isDepartment(i)) : items;
  await batchWriteAll(toWrite, 8, { raw: true });
  return { header, written: toWrite.length, departmentKept };
}

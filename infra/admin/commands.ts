/**
 * `npm run admin -- <command> …`: bringing a deployment into service and moving a school, against
 * any DynamoDB-compatible endpoint. The table and endpoint come from the environment as for the
 * functions (TABLE_NAME, AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION, credentials; shared/config.ts), or
 * from --table and --endpoint. Exit code 0 on success (also "already done"), 1 when refused, 2 on
 * wrong usage. The tests call `runAdmin` directly; infra/admin/cli.ts is the process around it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resetSigningKey } from '../../shared/auth/signing-key';
import { resetConfig } from '../../shared/config';
import { resetClients } from '../../shared/db/client';
import { ensureTable } from '../../shared/db/ensure-table';
import { DomainError } from '../../shared/errors';
import { initDepartment, type PersonName } from '../../shared/services/bring-into-service';
import { exportSchool, importSchool } from '../../shared/services/export-import';

export const USAGE = `Использование:
  npm run admin -- init --department <id> --department-name "<название>" --specialist-name "<Фамилия Имя [Отчество]>" [--new-code]
  npm run admin -- export --department <id> --school <id> --out <файл.jsonl>
  npm run admin -- import --in <файл.jsonl>
Общие параметры: [--endpoint <URL DynamoDB>] [--table <имя таблицы>] [--create-table]
  (иначе TABLE_NAME, AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION и ключи доступа из окружения).`;

type Flags = Record<string, string | true>;

function parseFlags(args: string[]): Flags {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) throw new UsageError(`Лишний аргумент: ${a}`);
    const next = args[i + 1];
    if (next === undefined || next.startsWith('--')) flags[a.slice(2)] = true;
    else {
      flags[a.slice(2)] = next;
      i++;
    }
  }
  return flags;
}

class UsageError extends Error {}

function text(flags: Flags, name: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`Не указан --${name}.`);
  return v;
}

function personName(full: string): PersonName {
  const parts = full.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 3) throw new UsageError('--specialist-name: «Фамилия Имя» или «Фамилия Имя Отчество».');
  return { lastName: parts[0]!, firstName: parts[1]!, ...(parts[2] ? { middleName: parts[2] } : {}) };
}

/** Points the application's clients at the table and endpoint named on the command line or in the environment. */
async function connect(flags: Flags, env: NodeJS.ProcessEnv): Promise<void> {
  if (typeof flags.endpoint === 'string') env.AWS_ENDPOINT_URL_DYNAMODB = flags.endpoint;
  if (typeof flags.table === 'string') env.TABLE_NAME = flags.table;
  if (!env.TABLE_NAME) throw new UsageError('Не указана таблица: --table или TABLE_NAME.');
  // The configuration asks for what the functions need; these commands use neither reports nor sessions.
  env.REPORT_BUCKET ||= 'not-used-by-admin';
  if (!env.SESSION_SIGNING_KEY && !env.SESSION_SIGNING_KEY_SECRET_ARN) env.SESSION_SIGNING_KEY = 'not-used-by-admin-commands-0000000000';
  resetConfig();
  resetClients();
  resetSigningKey();
  if (flags['create-table'] === true) await ensureTable();
}

/** Runs one command; `out` gets what a person should read. Returns the exit code. */
export async function runAdmin(argv: string[], out: (line: string) => void, opts: { now?: Date; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const [command, ...rest] = argv;
  const now = opts.now ?? new Date();
  try {
    const flags = parseFlags(rest);
    if (command === 'init') {
      const departmentId = text(flags, 'department');
      const departmentName = text(flags, 'department-name');
      const specialist = personName(text(flags, 'specialist-name'));
      await connect(flags, opts.env ?? process.env);
      const r = await initDepartment({ departmentId, departmentName, specialist, now, newCode: flags['new-code'] === true });
      if (!r.created) out(r.message);
      if (r.specialist) {
        if (r.created) out(`Заведено управление образования «${departmentName}» (${departmentId}) и его первый специалист.`);
        out(`Логин: ${r.specialist.login}`);
        out(`Код активации: ${r.specialist.code} (одноразовый, действует до ${r.specialist.expiresAt})`);
        out('Специалист открывает сайт, «Активировать учётную запись», вводит код и придумывает пароль.');
      }
      return 0;
    }
    if (command === 'export') {
      const departmentId = text(flags, 'department');
      const schoolId = text(flags, 'school');
      const file = text(flags, 'out');
      await connect(flags, opts.env ?? process.env);
      const r = await exportSchool({ departmentId, schoolId, now });
      await writeFile(file, r.lines.join('\n') + '\n', { mode: 0o600 });
      out(`Выгружено записей: ${r.items}, файл ${file} (последняя строка — их количество и SHA-256).`);
      out('В файле персональные данные: храните и передавайте его как документ с персональными данными.');
      return 0;
    }
    if (command === 'import') {
      const file = text(flags, 'in');
      const content = await readFile(file, 'utf8');
      await connect(flags, opts.env ?? process.env);
      const r = await importSchool(content);
      out(`Загружена школа «${r.header.schoolId}» (управление «${r.header.departmentId}»): записей ${r.written}.`);
      if (r.departmentKept) out('Управление образования в таблице уже было: его настройки оставлены как есть.');
      return 0;
    }
    out(USAGE);
    return 2;
  } catch (e) {
    if (e instanceof UsageError) {
      out(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof DomainError) {
      out(`Отказано: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/**
 * A school's data out and back (issue 9, item 5): `npm run admin -- export` of the demo school
 * (its function, with the documented arguments), then `import` into a table that does not exist yet
 * on the same DynamoDB Local; the target then holds exactly the school's items, equal byte for byte
 * in DynamoDB's own attribute-value form. A second import and a damaged file are refused.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../infra/admin/commands';
import { seedDemoSchool } from '../../infra/local/seed';
import { scanRaw } from '../../shared/db/raw-items';
import { canonicalJson, schoolItems } from '../../shared/services/export-import';
import { useTestTable } from '../support/dynamo';

const NOW = new Date('2026-11-30T09:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'zhurnal-export-'));
const file = join(dir, 'sch53.jsonl');
let source: string[];

async function admin(args: string[]) {
  const lines: string[] = [];
  const code = await runAdmin(args, (l) => lines.push(l), { now: NOW });
  return { code, text: lines.join('\n') };
}
const freshTable = () => `t_${randomBytes(6).toString('hex')}`;
const sorted = (lines: string[]) => [...lines].sort();

beforeAll(async () => {
  const { tableName } = await useTestTable();
  await seedDemoSchool(NOW);
  source = (await schoolItems('krd', 'sch53')).map(canonicalJson);
  const out = await admin(['export', '--department', 'krd', '--school', 'sch53', '--out', file, '--table', tableName]);
  if (out.code !== 0) throw new Error(out.text);
}, 120_000);

describe('export', () => {
  it('should write every item of the school between a header and a trailer with the count and the checksum', () => {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'zhurnal-school-export', version: 1, departmentId: 'krd', schoolId: 'sch53', exportedAt: NOW.toISOString() });
    const trailer = JSON.parse(lines.at(-1)!);
    expect(trailer).toEqual({ end: true, items: source.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(lines.slice(1, -1)).toEqual(source);
    const kinds = new Set(source.map((l) => JSON.parse(l).type?.S));
    for (const kind of ['department', 'school', 'class', 'studentCard', 'account', 'loginGuard', 'academicYear', 'movement']) expect(kinds, kind).toContain(kind);
    // The department's specialist is the department's, not the school's.
    expect(source.some((l) => l.includes('"kind":{"S":"department"}'))).toBe(false);
  });
});

describe('import', () => {
  it('should put the school into an empty table item for item, byte for byte', async () => {
    const target = freshTable();
    const res = await admin(['import', '--in', file, '--table', target, '--create-table']);
    expect(res.code, res.text).toBe(0);
    expect(res.text).toContain(`записей ${source.length}`);
    expect(sorted((await scanRaw()).map(canonicalJson))).toEqual(sorted(source));
    const again = await admin(['import', '--in', file]);
    expect(again.code).toBe(1);
    expect(again.text).toMatch(/уже есть данные школы «sch53».*не объединяются/);
  }, 120_000);

  it('should refuse a damaged file before writing anything', async () => {
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, readFileSync(file, 'utf8').replace('"Краснодар"', '"Красноярск"'));
    const res = await admin(['import', '--in', broken, '--table', freshTable(), '--create-table']);
    expect(res.code).toBe(1);
    expect(res.text).toMatch(/контрольная сумма не совпадает/);
    expect(await scanRaw()).toEqual([]);
  });
});

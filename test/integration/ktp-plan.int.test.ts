/**
 * The KTP routes over HTTP (R-14, clause 5): the class-subject's teacher writes and imports the
 * plan, the deputy approves it (who, when) and an approved plan refuses edits until the deputy
 * reopens it; the hours check compares it with the curriculum and the timetable; other teachers,
 * parents and students are refused; bad input is a 400 in Russian that stores nothing; a stale
 * version is a 409 with the current plan; every change writes its audit record.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, ddbRequestCounter, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import type { LoadLine } from '../../shared/domain/curriculum';
import { plural } from '../../shared/domain/calendar';
import type { KtpRow } from '../../shared/domain/ktp';
import { findAccountByLogin } from '../../shared/repos/accounts';
import { loadLineItems } from '../../shared/repos/curriculum';
import { lessonCountForYear } from '../../shared/repos/lessons';
import { listSlots, slotItem } from '../../shared/repos/timetable';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

let api: ApiServer;
const as: Record<string, ApiClient> = {};
const LOGINS = ['director', 'deputy', 'secretary', 'admin', 'teacher', 'classteacher', 'parent', 'student'] as const;
const ids = {} as Record<(typeof LOGINS)[number], string>;
const Y = '/api/schools/sch53/years/2026';
const MATH_6A = `${Y}/ktp/6a/math/all`;
const MATH_6B = `${Y}/ktp/6b/math/all`;
const RUS_6A = `${Y}/ktp/6a/russian/all`;
const ENGLISH_6A = `${Y}/ktp/6a/english`;
const started = new Date();

const line = (classId: string, subjectId: string, over: Partial<LoadLine>): LoadLine => ({
  schoolId: 'sch53', yearId: '2026', classId, subjectId, hoursPerWeek: 5, version: 1, ...over,
});

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(new Date());
  for (const login of LOGINS) ids[login] = (await findAccountByLogin(login))!.userId;
  // The test's own curriculum lines (whatever the demo has for these class-subjects is replaced),
  // and no KTP on them yet.
  const lines = [
    line('6a', 'math', { teacherId: ids.teacher }),
    line('6b', 'math', { teacherId: ids.teacher }),
    line('6a', 'russian', { teacherId: ids.classteacher, hoursPerWeek: 6 }),
    line('6a', 'english', { hoursPerWeek: 3, groups: [{ groupId: 'g1', name: '1 группа', teacherId: ids.classteacher }, { groupId: 'g2', name: '2 группа', teacherId: ids.teacher }] }),
  ];
  const requests: Array<Record<string, unknown>> = lines.flatMap(loadLineItems).map((Item) => ({ PutRequest: { Item } }));
  for (const [c, s, g] of [['6a', 'math', 'all'], ['6b', 'math', 'all'], ['6a', 'russian', 'all'], ['6a', 'english', 'g1'], ['6a', 'english', 'g2']] as const) {
    requests.push({ DeleteRequest: { Key: keys.ktp('sch53', '2026', c, s, g) } });
  }
  // 6a gets a timetable for mathematics if the demo has none: Monday to Friday, 7th lesson.
  if (!(await listSlots('sch53', '2026', '6a')).some((s) => s.subjectId === 'math')) {
    for (const weekday of [1, 2, 3, 4, 5]) {
      requests.push({ PutRequest: { Item: slotItem({ schoolId: 'sch53', yearId: '2026', classId: '6a', subjectId: 'math', groupId: 'all', teacherId: ids.teacher, weekday, lessonNo: 8, version: 1 }) } });
    }
  }
  for (let i = 0; i < requests.length; i += 25) {
    await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests.slice(i, i + 25) as never } }));
  }
  api = await startApi();
  await Promise.all(
    LOGINS.map(async (login) => {
      as[login] = new ApiClient(api.url);
      const res = await as[login]!.signIn(login);
      if (res.status !== 200) throw new Error(`demo login ${login} failed: ${res.status}`);
    }),
  );
});
afterAll(() => api?.stop());

const put = (who: string, path: string, body: unknown) => as[who]!.send('PUT', path, body);
const post = (who: string, path: string, body: unknown) => as[who]!.post(path, body);

async function stored(c: string, s: string, g = 'all') {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.ktp('sch53', '2026', c, s, g), ConsistentRead: true }));
  return out.Item;
}

async function audit(action: string) {
  const months = [...new Set([started, new Date()].map((d) => d.toISOString().slice(0, 7)))];
  const items: Array<Record<string, any>> = [];
  for (const m of months) {
    const out = await dynamo().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition('sch53', m) } }),
    );
    items.push(...(out.Items ?? []).filter((i) => i.action === action));
  }
  return items;
}

const topics = (hours: number[]): KtpRow[] => [
  { kind: 'section', title: 'Натуральные числа' },
  ...hours.map((h, i): KtpRow => ({ kind: 'topic', title: `Тема ${i + 1}: делимость натуральных чисел`, hours: h })),
];
/** 170 hours: 34 topics of 5 hours. */
const FULL = Array.from({ length: 34 }, () => 5);

describe('reading a KTP', () => {
  it('should give the teacher of the class-subject an empty plan with the hours check against curriculum and timetable', async () => {
    const res = await as.teacher!.get(MATH_6A);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ classId: '6a', className: '6А', subjectId: 'math', groupId: 'all', exists: false, version: 0, status: 'draft', rows: [], mayEdit: true, mayApprove: false });
    expect(res.body.teachers).toEqual([{ userId: ids.teacher, displayName: expect.any(String) }]);
    const lessons = await lessonCountForYear('sch53', '2026', '6a', 'math', 'all');
    expect(lessons).toBeGreaterThan(100);
    expect(res.body.check).toMatchObject({ planned: 0, curriculum: 170, timetable: lessons, status: 'mismatch' });
    expect(res.body.check.summary).toBe(`В КТП 0 ч, по учебному плану 170 ч (не хватает 170 ч), по расписанию ${lessons} ${plural(lessons, ['урок', 'урока', 'уроков'])}`);
  });

  it('should let the deputy, the director and the class teacher read it, and refuse another teacher, a parent and a student', async () => {
    expect((await as.deputy!.get(MATH_6A)).body.mayApprove).toBe(true);
    expect((await as.director!.get(MATH_6A)).status).toBe(200);
    for (const who of ['classteacher', 'parent', 'student', 'secretary', 'admin']) {
      const res = await as[who]!.get(MATH_6A);
      expect([who, res.status]).toEqual([who, 403]);
      expect(res.body.error.message).toMatch(/[а-я]/);
    }
  });

  it('should answer 404 in Russian for a subject outside the curriculum, a missing year and the whole class of a split subject', async () => {
    expect((await as.teacher!.get(`${Y}/ktp/6a/chemistry/all`)).body.error.message).toBe('В учебном плане 6А класса нет этого предмета.');
    expect((await as.teacher!.get('/api/schools/sch53/years/2031/ktp/6a/math/all')).body.error.message).toBe('Учебный год 2031/2032 в школе не создан.');
    const whole = await as.teacher!.get(`${ENGLISH_6A}/all`);
    expect(whole.status).toBe(404);
    expect(whole.body.error.message).toMatch(/по подгруппам/);
  });

  it('should give each subgroup its own KTP, written by that group\'s teacher', async () => {
    expect((await as.teacher!.get(`${ENGLISH_6A}/g2`)).body).toMatchObject({ groupId: 'g2', groupName: '2 группа', mayEdit: true });
    expect((await as.teacher!.get(`${ENGLISH_6A}/g1`)).status).toBe(403);
    expect((await as.classteacher!.get(`${ENGLISH_6A}/g1`)).status).toBe(200);
  });
});

describe('editing a KTP', () => {
  it('should create the plan from version 0, store it with its audit record, and show the check', async () => {
    const res = await put('teacher', MATH_6A, { version: 0, rows: topics([...FULL.slice(0, 33), 3]) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ exists: true, version: 1, status: 'draft' });
    expect(res.body.check).toMatchObject({ planned: 168, curriculum: 170, status: 'mismatch' });
    expect(res.body.check.summary).toMatch(/^В КТП 168 ч, по учебному плану 170 ч \(не хватает 2 ч\), по расписанию \d+ урок/);
    const item = await stored('6a', 'math');
    expect(item).toMatchObject({ type: 'ktp', totalHours: 168, topicCount: 34, version: 1, updatedBy: ids.teacher });
    const records = await audit('ktp.update');
    expect(records.find((r) => r.entity === 'KTP#6a#math#all' && r.after.version === 1)).toMatchObject({ actorId: ids.teacher, after: { totalHours: 168 } });
  });

  it('should reorder, edit and delete rows by saving the whole list on top of the version it started from', async () => {
    const before = (await as.teacher!.get(MATH_6A)).body;
    const rows = [...before.rows];
    rows.splice(1, 1); // delete the first topic (5 h)
    rows.push({ kind: 'topic', title: 'Повторение и обобщение', hours: 7 });
    [rows[1], rows[2]] = [rows[2], rows[1]];
    const res = await put('teacher', MATH_6A, { version: before.version, rows });
    expect(res.status).toBe(200);
    expect(res.body.check.planned).toBe(170);
    expect(res.body.rows.at(-1)).toEqual({ kind: 'topic', title: 'Повторение и обобщение', hours: 7 });
    expect(res.body.rows[1].title).toBe('Тема 3: делимость натуральных чисел');
  });

  it('should answer a stale version with 409 and the current plan, changing nothing', async () => {
    const current = (await as.teacher!.get(MATH_6A)).body;
    const res = await put('teacher', MATH_6A, { version: current.version - 1, rows: topics([1]) });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/только что изменил другой пользователь/);
    expect(res.body.error.details.current.version).toBe(current.version);
    expect((await stored('6a', 'math'))!.version).toBe(current.version);
  });

  it('should let only one of two concurrent saves of the same version win', async () => {
    const { version } = (await as.teacher!.get(MATH_6A)).body;
    const [a, b] = await Promise.all([
      put('teacher', MATH_6A, { version, rows: topics([...FULL.slice(0, 33), 4]) }),
      put('deputy', MATH_6A, { version, rows: topics(FULL) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await stored('6a', 'math'))!.version).toBe(version + 1);
  });

  it('should refuse bad rows with 400 and a Russian message, storing nothing', async () => {
    const { version } = (await as.teacher!.get(MATH_6A)).body;
    const cases: Array<[unknown, RegExp]> = [
      [{ version, rows: [{ kind: 'topic', title: '  ', hours: 1 }] }, /Укажите тему урока/],
      [{ version, rows: [{ kind: 'topic', title: 'Дроби', hours: 1.5 }] }, /целым числом/],
      [{ version, rows: [{ kind: 'topic', title: 'Дроби', hours: 0 }] }, /не меньше 1/],
      [{ version, rows: [{ kind: 'topic', title: 'Дроби', hours: 41 }] }, /не больше 40/],
      [{ version, rows: [{ kind: 'topic', title: 'Д'.repeat(201), hours: 1 }] }, /длиннее 200/],
      [{ version, rows: [{ kind: 'lesson', title: 'Дроби' }] }, /разделом или темой/],
      [{ version, rows: Array.from({ length: 301 }, () => ({ kind: 'topic', title: 'Дроби', hours: 1 })) }, /больше 300 строк/],
      [{ rows: [] }, /версия/],
      [{ version, rows: 'все темы' }, /строки КТП/],
    ];
    for (const [body, message] of cases) {
      const res = await put('teacher', MATH_6A, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await stored('6a', 'math'))!.version).toBe(version);
  });

  it('should refuse writes by another teacher, a parent, a student and the director', async () => {
    const { version } = (await as.teacher!.get(MATH_6A)).body;
    for (const who of ['classteacher', 'parent', 'student', 'director', 'secretary']) {
      const res = await put(who, MATH_6A, { version, rows: topics([1]) });
      expect([who, res.status]).toEqual([who, 403]);
    }
    expect((await stored('6a', 'math'))!.version).toBe(version);
  });

  it('should warn about topics without Russian letters (clause 5) but keep them', async () => {
    const res = await put('teacher', `${ENGLISH_6A}/g2`, { version: 0, rows: [{ kind: 'topic', title: 'Present Simple', hours: 1 }] });
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual(['Строка 1: тема «Present Simple» написана без русских букв; по п. 5 Положения записи ведутся на русском языке.']);
  });
});

describe('approval by the deputy director', () => {
  it('should refuse to approve a plan whose hours differ from the curriculum', async () => {
    const created = await put('classteacher', RUS_6A, { version: 0, rows: topics(Array.from({ length: 34 }, () => 6).slice(0, 33)) });
    expect(created.body.check.summary).toMatch(/^В КТП 198 ч, по учебному плану 204 ч \(не хватает 6 ч\)/);
    const res = await post('deputy', `${RUS_6A}/approve`, { version: created.body.version });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Нельзя утвердить КТП: В КТП 198 ч, по учебному плану 204 ч (не хватает 6 ч). По п. 5 Положения количество часов в КТП должно соответствовать учебному плану.',
    );
    expect((await stored('6a', 'russian'))!.status).toBe('draft');
  });

  it('should let only the deputy approve, recording who and when', async () => {
    const fixed = await put('classteacher', RUS_6A, { version: (await as.classteacher!.get(RUS_6A)).body.version, rows: topics(Array.from({ length: 34 }, () => 6)) });
    expect(fixed.body.check.planned).toBe(204);
    for (const who of ['classteacher', 'teacher', 'director', 'parent', 'student']) {
      expect([who, (await post(who, `${RUS_6A}/approve`, { version: fixed.body.version })).status]).toEqual([who, 403]);
    }
    const res = await post('deputy', `${RUS_6A}/approve`, { version: fixed.body.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', version: fixed.body.version + 1, mayEdit: false });
    expect(res.body.approvedByName).toMatch(/[А-Я]/);
    const item = await stored('6a', 'russian');
    expect(item).toMatchObject({ status: 'approved', approvedBy: ids.deputy });
    expect(Date.parse(item!.approvedAt)).toBeGreaterThanOrEqual(started.getTime());
    expect((await audit('ktp.approve')).find((r) => r.entity === 'KTP#6a#russian#all')).toMatchObject({ actorId: ids.deputy, after: { status: 'approved' } });
  });

  it('should refuse edits and imports of an approved plan (423), the deputy\'s own included, and a second approval (409)', async () => {
    const { version } = (await as.classteacher!.get(RUS_6A)).body;
    for (const who of ['classteacher', 'deputy']) {
      const res = await put(who, RUS_6A, { version, rows: topics([5]) });
      expect(res.status).toBe(423);
      expect(res.body.error.message).toMatch(/КТП утверждён заместителем директора .*вернёт его на доработку/);
    }
    const csv = Buffer.from('Тема;Часы\nДроби;5\n').toString('base64');
    expect((await post('classteacher', `${RUS_6A}/import`, { fileName: 'ktp.csv', content: csv, apply: true, version })).status).toBe(423);
    expect((await post('deputy', `${RUS_6A}/approve`, { version })).status).toBe(409);
    expect((await stored('6a', 'russian'))!.version).toBe(version);
  });

  it('should let the deputy reopen it with a reason, after which the teacher may edit again', async () => {
    const { version } = (await as.classteacher!.get(RUS_6A)).body;
    expect((await post('classteacher', `${RUS_6A}/reopen`, { version, reason: 'Исправить темы' })).status).toBe(403);
    const noReason = await post('deputy', `${RUS_6A}/reopen`, { version, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe('Укажите, что нужно исправить.');
    const stale = await post('deputy', `${RUS_6A}/reopen`, { version: version - 1, reason: 'Исправить темы' });
    expect(stale.status).toBe(409);
    const res = await post('deputy', `${RUS_6A}/reopen`, { version, reason: 'Добавить контрольные работы' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', version: version + 1 });
    expect(res.body.approvedByName).toBeUndefined();
    expect((await audit('ktp.reopen')).find((r) => r.entity === 'KTP#6a#russian#all')).toMatchObject({ actorId: ids.deputy, reason: 'Добавить контрольные работы' });
    expect((await put('classteacher', RUS_6A, { version: version + 1, rows: topics(Array.from({ length: 34 }, () => 6)) })).status).toBe(200);
  });
});

describe('import from a file', () => {
  const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  /** 33 topics of 5 hours and one of 3: 168 hours, 2 short of the curriculum; two sections. */
  const GOOD =
    '№;Тема урока;Кол-во часов;Раздел\r\n' +
    Array.from({ length: 34 }, (_, i) => `${i + 1};Тема ${i + 1};${i === 33 ? 3 : 5};${i < 17 ? 'Натуральные числа' : 'Дроби'}`).join('\r\n') +
    '\r\n';

  it('should preview a file without storing anything, then apply it as the teacher', async () => {
    const preview = await post('teacher', `${MATH_6B}/import`, { fileName: 'ktp.csv', content: csv(GOOD), apply: false, version: 0 });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ applied: false, format: 'csv', errors: [], totalHours: 168 });
    expect(preview.body.rows).toHaveLength(36);
    expect(preview.body.check.summary).toMatch(/^В КТП 168 ч, по учебному плану 170 ч \(не хватает 2 ч\)/);
    expect(await stored('6b', 'math')).toBeUndefined();
    const applied = await post('teacher', `${MATH_6B}/import`, { fileName: 'ktp.csv', content: csv(GOOD), apply: true, version: 0 });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, ktp: { version: 1, exists: true } });
    expect((await stored('6b', 'math'))!.totalHours).toBe(168);
    expect((await audit('ktp.import')).find((r) => r.entity === 'KTP#6b#math#all')).toMatchObject({ actorId: ids.teacher, reason: 'Импорт из файла «ktp.csv»' });
  });

  it('should import an XLSX file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('КТП');
    ws.addRow(['Календарно-тематическое планирование, математика, 6 Б']);
    ws.addRow(['№', 'Тема урока', 'Количество часов']);
    for (let i = 1; i <= 34; i++) ws.addRow([i, `Тема ${i}`, 5]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await post('teacher', `${MATH_6B}/import`, { fileName: 'ktp.xlsx', content, apply: true, version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'xlsx', totalHours: 170, ktp: { version: 2, check: { planned: 170, curriculum: 170 } } });
  });

  it('should list every malformed row in Russian and change nothing when applied', async () => {
    const bad = csv('Тема урока;Кол-во часов\nДроби;1,5\n;2\nПроценты;\n');
    const preview = await post('teacher', `${MATH_6B}/import`, { fileName: 'bad.csv', content: bad, apply: false, version: 2 });
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([
      { row: 2, message: 'Строка 2: количество часов «1,5» должно быть целым числом.' },
      { row: 3, message: 'Строка 3: не указана тема урока.' },
      { row: 4, message: 'Строка 4: не указано количество часов.' },
    ]);
    const applied = await post('teacher', `${MATH_6B}/import`, { fileName: 'bad.csv', content: bad, apply: true, version: 2 });
    expect(applied.status).toBe(400);
    expect(applied.body.error.message).toMatch(/^КТП не загружен: в файле есть ошибки \(3\)/);
    expect(applied.body.error.details.errors).toHaveLength(3);
    expect((await stored('6b', 'math'))!.version).toBe(2);
  });

  it('should refuse a broken upload, a stale version and another teacher', async () => {
    const notBase64 = await post('teacher', `${MATH_6B}/import`, { fileName: 'a.csv', content: 'не base64!', apply: true, version: 2 });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body.error.message).toMatch(/повреждённым/);
    const noHeader = await post('teacher', `${MATH_6B}/import`, { fileName: 'a.csv', content: csv('a;b\n1;2\n'), apply: true, version: 2 });
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.message).toMatch(/Не найдена строка заголовка/);
    const stale = await post('teacher', `${MATH_6B}/import`, { fileName: 'ktp.csv', content: csv(GOOD), apply: true, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(2);
    for (const who of ['classteacher', 'parent', 'student']) {
      expect((await post(who, `${MATH_6B}/import`, { fileName: 'ktp.csv', content: csv(GOOD), apply: false, version: 2 })).status).toBe(403);
    }
    expect((await stored('6b', 'math'))!.version).toBe(2);
  });
});

describe('lists with the hours check', () => {
  it('should list a teacher\'s own load with each KTP\'s state and check', async () => {
    const res = await as.teacher!.get(`${Y}/ktp`);
    expect(res.status).toBe(200);
    expect(res.body.startsOn).toBe('2026-09-01');
    const mine = res.body.items.map((i: any) => `${i.classId}/${i.subjectId}/${i.groupId}`);
    expect(mine).toEqual(expect.arrayContaining(['6a/math/all', '6b/math/all', '6a/english/g2']));
    expect(mine).not.toContain('6a/russian/all');
    const b = res.body.items.find((i: any) => i.classId === '6b' && i.subjectId === 'math');
    const timetable = (await listSlots('sch53', '2026', '6b')).length === 0 ? null : await lessonCountForYear('sch53', '2026', '6b', 'math', 'all');
    expect(b).toMatchObject({ exists: true, topicCount: 34, check: { planned: 170, curriculum: 170, timetable } });
    expect(b.rows).toBeUndefined();
  });

  it('should list a class\'s KTPs for the deputy and the class teacher only', async () => {
    const res = await as.deputy!.get(`${Y}/classes/6a/ktp`);
    expect(res.status).toBe(200);
    const keysOf = res.body.items.map((i: any) => `${i.subjectId}/${i.groupId}`);
    expect(keysOf).toEqual(expect.arrayContaining(['math/all', 'russian/all', 'english/g1', 'english/g2']));
    expect(res.body.items.find((i: any) => i.subjectId === 'russian').exists).toBe(true);
    expect((await as.teacher!.get(`${Y}/classes/6a/ktp`)).status).toBe(403);
    expect((await as.parent!.get(`${Y}/classes/6a/ktp`)).status).toBe(403);
    expect((await as.student!.get(`${Y}/ktp`)).status).toBe(403);
    expect((await as.parent!.get(`${Y}/ktp`)).status).toBe(403);
  });
});

describe('round trips', () => {
  async function counted<T>(work: () => Promise<T>): Promise<{ result: T; requests: number }> {
    const before = ddbRequestCounter.count;
    const result = await work();
    return { result, requests: ddbRequestCounter.count - before };
  }

  it('should stay within a small fixed number of DynamoDB requests per screen, and save with one transaction', async () => {
    const read = await counted(() => as.teacher!.get(MATH_6A));
    const list = await counted(() => as.teacher!.get(`${Y}/ktp`));
    const ofClass = await counted(() => as.deputy!.get(`${Y}/classes/6a/ktp`));
    const save = await counted(() => put('teacher', MATH_6A, { version: read.result.body.version, rows: read.result.body.rows }));
    expect(save.result.status).toBe(200);
    console.log(`ktp round trips: read ${read.requests}, save ${save.requests}, own list ${list.requests}, class list ${ofClass.requests}`);
    expect(read.requests).toBeLessThanOrEqual(9);
    // 10, plus the caller's account that every write reads (functions/http/renew.ts).
    expect(save.requests).toBeLessThanOrEqual(11);
    expect(ofClass.requests).toBeLessThanOrEqual(9);
    // A teacher's list: fixed requests plus two Queries (slots, changes) per class taught.
    const classes = new Set(list.result.body.items.map((i: { classId: string }) => i.classId)).size;
    expect(list.requests).toBeLessThanOrEqual(7 + 2 * classes);
  });
});

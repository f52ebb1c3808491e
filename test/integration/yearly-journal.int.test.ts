/**
 * The yearly journal and the retention of a year's records (issue 14 items 4-5;
 * clauses 8.5, 8.6) on DynamoDB Local and the local S3: the scheduled job stores one PDF per class
 * once the year has ended and nothing before; after a killed run it stores the classes not yet done,
 * and run again it stores nothing twice; the stored PDF,
 * read back with pdftotext, is the journal (subjects, topics, homework, pupils, marks, absences, the
 * year's marks, the summary sheet, the director's signature and «М.П.»); the year's items carry
 * their removal date (5 years, 25 for the marks of the summary sheet), and one that lost it to a
 * later write gets it back on the next run. The deputy renders a class's journal on demand; others
 * may not.
 */
import { execFileSync } from 'node:child_process';
import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as yearlyJob } from '../../functions/jobs/render-yearly-journals';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { keys, sortName } from '../../shared/db/keys';
import { dynamo, tableName } from '../../shared/db/client';
import { getItem } from '../../shared/db/query';
import type { FinalMarkCode } from '../../shared/domain/period-marks';
import { dataExpiresAt } from '../../shared/domain/retention';
import { loadLineItems, subjectItem } from '../../shared/repos/curriculum';
import { chainNext, verifyChain, type ChangeRecord } from '../../shared/domain/journal-log';
import { changeHeadItem, changeRecordItem, readChangeLog } from '../../shared/repos/change-log';
import { attendanceItem, markItem, rosterItem } from '../../shared/repos/journal';
import { readJournalPartition } from '../../shared/repos/journal-partition';
import { lessonItem } from '../../shared/repos/lessons';
import { finalMarkItem } from '../../shared/repos/period-marks';
import { getSchool, listClasses } from '../../shared/repos/school';
import { archiveDocument, listArchive, readArchivedDocument } from '../../shared/services/archive';
import { archiveYearlyJournals, YEARLY_JOURNAL_KIND } from '../../shared/services/yearly-journal';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { mskNoon, SCH, YEAR } from './journal-fixture';

const CLS = 'yj7';
const Q1 = '2026-q1';
const Q4 = '2026-q4';
const YEAR_END = '2027-05-31';
const PUPILS = [
  { id: 'yj-a', lastName: 'Абрамова', firstName: 'Анна' },
  { id: 'yj-b', lastName: 'Борисов', firstName: 'Борис' },
];
const ALG = 'yalg';
const RUS = 'yrus';
const place = (periodId: string, subjectId = ALG) => ({ schoolId: SCH, classId: CLS, periodId, subjectId });
const JOURNALS = dataExpiresAt(YEAR_END, 'journals');
const SHEETS = dataExpiresAt(YEAR_END, 'summarySheets');

let api: ApiServer;
const { standAt, as } = clockedClients(() => api.url);

const firstMark = (date: string, studentId: string, value: number) =>
  markItem(place(Q1), { date, lessonNo: 2, groupId: 'all', studentId, workType: 'lessonAnswer', value, weight: 1, version: 1, setBy: 'fixture', setAt: `${date}T08:00:00.000Z` });

async function fixtureClass(): Promise<void> {
  const at = '2026-10-20T08:00:00.000Z';
  const final = (kind: 'period' | 'year', periodId: string | undefined, subjectId: string, studentId: string, code: FinalMarkCode) =>
    finalMarkItem(
      { schoolId: SCH, classId: CLS, yearId: YEAR, kind, ...(periodId ? { periodId } : {}), subjectId, studentId },
      { kind, classId: CLS, ...(periodId ? { periodId } : {}), yearId: YEAR, subjectId, studentId, code, setBy: 'fixture', setByName: 'Учитель', setAt: at, firstSetAt: at, late: false, version: 1 },
    );
  const roster = (periodId: string) =>
    rosterItem(place(periodId), {
      subjectId: ALG, classId: CLS, className: '7Ю', grade: 7, periodId, line: { teacherId: 'nobody' }, groups: [], version: 1, builtAt: at,
      students: PUPILS.map((p) => ({ studentId: p.id, name: `${p.lastName} ${p.firstName}` })),
    });
  const lesson = (periodId: string, date: string, topic: string, homework: string, subjectId = ALG) => ({
    ...lessonItem(SCH, YEAR, { classId: CLS, periodId, subjectId, groupId: 'all', date, lessonNo: 2, teacherId: 'fixture', status: 'planned' }, '2026-08-31T09:00:00.000Z'),
    topic,
    homework,
  });
  // The change log of two edits of algebra in Q1, chained as the journal writes it.
  const log: ChangeRecord[] = [];
  for (const [i, value] of [5, 4].entries()) {
    const body = { partition: keys.journalPartition(SCH, CLS, Q1), subjectId: ALG, at: `2026-09-0${7 + i}T08:00:00.000Z`, actorId: 'fixture', actorName: 'Учитель', action: 'create' as const, entity: 'mark' as const, target: { date: '2026-09-07', lessonNo: 2, studentId: 'yj-a', workType: 'lessonAnswer' }, old: null, new: { value } };
    log.push(chainNext(body as never, log.at(-1) ?? null));
  }
  await batchWriteAll([
    ...log.map((r) => changeRecordItem(place(Q1), r)),
    changeHeadItem(place(Q1), log.at(-1)!),
    { ...keys.class(SCH, CLS), type: 'class', classId: CLS, schoolId: SCH, grade: 7, letter: 'Ю', yearId: YEAR, classTeacherName: 'Журавлёва Юлия Петровна' },
    ...PUPILS.map((s) => ({
      ...keys.studentCard(SCH, s.id),
      ...keys.studentsOfClass(SCH, CLS, sortName(s.lastName, s.firstName), s.id),
      type: 'studentCard', schoolId: SCH, classId: CLS, studentId: s.id, lastName: s.lastName, firstName: s.firstName, birthDate: '2013-05-01', parentIds: [],
    })),
    ...[
      { subjectId: ALG, name: 'Алгебра (журнал)', shortName: 'Алг.' },
      { subjectId: RUS, name: 'Русский язык (журнал)', shortName: 'Рус.' },
    ].flatMap((s) => [subjectItem({ ...s, schoolId: SCH, splittable: false, version: 1 }), ...loadLineItems({ schoolId: SCH, yearId: YEAR, classId: CLS, subjectId: s.subjectId, hoursPerWeek: 3, version: 1 })]),
    roster(Q1),
    roster(Q4),
    lesson(Q1, '2026-09-07', 'Квадратные уравнения', '§ 12, № 301–305'),
    lesson(Q1, '2026-09-08', 'Теорема Виета', '§ 13, выучить формулы'),
    lesson(Q4, '2027-04-12', 'Итоговое повторение курса', 'Подготовиться к контрольной'),
    lesson(Q1, '2026-09-09', 'Причастный оборот', 'Упражнение 48', RUS),
    firstMark('2026-09-07', 'yj-a', 5),
    attendanceItem(place(Q1), { date: '2026-09-08', lessonNo: 2, groupId: 'all', studentId: 'yj-b', kind: 'absent', reason: 'illness', version: 1, setBy: 'fixture', setAt: '2026-09-08T08:00:00.000Z' }),
    final('period', Q1, ALG, 'yj-a', '5'),
    final('period', Q1, ALG, 'yj-b', '3'),
    final('period', Q4, ALG, 'yj-a', '4'),
    final('year', undefined, ALG, 'yj-a', '5'),
    final('year', undefined, ALG, 'yj-b', '3'),
  ]);
}

const pdfText = (body: Uint8Array) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(body) }).toString('utf8');
const slot = { schoolId: SCH, yearId: YEAR, classId: CLS, kind: YEARLY_JOURNAL_KIND };
let classesOfYear = 0;

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(mskNoon('2026-11-30'));
  await fixtureClass();
  classesOfYear = (await listClasses(SCH)).filter((c) => c.yearId === YEAR).length;
  api = await startApi();
}, 120_000);
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('the yearly job', () => {
  it('should store nothing while the school year lasts', async () => {
    const r = await yearlyJob('krd', mskNoon(YEAR_END));
    expect(r).toMatchObject({ job: 'render-yearly-journals', checked: 0, changed: 0 });
    expect(await listArchive(SCH, YEAR, { kind: YEARLY_JOURNAL_KIND })).toEqual([]);
  });

  it('should store one journal per class the day after the year ends, go on from where a killed run stopped, and store nothing twice', async () => {
    // A run killed after its first class: that class's journal is in the archive, the others' not.
    await archiveDocument({ ...slot, classId: '1a', retention: 'journals', title: 'Классный журнал 1А класса', fileName: `zhurnal-1a-${YEAR}.pdf`, body: Buffer.from('%PDF-1.4 killed run'), contentType: 'application/pdf', now: mskNoon('2027-06-01') });
    const first = await yearlyJob('krd', mskNoon('2027-06-01'));
    expect(first).toMatchObject({ checked: classesOfYear, changed: classesOfYear - 1 });
    const second = await yearlyJob('krd', mskNoon('2027-06-01'));
    expect(second).toMatchObject({ checked: classesOfYear, changed: 0 });
    const stored = await listArchive(SCH, YEAR, { kind: YEARLY_JOURNAL_KIND });
    expect(stored).toHaveLength(classesOfYear);
    expect(new Set(stored.map((d) => d.classId)).size).toBe(classesOfYear);
    const own = stored.find((d) => d.classId === CLS)!;
    expect(own).toMatchObject({ retention: 'journals', contentType: 'application/pdf', fileName: `zhurnal-${CLS}-${YEAR}.pdf`, title: 'Классный журнал 7Ю класса, 2026/2027 учебный год' });
  }, 120_000);

  it('should print every subject\'s lessons, topics, homework, marks, absences, the year\'s marks, the summary sheet and the certification', async () => {
    const text = pdfText((await readArchivedDocument(slot)).body);
    expect(text).toContain('КЛАССНЫЙ ЖУРНАЛ');
    expect(text).toContain('7Ю класса');
    expect(text).toContain('2026/2027 учебный год');
    expect(text).toContain('Классный руководитель: Журавлёва Юлия Петровна');
    expect(text).toContain('Алгебра (журнал) — 1 четверть: отметки и посещаемость');
    expect(text).toContain('Русский язык (журнал) — 1 четверть: темы уроков и домашние задания');
    expect(text).toMatch(/07\.09\.2026\s+Квадратные уравнения\s+§ 12, № 301–305/);
    expect(text).toContain('Итоговое повторение курса');
    expect(text).toContain('Причастный оборот');
    // The grid: Анна's «5» on 07.09 and her period mark; Борис absent through illness on 08.09, «3» for the quarter.
    expect(text).toMatch(/Абрамова Анна\s+5\s+5/);
    expect(text).toMatch(/Борисов Борис\s+б\s+3/);
    // The subject's year: 1-4 quarters and the year's mark.
    expect(text).toMatch(/1 четверть\s+2 четверть\s+3 четверть\s+4 четверть\s+Год/);
    expect(text).toMatch(/Абрамова Анна\s+5\s+4\s+5/);
    expect(text).toContain('Сводная ведомость учёта успеваемости');
    expect(text).toContain('Директор');
    expect(text).toContain('(подпись)');
    expect(text).toContain('М.П.');
  });
});

describe('the removal date of the year\'s records', () => {
  const expiresOf = async (key: { pk: string; sk: string }) => (await getItem(key))?.expiresAt;

  it('should be read by DynamoDB: the local table, like the stack\'s (test/infra), has TTL on that attribute', async () => {
    const ttl = await dynamo().send(new DescribeTimeToLiveCommand({ TableName: tableName() }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('should be 5 years after the year ends on the journal\'s items and 25 on the summary sheet\'s marks', async () => {
    const lessonKey = keys.lesson(SCH, CLS, Q1, ALG, '2026-09-07', 2, 'all');
    expect(await expiresOf(lessonKey)).toBe(JOURNALS);
    expect(await expiresOf(keys.roster(SCH, CLS, Q4, ALG))).toBe(JOURNALS);
    expect(await expiresOf(keys.mark(SCH, CLS, Q1, ALG, { date: '2026-09-07', lessonNo: 2, groupId: 'all' }, 'yj-a', 'lessonAnswer'))).toBe(JOURNALS);
    expect(await expiresOf(keys.attendance(SCH, CLS, Q1, ALG, { date: '2026-09-08', lessonNo: 2, groupId: 'all' }, 'yj-b'))).toBe(JOURNALS);
    expect(await expiresOf(keys.periodMark(SCH, CLS, Q1, ALG, 'yj-a'))).toBe(SHEETS);
    expect(await expiresOf(keys.yearMark(SCH, CLS, YEAR, 'year', ALG, 'yj-b'))).toBe(SHEETS);
    expect(new Date(JOURNALS * 1000).toISOString()).toBe('2032-06-01T00:00:00.000Z');
    expect(new Date(SHEETS * 1000).toISOString()).toBe('2052-06-01T00:00:00.000Z');
    // Nothing else of the item changed: the lesson keeps its topic and version.
    expect(await getItem(lessonKey)).toMatchObject({ topic: 'Квадратные уравнения', homework: '§ 12, № 301–305' });
  });

  it('should leave the change log\'s chain whole: the stamp is no part of what a record hashed', async () => {
    const partition = keys.journalPartition(SCH, CLS, Q1);
    expect(await expiresOf(keys.changeLog(SCH, CLS, Q1, ALG, 1))).toBe(JOURNALS);
    expect(await expiresOf(keys.changeLogHead(SCH, CLS, Q1, ALG))).toBe(JOURNALS);
    const log = await readChangeLog(SCH, CLS, Q1);
    expect(log.records).toHaveLength(2);
    expect(verifyChain(partition, log.records, log.heads)).toMatchObject({ ok: true, checked: 2 });
    const whole = await readJournalPartition(SCH, CLS, Q1);
    expect(verifyChain(partition, whole.records, whole.heads)).toMatchObject({ ok: true, checked: 2 });
  });

  it('should be set again on an item a later write replaced without it, and on nothing else', async () => {
    const key = keys.mark(SCH, CLS, Q1, ALG, { date: '2026-09-07', lessonNo: 2, groupId: 'all' }, 'yj-a', 'lessonAnswer');
    // A correction in June replaces the mark whole, as the journal's write does: the stamp is gone.
    await batchWriteAll([{ ...firstMark('2026-09-07', 'yj-a', 4), version: 2 }]);
    expect(await expiresOf(key)).toBeUndefined();
    // The next day's run (the job's step for the school): nothing stored, only that one item stamped.
    const next = await archiveYearlyJournals((await getSchool('krd', SCH))!, mskNoon('2027-06-02'));
    expect(next).toMatchObject({ checked: classesOfYear, changed: 0, stamped: 1 });
    expect(await getItem(key)).toMatchObject({ value: 4, version: 2, expiresAt: JOURNALS });
  }, 60_000);
});

describe('the journal on demand', () => {
  it('should render a class\'s year for the deputy and the director', async () => {
    standAt(mskNoon('2027-05-20'));
    for (const login of ['deputy', 'director']) {
      const res = await (await as(login)).get(`/api/schools/${SCH}/classes/${CLS}/yearly-journal/pdf`);
      expect(res.status, login).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="zhurnal-${CLS}-${YEAR}.pdf"`);
      const text = pdfText(res.body as Buffer);
      expect(text).toContain('Теорема Виета');
      expect(text).toContain('Распечатан из электронного журнала 20.05.2027');
    }
  });

  it('should refuse a class teacher, a teacher, parents and students, and answer 404 for no such class', async () => {
    standAt(mskNoon('2027-05-20'));
    for (const login of ['classteacher', 'teacher', 'parent', 'student']) {
      const res = await (await as(login)).get(`/api/schools/${SCH}/classes/5a/yearly-journal/pdf`);
      expect(res.status, login).toBe(403);
    }
    expect((await (await as('deputy')).get(`/api/schools/${SCH}/classes/nope/yearly-journal/pdf`)).status).toBe(404);
  });
});

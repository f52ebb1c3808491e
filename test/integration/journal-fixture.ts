/**
 * Journal fixtures over the demo school: two test subjects of 5А (one whole-class, one split into
 * subgroups), the same mathematics in 1А and 10А, their curriculum lines, subgroups, a substitute
 * assignment and lessons at lesson number 8 (the demo timetable leaves it free), written with the
 * builders the curriculum and timetable areas use, so the items have the shapes they will have.
 */
import { afterAll, beforeAll } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { buildDemoModel } from '../../shared/demo/index';
import type { LoadLine } from '../../shared/domain/curriculum';
import { loadLineItems, subgroupsItem, substituteItem, subjectItem } from '../../shared/repos/curriculum';
import { lessonItem } from '../../shared/repos/lessons';
import { listStudentsOfClass, type StudentCard } from '../../shared/repos/school';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';

export const SCH = 'sch53';
export const YEAR = '2026';
export const Q2 = '2026-q2';
export const H1 = '2026-h1';
export const MATH = 'jmath';
export const ENG = 'jeng';

export const base = (cls: string, period: string, subject: string) => `/api/schools/${SCH}/classes/${cls}/periods/${period}/subjects/${subject}`;

export interface JournalFixture {
  teacherId: string;
  /** The demo's second plain teacher (login teacher2): 2nd English subgroup's teacher, the substitute in mathematics. */
  teacher2Id: string;
  classteacherId: string;
  fiveA: StudentCard[];
  oneA: StudentCard[];
  tenA: StudentCard[];
  groups: { g1: string[]; g2: string[] };
}

/** The days of 5А's test mathematics lessons (all lesson 8) in the second quarter. */
export const MATH_DAYS = ['2026-11-16', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02'];

export async function journalFixture(now: Date): Promise<JournalFixture> {
  const model = buildDemoModel({ now });
  const staff = (f: string) => model.staff.find((s) => s.fixed === f)!.userId;
  const teacherId = staff('teacher');
  const teacher2Id = staff('teacher2');
  const classteacherId = staff('classteacher');
  const [fiveA, oneA, tenA] = await Promise.all(['5a', '1a', '10a'].map((c) => listStudentsOfClass(SCH, c)));
  const sorted = [...fiveA!].sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'ru'));
  const half = Math.ceil(sorted.length / 2);
  const groups = { g1: sorted.slice(0, half).map((s) => s.studentId), g2: sorted.slice(half).map((s) => s.studentId) };

  const line = (classId: string, subjectId: string, extra: Partial<LoadLine>): LoadLine => ({
    schoolId: SCH, yearId: YEAR, classId, subjectId, hoursPerWeek: 4, version: 1, ...extra,
  });
  const lesson = (classId: string, periodId: string, subjectId: string, date: string, groupId = 'all', teacher = teacherId) =>
    lessonItem(SCH, YEAR, { classId, periodId, subjectId, groupId, date, lessonNo: 8, teacherId: teacher, status: 'planned' }, '2026-08-31T09:00:00.000Z');
  const engGroups = [
    { groupId: 'g1', name: '1 группа', teacherId },
    { groupId: 'g2', name: '2 группа', teacherId: teacher2Id },
  ];

  await batchWriteAll([
    subjectItem({ subjectId: MATH, schoolId: SCH, name: 'Математика (проверка)', shortName: 'Мат.', splittable: false, version: 1 }),
    subjectItem({ subjectId: ENG, schoolId: SCH, name: 'Английский язык (проверка)', shortName: 'Англ.', splittable: true, version: 1 }),
    ...loadLineItems(line('5a', MATH, { teacherId })),
    ...loadLineItems(line('1a', MATH, { teacherId })),
    ...loadLineItems(line('10a', MATH, { teacherId })),
    ...loadLineItems(line('5a', ENG, { groups: engGroups })),
    subgroupsItem({
      schoolId: SCH, classId: '5a', periodId: Q2, subjectId: ENG, version: 1,
      groups: [{ ...engGroups[0]!, studentIds: groups.g1 }, { ...engGroups[1]!, studentIds: groups.g2 }],
    }),
    substituteItem({
      schoolId: SCH, classId: '5a', periodId: Q2, subjectId: MATH, groupId: 'all', teacherId: teacher2Id, absentTeacherId: teacherId,
      from: '2026-11-23', to: '2026-11-25', reason: 'Больничный лист учителя', version: 1,
    }),
    ...MATH_DAYS.map((d) => lesson('5a', Q2, MATH, d)),
    lesson('5a', Q2, ENG, '2026-11-24', 'g1'),
    lesson('5a', Q2, ENG, '2026-11-24', 'g2', teacher2Id),
    lesson('1a', Q2, MATH, '2026-11-27'),
    lesson('10a', H1, MATH, '2026-11-20'),
  ]);
  return { teacherId, teacher2Id, classteacherId, fiveA: fiveA!, oneA: oneA!, tenA: tenA!, groups };
}

/** Moscow midday of a school date, as an instant for `setClock`. */
/** The partitions `journalFixture` writes into: a browser test on the shared stack puts them back
 * afterwards (test/support/partitions.ts), so the other screens' tests never meet the fixture. */
export const FIXTURE_PARTITIONS: readonly string[] = [
  keys.subject(SCH, MATH).pk,
  keys.yearPlan(SCH, YEAR),
  keys.journalPartition(SCH, '5a', Q2),
  keys.journalPartition(SCH, '1a', Q2),
  keys.journalPartition(SCH, '10a', H1),
];

export const mskNoon = (date: string) => new Date(`${date}T09:00:00Z`);

/**
 * The set-up of a file that works through the API on this fixture: a fresh table with the demo
 * school and the fixture, the API over it, and signed-in clients on the server's clock stood at
 * `now`. Registers the file's beforeAll and afterAll; `fixture()` is there once they have run.
 */
export function journalApi(now: Date) {
  let api: ApiServer | undefined;
  let fx: JournalFixture | undefined;
  const clients = clockedClients(() => api!.url);
  beforeAll(async () => {
    await useTestTable();
    await seedDemoSchool(now);
    fx = await journalFixture(now);
    api = await startApi();
    clients.standAt(now);
  });
  afterAll(async () => {
    setClock(null);
    await api?.stop();
  });
  return { ...clients, fixture: () => fx! };
}

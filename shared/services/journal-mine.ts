/**
 * «Мои классы и предметы»: where the journal screen starts. A teacher sees the classes, subjects
 * and subgroups of their own load (R-12, one Query of the teacher's load index); a class teacher
 * also their class with every subject; the administration every class. Each entry carries the
 * periods of the class's grade and which one is current, so one click opens today's journal.
 */
import type { Principal } from '../auth/roles';
import { hasSchoolRole, ledClassIds } from '../auth/roles';
import { viewedClassIds } from '../auth/rules/viewer';
import { dateInZone } from '../domain/calendar';
import { periodsForGrade, type AcademicYear, type Period } from '../domain/year';
import { listLoad, listLoadOfTeacher, listSubjects } from '../repos/curriculum';
import { className, listClasses, type SchoolClass } from '../repos/school';
import { getYear } from '../repos/year';
import type { JournalRules } from './journal-settings';

export interface PeriodChoice {
  periodId: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface MyJournalEntry {
  classId: string;
  className: string;
  grade: number;
  subjectId: string;
  subjectName: string;
  groupId: string;
  groupName?: string;
  periodId: string | null;
}

export interface ClassJournals {
  classId: string;
  className: string;
  grade: number;
  led: boolean;
  periodId: string | null;
  subjects: Array<{ subjectId: string; subjectName: string; groups: Array<{ groupId: string; name: string }> }>;
}

export interface MyJournalsView {
  yearId: string | null;
  today: string;
  /** Periods per grade («1 четверть» …), for the period switch. */
  periods: Record<string, PeriodChoice[]>;
  teaching: MyJournalEntry[];
  classes: ClassJournals[];
}

/** The period a date falls in, else the last one that began before it (holidays), else the first. */
export function currentPeriod(periods: readonly Period[], today: string): Period | undefined {
  return periods.find((p) => p.startDate <= today && today <= p.endDate) ?? [...periods].reverse().find((p) => p.startDate <= today) ?? periods[0];
}

export async function myJournals(p: Principal, schoolId: string, rules: JournalRules, now: Date): Promise<MyJournalsView> {
  const today = dateInZone(now, rules.timeZone);
  const classes = await listClasses(schoolId);
  const yearId = classes.map((c) => c.yearId).sort().at(-1) ?? null;
  if (!yearId) return { yearId: null, today, periods: {}, teaching: [], classes: [] };
  // A read-only grant (clause 4.5) sees the classes it names, as the administration sees every class.
  const viewed = viewedClassIds(p, schoolId, 'journal');
  const administration = hasSchoolRole(p, schoolId, 'director', 'deputy', 'administrator') || viewed === 'all';
  const led = new Set(ledClassIds(p, schoolId));
  const shown = new Set([...led, ...(viewed === 'all' ? [] : viewed)]);
  const shownClasses = classes.filter((c) => c.yearId === yearId && (administration || shown.has(c.classId)));
  const [year, mine, subjects, lines] = await Promise.all([
    getYear(schoolId, yearId),
    hasSchoolRole(p, schoolId, 'teacher', 'classTeacher') ? listLoadOfTeacher(schoolId, yearId, p.userId) : Promise.resolve([]),
    listSubjects(schoolId),
    shownClasses.length === 0 ? Promise.resolve([]) : administration ? listLoad(schoolId, yearId) : Promise.all([...shown].map((c) => listLoad(schoolId, yearId, c))).then((x) => x.flat()),
  ]);
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const classOf = new Map(classes.map((c) => [c.classId, c]));
  const periods: Record<string, PeriodChoice[]> = {};
  const periodOf = (c: SchoolClass) => {
    if (!year) return null;
    const list = periodsForGrade(year as AcademicYear, c.grade);
    periods[String(c.grade)] ??= list.map(({ periodId, name, startDate, endDate }) => ({ periodId, name, startDate, endDate }));
    return currentPeriod(list, today)?.periodId ?? null;
  };
  const byName = (a: { className: string }, b: { className: string }) => a.className.localeCompare(b.className, 'ru', { numeric: true });
  const teaching = mine
    .flatMap((l): MyJournalEntry[] => {
      const c = classOf.get(l.classId);
      if (!c) return [];
      return [
        {
          classId: c.classId,
          className: className(c),
          grade: c.grade,
          subjectId: l.subjectId,
          subjectName: subjectName.get(l.subjectId) ?? l.subjectId,
          groupId: l.groupId,
          ...(l.groupName ? { groupName: l.groupName } : {}),
          periodId: periodOf(c),
        },
      ];
    })
    .sort((a, b) => byName(a, b) || a.subjectName.localeCompare(b.subjectName, 'ru') || a.groupId.localeCompare(b.groupId));
  const classList = shownClasses
    .map((c): ClassJournals => ({
      classId: c.classId,
      className: className(c),
      grade: c.grade,
      led: led.has(c.classId),
      periodId: periodOf(c),
      subjects: lines
        .filter((l) => l.classId === c.classId)
        .map((l) => ({
          subjectId: l.subjectId,
          subjectName: subjectName.get(l.subjectId) ?? l.subjectId,
          groups: (l.groups ?? []).map((g) => ({ groupId: g.groupId, name: g.name })),
        }))
        .sort((a, b) => a.subjectName.localeCompare(b.subjectName, 'ru')),
    }))
    .sort(byName);
  return { yearId, today, periods, teaching, classes: classList };
}

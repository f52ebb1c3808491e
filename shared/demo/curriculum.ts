/**
 * The demo school's curriculum (issue 3, item 7; ): its subjects, the weekly hours
 * of every class after the federal basic curricula (ФУП НОО / ООО / СОО 2023, five-day week in
 * grades 1-4, six-day week in grades 5-11, plus the regional Kubanovedenie), the teachers of each
 * class-subject chosen from the demo staff by their positions, English and informatics split into
 * two groups from grade 5, the make-up of those groups for every period, and a substitute.
 *
 * Pure and deterministic: the same model gives the same items.
 */
import { WHOLE_CLASS, type LoadLine, type Subject, type SubgroupSet, type SubstituteAssignment } from '../domain/curriculum';
import { periodsForGrade, type AcademicYear } from '../domain/year';
import { loadLineItems, subgroupsItem, subjectItem, substituteItem } from '../repos/curriculum';
import type { DemoModel, DemoStaff } from './model';
import { DEMO_SUBJECTS, type DemoSubjectId } from './subjects';
import { demoYear } from './year';

type Item = Record<string, unknown>;

const SHORT_NAMES: Record<DemoSubjectId, string> = {
  russian: 'Рус. яз.',
  literature: 'Литер.',
  literaryReading: 'Лит. чт.',
  math: 'Матем.',
  algebra: 'Алгебра',
  geometry: 'Геом.',
  probability: 'Вер. и стат.',
  english: 'Англ. яз.',
  history: 'История',
  social: 'Общество',
  kuban: 'Кубанов.',
  worldAround: 'Окр. мир',
  geography: 'Геогр.',
  biology: 'Биол.',
  chemistry: 'Химия',
  physics: 'Физика',
  informatics: 'Информ.',
  pe: 'Физ-ра',
  music: 'Музыка',
  art: 'ИЗО',
  technology: 'Труд',
  obzr: 'ОБЗР',
};

/** Subjects a class may be split for (a foreign language, informatics, technology). */
const SPLITTABLE: ReadonlySet<DemoSubjectId> = new Set(['english', 'informatics', 'technology']);

/** Hours per week by grade 1..11 (index 0 = grade 1). */
export const DEMO_HOURS: Record<DemoSubjectId, readonly number[]> = {
  russian: [5, 5, 5, 5, 5, 6, 4, 3, 3, 2, 2],
  literaryReading: [4, 4, 4, 3, 0, 0, 0, 0, 0, 0, 0],
  literature: [0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3],
  english: [0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3],
  math: [4, 4, 4, 4, 5, 5, 0, 0, 0, 0, 0],
  algebra: [0, 0, 0, 0, 0, 0, 3, 3, 3, 2, 2],
  geometry: [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2],
  probability: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
  informatics: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
  history: [0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2],
  social: [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2],
  geography: [0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1],
  biology: [0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 1],
  physics: [0, 0, 0, 0, 0, 0, 2, 2, 3, 2, 2],
  chemistry: [0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1],
  worldAround: [2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0],
  music: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0],
  art: [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0],
  technology: [1, 1, 1, 1, 2, 2, 2, 1, 1, 0, 0],
  obzr: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
  pe: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
  kuban: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
};

/**
 * English is split in grades 5-9 only: with the demo's three English teachers, at most one class
 * can have its two groups at any one time, so splitting every class of grades 5-11 (39 paired
 * lessons a week) does not fit into a week of about 40 lesson times; the smaller senior classes
 * learn English as a whole class. Informatics (one teacher) is split in grades 7-11.
 */
export const ENGLISH_SPLIT_TO_GRADE = 9;
/** Subjects split into two groups from grade 5. */
const SPLIT_FROM_GRADE_5: ReadonlySet<DemoSubjectId> = new Set(['english', 'informatics']);
/** In grades 1-4 the class's own primary teacher teaches these. */
const PRIMARY_TEACHER_SUBJECTS: ReadonlySet<DemoSubjectId> = new Set(['russian', 'literaryReading', 'math', 'worldAround', 'technology', 'art', 'kuban']);
/** Subjects one teacher takes together in a class (the same person teaches Russian and literature). */
const BUNDLES: ReadonlyArray<readonly DemoSubjectId[]> = [
  ['russian', 'literature'],
  ['algebra', 'geometry', 'probability'],
  ['history', 'social', 'kuban'],
];

export const GROUPS = [
  { groupId: 'g1', name: '1 группа' },
  { groupId: 'g2', name: '2 группа' },
] as const;

export function demoSubjects(schoolId: string): Subject[] {
  return (Object.keys(DEMO_SUBJECTS) as DemoSubjectId[]).map((subjectId) => ({
    subjectId,
    schoolId,
    name: DEMO_SUBJECTS[subjectId],
    shortName: SHORT_NAMES[subjectId],
    splittable: SPLITTABLE.has(subjectId),
    version: 1,
  }));
}

/** The demo teacher's own room: their cabinet, the gym for PE, the workshop for technology. */
export function demoRoomOf(teacher: DemoStaff, index: number): string {
  switch (teacher.specialisation) {
    case 'primary':
      return String(101 + index);
    case 'pe':
      return index === 0 ? 'Спортзал' : 'Малый спортзал';
    case 'technology':
      return 'Мастерская';
    case 'music':
      return 'Актовый зал';
    default:
      return String(201 + index);
  }
}

/** Teachers by specialisation with the number of weekly lessons already given to each. */
class LoadBook {
  readonly hours = new Map<string, number>();
  constructor(readonly staff: readonly DemoStaff[]) {}
  of(spec: string): DemoStaff[] {
    return this.staff.filter((s) => s.specialisation === spec);
  }
  able(subject: DemoSubjectId): DemoStaff[] {
    return this.staff.filter((s) => s.specialisation !== 'primary' && s.subjects.includes(subject));
  }
  add(t: DemoStaff, h: number): void {
    this.hours.set(t.userId, (this.hours.get(t.userId) ?? 0) + h);
  }
  /** The least loaded of the candidates (ties by order, so the result is stable). */
  lightest(candidates: readonly DemoStaff[]): DemoStaff {
    return [...candidates].sort((a, b) => (this.hours.get(a.userId) ?? 0) - (this.hours.get(b.userId) ?? 0))[0]!;
  }
}

/** The curriculum lines of every demo class, with teachers matched to the staff's positions. */
export function demoLoad(model: DemoModel): LoadLine[] {
  const sch = model.school.schoolId;
  const staff = model.staff.filter((s) => s.subjects.length > 0);
  const book = new LoadBook(staff);
  const lines: LoadLine[] = [];
  const line = (classId: string, subjectId: DemoSubjectId, hours: number, who: { teacherId?: string; groups?: LoadLine['groups'] }) =>
    lines.push({ schoolId: sch, yearId: model.yearId, classId, subjectId, hoursPerWeek: hours, ...who, version: 1 });
  const subjects = Object.keys(DEMO_HOURS) as DemoSubjectId[];
  // Bigger grades first, so that the scarce specialists are shared out before the small subjects.
  const classes = [...model.classes].sort((a, b) => b.grade - a.grade || a.classId.localeCompare(b.classId));
  for (const c of classes) {
    const hoursOf = (s: DemoSubjectId) => DEMO_HOURS[s][c.grade - 1]!;
    const leader = staff.find((s) => s.userId === c.classTeacherId);
    const chosen = new Map<DemoSubjectId, DemoStaff>();
    for (const s of subjects) {
      const hours = hoursOf(s);
      if (hours === 0 || chosen.has(s)) continue;
      if (c.grade <= 4 && PRIMARY_TEACHER_SUBJECTS.has(s)) {
        chosen.set(s, leader!);
        book.add(leader!, hours);
        continue;
      }
      if (SPLIT_FROM_GRADE_5.has(s) && c.grade >= 5) continue; // below
      const bundle = BUNDLES.find((b) => b.includes(s)) ?? [s];
      const able = book.able(s).filter((t) => bundle.every((b) => hoursOf(b) === 0 || t.subjects.includes(b)));
      // A class teacher teaches their own class where their subject allows it.
      const t = leader && able.includes(leader) ? leader : book.lightest(able);
      for (const b of bundle) {
        if (hoursOf(b) === 0) continue;
        chosen.set(b, t);
        book.add(t, hoursOf(b));
      }
    }
    for (const [s, t] of chosen) line(c.classId, s, hoursOf(s), { teacherId: t.userId });
    if (c.grade >= 5) {
      // English: two groups at the same time with two teachers in grades 5-9; informatics: one
      // teacher, two groups at different times.
      if (c.grade <= ENGLISH_SPLIT_TO_GRADE) {
        const english = [...book.able('english')].sort((a, b) => (book.hours.get(a.userId) ?? 0) - (book.hours.get(b.userId) ?? 0)).slice(0, 2);
        english.forEach((t) => book.add(t, hoursOf('english')));
        line(c.classId, 'english', hoursOf('english'), { groups: GROUPS.map((g, i) => ({ ...g, teacherId: english[i]!.userId })) });
      } else {
        const t = book.lightest(book.able('english'));
        book.add(t, hoursOf('english'));
        line(c.classId, 'english', hoursOf('english'), { teacherId: t.userId });
      }
      if (hoursOf('informatics') > 0) {
        const it = book.lightest(book.able('informatics'));
        book.add(it, 2 * hoursOf('informatics'));
        line(c.classId, 'informatics', hoursOf('informatics'), { groups: GROUPS.map((g) => ({ ...g, teacherId: it.userId })) });
      }
    }
  }
  return lines.sort((a, b) => a.classId.localeCompare(b.classId) || a.subjectId.localeCompare(b.subjectId));
}

/** The make-up of the split subjects' groups: the class list halved in alphabetical order, every period. */
export function demoSubgroups(model: DemoModel, lines: readonly LoadLine[], year: AcademicYear = demoYear(model.school.schoolId)): SubgroupSet[] {
  const sets: SubgroupSet[] = [];
  const sorted = [...model.students].sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'ru'));
  for (const l of lines) {
    if (!l.groups?.length) continue;
    const grade = model.classes.find((c) => c.classId === l.classId)!.grade;
    const roster = sorted.filter((s) => s.classId === l.classId).map((s) => s.studentId);
    const half = Math.ceil(roster.length / 2);
    for (const p of periodsForGrade(year, grade)) {
      sets.push({
        schoolId: l.schoolId,
        classId: l.classId,
        periodId: p.periodId,
        subjectId: l.subjectId,
        groups: l.groups.map((g, i) => ({ ...g, studentIds: i === 0 ? roster.slice(0, half) : roster.slice(half) })),
        version: 1,
      });
    }
  }
  return sets;
}

/** R-25 in the demo: the class teacher of 5А fills the mathematics lessons of 5А for a week in November. */
export function demoSubstitutes(model: DemoModel, lines: readonly LoadLine[]): SubstituteAssignment[] {
  const math = lines.find((l) => l.classId === '5a' && l.subjectId === 'math');
  const fiveA = model.classes.find((c) => c.classId === '5a');
  if (!math?.teacherId || !fiveA || math.teacherId === fiveA.classTeacherId) return [];
  return [
    {
      schoolId: model.school.schoolId,
      classId: '5a',
      periodId: '2026-q2',
      subjectId: 'math',
      groupId: WHOLE_CLASS,
      teacherId: fiveA.classTeacherId,
      absentTeacherId: math.teacherId,
      from: '2026-11-16',
      to: '2026-11-21',
      reason: 'Больничный лист учителя математики',
      version: 1,
    },
  ];
}

export interface DemoCurriculum {
  subjects: Subject[];
  lines: LoadLine[];
  subgroups: SubgroupSet[];
  substitutes: SubstituteAssignment[];
}

export function demoCurriculum(model: DemoModel): DemoCurriculum {
  const lines = demoLoad(model);
  return { subjects: demoSubjects(model.school.schoolId), lines, subgroups: demoSubgroups(model, lines), substitutes: demoSubstitutes(model, lines) };
}

/** The items to add to the demo school: subjects, curriculum lines with their group items, subgroups, substitutes. */
export function demoCurriculumItems(model: DemoModel): Item[] {
  const c = demoCurriculum(model);
  return [
    ...c.subjects.map(subjectItem),
    ...c.lines.flatMap(loadLineItems),
    ...c.subgroups.map(subgroupsItem),
    ...c.substitutes.map((s) => substituteItem({ ...s, createdBy: 'demo', createdAt: '2026-11-13T09:00:00.000Z' })),
  ];
}

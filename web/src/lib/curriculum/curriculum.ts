/**
 * The curriculum screens (R-12, R-24, R-25): which school and year a screen is about, the grid of
 * classes x subjects, the form of one curriculum line, the make-up of subgroups (a select per
 * student) and substitutes. Plain functions, so they are tested without a browser.
 */
import { dateInZone, planningYearOf } from '../../../../shared/domain/calendar';
import { EXAM_LABEL, PASS_FAIL_LABEL, WHOLE_CLASS } from '../../../../shared/domain/curriculum';
import { isGraduationGrade } from '../../../../shared/domain/movement';
import { DEFAULT_SCHOOL_ZONE } from '../format';
import { ledClasses, mayMe, schoolObject } from '../policy';
import type { Me } from '../types';
import type { ClassOfYear, CurriculumOverview, LoadLine, Period, SplitSubject, Subject, Teacher, YearView } from './types';

export { WHOLE_CLASS };

export const CURRICULUM_TEXT = {
  title: 'Учебный план и нагрузка',
  intro: 'Предметы школы, часы в неделю по классам и учителя (положение, п. 5: подсистема «Учебный процесс»).',
  refused: 'Учебный план доступен сотрудникам школы.',
  year: (yearId: string) => `Учебный год ${yearId}/${Number(yearId) + 1}`,
  subjects: 'Предметы школы',
  subjectName: 'Название',
  subjectShort: 'Кратко',
  subjectSplit: 'Делится на подгруппы',
  subjectId: 'Обозначение (латиницей, необязательно)',
  addSubject: 'Добавить предмет',
  saveSubject: 'Сохранить предмет',
  editSubject: 'Изменить',
  subjectAdded: 'Предмет добавлен.',
  subjectSaved: 'Предмет сохранён.',
  yes: 'да',
  no: '—',
  grid: 'Часы в неделю и учителя по классам',
  gridHint: 'Нажмите на клетку, чтобы задать часы и учителя.',
  cls: 'Класс',
  total: 'Всего',
  lineTitle: (subject: string, cls: string) => `«${subject}» в ${cls}`,
  hours: 'Часов в неделю',
  mode: 'Кто ведёт',
  wholeClass: 'Один учитель на весь класс',
  split: 'Деление на подгруппы',
  teacher: 'Учитель',
  groupName: 'Подгруппа',
  groupTeacher: 'Учитель подгруппы',
  chooseTeacher: '— выберите учителя —',
  saveLine: 'Сохранить',
  removeLine: 'Убрать из учебного плана',
  confirmRemove: (what: string) => `Убрать ${what} из учебного плана?`,
  lineSaved: 'Учебный план сохранён.',
  lineRemoved: 'Предмет убран из учебного плана класса.',
  close: 'Закрыть',
  noTeacher: 'Выберите учителя.',
  noGroupTeacher: 'Выберите учителя каждой подгруппы.',
  badHours: 'Часов в неделю — целое число от 1 до 12.',
  notSplittable: 'Этот предмет не делится на подгруппы: отметьте это в списке предметов.',
  marking: 'Отметки по предмету',
  passFail: `${PASS_FAIL_LABEL} (отметки за период, год и итоговые — «зач» или «незач»)`,
  exam: `${EXAM_LABEL} (экзаменационная отметка; только 9 и 11 классы)`,
  flagsLegend: 'з — зачёт/незачёт, э — экзамен.',
  links: {
    subgroups: 'Подгруппы',
    substitutes: 'Замены',
    timetable: 'Расписание',
  },
  teacherLoad: 'Моя нагрузка',
} as const;

export const SUBGROUPS_TEXT = {
  title: 'Подгруппы класса',
  intro: 'Состав подгрупп на учебный период определяют заместитель директора и классный руководитель (положение, п. 5). Каждый обучающийся — ровно в одной подгруппе.',
  refused: 'Подгруппы этого класса вам недоступны.',
  cls: 'Класс',
  period: 'Период',
  show: 'Показать',
  none: 'В учебном плане этого класса нет предметов с делением на подгруппы.',
  student: 'Обучающийся',
  noGroup: '— не распределён —',
  save: 'Сохранить состав',
  saved: 'Состав подгрупп сохранён.',
  unassigned: (n: number) => `Не распределены по подгруппам: ${n}.`,
  allAssigned: 'Все обучающиеся распределены.',
  count: (name: string, n: number) => `${name}: ${n}`,
  teacher: (name: string) => `учитель ${name}`,
  readOnly: 'Состав подгрупп меняют заместитель директора и классный руководитель.',
} as const;

export const SUBSTITUTES_TEXT = {
  title: 'Замены учителей',
  intro: 'На время болезни учителя его уроки в классе ведёт и заполняет в журнале замещающий учитель или классный руководитель (положение, п. 5).',
  refused: 'Замены доступны сотрудникам школы.',
  subject: 'Предмет',
  group: 'Подгруппа',
  wholeClass: 'весь класс',
  teacher: 'Замещающий учитель',
  absent: 'Кого замещает',
  from: 'С',
  to: 'По',
  reason: 'Основание',
  reasonPlaceholder: 'например, больничный лист',
  add: 'Назначить замену',
  added: 'Замена назначена.',
  removed: 'Замена отменена.',
  remove: 'Отменить',
  confirmRemove: 'Отменить эту замену?',
  none: 'Замен в этом периоде нет.',
  classTeacherMark: ' (классный руководитель)',
} as const;

/** The school a screen is about: the one in the address if the person has a role there, else their first. */
export function schoolOfMe(me: Me, asked: string | null): string | null {
  const mine = [...new Set(me.grants.flatMap((g) => ('schoolId' in g ? [g.schoolId] : [])))];
  if (asked && mine.includes(asked)) return asked;
  return mine[0] ?? null;
}

/** The deputy's and the director's editing of the curriculum, the subgroups, the substitutes and the timetable. */
export function mayManage(me: Me, schoolId: string): boolean {
  return mayMe(me, 'curriculum.manage', schoolObject(me, schoolId));
}

export { ledClasses };

/** The school year of a date: from June on the coming one (the curriculum is made before it starts). */
export function currentYearId(now: Date, timeZone = DEFAULT_SCHOOL_ZONE): string {
  return planningYearOf(dateInZone(now, timeZone));
}

export function todayIso(now: Date, timeZone = DEFAULT_SCHOOL_ZONE): string {
  return dateInZone(now, timeZone);
}

/** The periods of a grade, and the one to show first: the current one, else the next, else the last. */
export function periodsOfGrade(year: Pick<YearView, 'periodSets'>, grade: number): Period[] {
  return year.periodSets.find((s) => s.grades.includes(grade))?.periods ?? [];
}

export function defaultPeriod(periods: readonly Period[], today: string): Period | undefined {
  return periods.find((p) => p.startDate <= today && today <= p.endDate) ?? periods.find((p) => p.startDate > today) ?? periods.at(-1);
}

const seg = encodeURIComponent;
export const curriculumPaths = {
  grid: (schoolId: string, yearId: string) => `/curriculum?school=${seg(schoolId)}&year=${seg(yearId)}`,
  subgroups: (schoolId: string, yearId: string, classId?: string, periodId?: string) =>
    `/curriculum/subgroups?school=${seg(schoolId)}&year=${seg(yearId)}${classId ? `&class=${seg(classId)}` : ''}${periodId ? `&period=${seg(periodId)}` : ''}`,
  substitutes: (schoolId: string, yearId: string, classId?: string, periodId?: string) =>
    `/curriculum/substitutes?school=${seg(schoolId)}&year=${seg(yearId)}${classId ? `&class=${seg(classId)}` : ''}${periodId ? `&period=${seg(periodId)}` : ''}`,
};

// --- the grid --------------------------------------------------------------------------------

export interface GridCell {
  subjectId: string;
  line: LoadLine | null;
  /** «2», «1 з» (pass/fail), «3 э» (exam). */
  hours: string;
  teacher: string;
}

export interface GridRow {
  cls: ClassOfYear;
  cells: GridCell[];
  total: number;
}

export function teacherNames(teachers: readonly Teacher[]): Map<string, string> {
  return new Map(teachers.map((t) => [t.userId, t.shortName]));
}

export function teacherText(line: Pick<LoadLine, 'teacherId' | 'groups'>, names: Map<string, string>): string {
  if (line.groups?.length) return line.groups.map((g) => `${g.name}: ${names.get(g.teacherId) ?? g.teacherId}`).join('; ');
  return line.teacherId ? (names.get(line.teacherId) ?? line.teacherId) : '';
}

/** Columns: the subjects any class has, in the order of the subject list, then those nobody has. */
export function gridSubjects(o: Pick<CurriculumOverview, 'subjects' | 'lines'>): Subject[] {
  const used = new Set(o.lines.map((l) => l.subjectId));
  return [...o.subjects.filter((s) => used.has(s.subjectId)), ...o.subjects.filter((s) => !used.has(s.subjectId))];
}

/** The hours of a line with its marking flags in short (`flagsLegend`). */
export function hoursText(line: Pick<LoadLine, 'hoursPerWeek' | 'passFail' | 'exam'>): string {
  return [String(line.hoursPerWeek), line.passFail ? 'з' : '', line.exam ? 'э' : ''].filter(Boolean).join(' ');
}

export function gridRows(o: CurriculumOverview): GridRow[] {
  const names = teacherNames(o.teachers);
  const subjects = gridSubjects(o);
  const byKey = new Map(o.lines.map((l) => [`${l.classId}|${l.subjectId}`, l]));
  return o.classes.map((cls) => {
    const cells = subjects.map((s): GridCell => {
      const line = byKey.get(`${cls.classId}|${s.subjectId}`) ?? null;
      return { subjectId: s.subjectId, line, hours: line ? hoursText(line) : '', teacher: line ? teacherText(line, names) : '' };
    });
    return { cls, cells, total: cells.reduce((n, c) => n + (c.line?.hoursPerWeek ?? 0), 0) };
  });
}

// --- one line ---------------------------------------------------------------------------------

export interface LineForm {
  hours: string;
  split: boolean;
  teacherId: string;
  groups: Array<{ groupId: string; name: string; teacherId: string }>;
  passFail: boolean;
  exam: boolean;
}

/** The exam flag is offered only where an exam mark exists (grades 9 and 11). */
export const examAllowed = (grade: number): boolean => isGraduationGrade(grade);

export function lineForm(line: LoadLine | null): LineForm {
  return {
    hours: line ? String(line.hoursPerWeek) : '',
    split: !!line?.groups?.length,
    teacherId: line?.teacherId ?? '',
    groups: line?.groups?.length
      ? line.groups.map((g) => ({ ...g }))
      : [
          { groupId: 'g1', name: '1 группа', teacherId: '' },
          { groupId: 'g2', name: '2 группа', teacherId: '' },
        ],
    passFail: line?.passFail === true,
    exam: line?.exam === true,
  };
}

/** The body of PUT …/curriculum/{class}/{subject}, or the Russian reason it cannot be sent. */
export function lineBody(form: LineForm, subject: Pick<Subject, 'splittable'>, version?: number): { body?: Record<string, unknown>; problem?: string } {
  const hours = Number(form.hours.trim().replace(',', '.'));
  if (!Number.isInteger(hours) || hours < 1 || hours > 12) return { problem: CURRICULUM_TEXT.badHours };
  // The server refuses a wrong combination of flags with its own message.
  const rest = { passFail: form.passFail, exam: form.exam, ...(version ? { version } : {}) };
  if (form.split) {
    if (!subject.splittable) return { problem: CURRICULUM_TEXT.notSplittable };
    if (form.groups.some((g) => !g.teacherId)) return { problem: CURRICULUM_TEXT.noGroupTeacher };
    return { body: { hoursPerWeek: hours, groups: form.groups.map((g) => ({ groupId: g.groupId, name: g.name.trim(), teacherId: g.teacherId })), ...rest } };
  }
  if (!form.teacherId) return { problem: CURRICULUM_TEXT.noTeacher };
  return { body: { hoursPerWeek: hours, teacherId: form.teacherId, ...rest } };
}

// --- subgroups --------------------------------------------------------------------------------

/** student -> group id ('' for none) from the stored make-up. */
export function assignmentOf(subject: Pick<SplitSubject, 'subgroups'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of subject.subgroups?.groups ?? []) for (const s of g.studentIds) out[s] = g.groupId;
  return out;
}

export function subgroupsBody(subject: Pick<SplitSubject, 'groups' | 'subgroups'>, assignment: Record<string, string>, studentIds: readonly string[]) {
  return {
    groups: subject.groups.map((g) => ({ groupId: g.groupId, studentIds: studentIds.filter((s) => assignment[s] === g.groupId) })),
    ...(subject.subgroups ? { version: subject.subgroups.version } : {}),
  };
}

export function groupCounts(subject: Pick<SplitSubject, 'groups'>, assignment: Record<string, string>, studentIds: readonly string[]) {
  return {
    groups: subject.groups.map((g) => ({ ...g, count: studentIds.filter((s) => assignment[s] === g.groupId).length })),
    unassigned: studentIds.filter((s) => !assignment[s]).length,
  };
}

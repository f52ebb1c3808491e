/**
 * The timetable screens (R-13): a week as a grid of weekdays x lesson numbers, the editor of one
 * lesson, one-off changes and the generation of the journal's lessons. Plain functions.
 */
import { MAX_LESSON_NO, WEEKDAY_NAMES, WEEKDAY_SHORT, CHANGE_TITLES } from '../../../../shared/domain/timetable';
import { WHOLE_CLASS } from '../../../../shared/domain/curriculum';
import type { ChangeView, ClassWeek, Regeneration, Slot } from './types';

export { MAX_LESSON_NO, WEEKDAY_NAMES, WEEKDAY_SHORT, WHOLE_CLASS };

export const TIMETABLE_TEXT = {
  title: 'Расписание уроков',
  intro: 'Уроки класса на неделю: по ним формируются уроки классного журнала (положение, п. 1.4).',
  refused: 'Расписание доступно сотрудникам школы.',
  cls: 'Класс',
  show: 'Показать',
  lessonNo: '№',
  lesson: (n: number) => `${n}-й урок`,
  journal: 'журнал',
  openJournal: 'Открыть в журнале',
  empty: 'нет урока',
  add: 'Поставить урок',
  edit: 'Изменить',
  editorAdd: (day: string, n: number) => `Новый урок: ${day}, ${n}-й урок`,
  editorEdit: (day: string, n: number) => `Урок: ${day}, ${n}-й урок`,
  subject: 'Предмет',
  group: 'Подгруппа',
  wholeClass: 'весь класс',
  // A subgroup whose name the curriculum no longer holds (the line changed since the timetable was made).
  subgroup: 'подгруппа',
  teacher: 'Учитель',
  teacherFromPlan: '— по учебному плану —',
  room: 'Кабинет',
  weekday: 'День недели',
  save: 'Сохранить урок',
  remove: 'Убрать урок',
  confirmRemove: 'Убрать этот урок из расписания?',
  cancel: 'Отмена',
  added: 'Урок поставлен в расписание.',
  saved: 'Урок сохранён.',
  removed: 'Урок убран из расписания.',
  summary: 'Часы по учебному плану и в расписании',
  summarySubject: 'Предмет',
  summaryPlan: 'По плану, ч/нед',
  summaryWeek: 'В расписании',
  summaryYear: 'Уроков за год',
  generateTitle: 'Уроки журнала',
  generateHint: 'Уроки журнала формируются из расписания на учебный период: по дням недели, без каникул. Уже прошедшие уроки не меняются; уроки с записями в журнале не удаляются.',
  period: 'Период',
  fromDate: 'С даты (необязательно)',
  generate: 'Сформировать уроки',
  generateAll: 'для всех классов',
  generateClass: (name: string) => `для ${name}`,
  generated: (r: Pick<Regeneration, 'created' | 'updated' | 'removed' | 'kept' | 'unchanged'>) =>
    `Добавлено уроков: ${r.created}, изменено: ${r.updated}, удалено: ${r.removed}, без изменений: ${r.unchanged}` +
    (r.kept > 0 ? `, сохранено с записями журнала: ${r.kept}` : '') +
    '.',
  teacherTitle: 'Расписание учителя',
  teacherPick: 'Учитель',
  myLoad: 'Моя нагрузка: классы и предметы',
  loadHours: (n: number) => `Всего ${n} ч в неделю.`,
  loadClass: 'Класс',
  loadSubject: 'Предмет',
  loadGroup: 'Группа',
  loadHoursCol: 'Часов в неделю',
  changesTitle: 'Изменения расписания',
  changesIntro: 'Разовые изменения на дату: урок отменён, перенесён или его ведёт другой учитель. Уроки журнала на эти даты меняются сразу.',
  from: 'С',
  to: 'По',
  date: 'Дата',
  kind: 'Изменение',
  kinds: { cancel: 'Отменить урок', move: 'Перенести урок', substitute: 'Заменить учителя' } as Record<'cancel' | 'move' | 'substitute', string>,
  toDate: 'Перенести на дату',
  toLessonNo: 'На урок №',
  substitute: 'Кто проведёт урок',
  reason: 'Причина',
  reasonPlaceholder: 'например, болезнь учителя',
  addChange: 'Записать изменение',
  changeAdded: 'Изменение записано, уроки журнала обновлены.',
  changeRemoved: 'Изменение удалено, уроки журнала восстановлены.',
  removeChange: 'Удалить',
  confirmRemoveChange: 'Удалить это изменение расписания?',
  noChanges: 'Изменений за эти даты нет.',
  chooseTeacher: '— выберите учителя —',
  changeTitles: CHANGE_TITLES,
  manageOnly: 'Расписание составляет заместитель директора.',
  links: { changes: 'Изменения расписания', teacher: 'Расписание учителя', curriculum: 'Учебный план' },
} as const;

export interface Cell {
  weekday: number;
  lessonNo: number;
  slots: Slot[];
}

/** The week as rows of lesson numbers 1..max, each with a cell per weekday 1..6. */
export function weekGrid(slots: readonly Slot[], maxLessonNo = MAX_LESSON_NO): Cell[][] {
  const rows: Cell[][] = [];
  for (let n = 1; n <= maxLessonNo; n++) {
    const row: Cell[] = [];
    for (let d = 1; d <= 6; d++) row.push({ weekday: d, lessonNo: n, slots: slots.filter((s) => s.weekday === d && s.lessonNo === n) });
    rows.push(row);
  }
  return rows;
}

/** The counts of a generation summed over its classes, for one notice. */
export function generatedTotals(results: readonly Regeneration[]): Pick<Regeneration, 'created' | 'updated' | 'removed' | 'kept' | 'unchanged'> {
  const sum = { created: 0, updated: 0, removed: 0, kept: 0, unchanged: 0 };
  for (const r of results) for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += r[k];
  return sum;
}

/** How many lesson rows to show: up to the last used, at least 7, at most 8. */
export function rowsToShow(slots: readonly Pick<Slot, 'lessonNo'>[]): number {
  return Math.min(MAX_LESSON_NO, Math.max(7, ...slots.map((s) => s.lessonNo)));
}

export function groupName(week: Pick<ClassWeek, 'lines'>, subjectId: string, groupId: string): string {
  if (groupId === WHOLE_CLASS) return '';
  return week.lines.find((l) => l.subjectId === subjectId)?.groups?.find((g) => g.groupId === groupId)?.name ?? groupId;
}

export function slotLabel(week: Pick<ClassWeek, 'lines' | 'teachers'>, s: Slot): { subject: string; detail: string } {
  const line = week.lines.find((l) => l.subjectId === s.subjectId);
  const teacher = week.teachers.find((t) => t.userId === s.teacherId)?.shortName ?? s.teacherId;
  const group = groupName(week, s.subjectId, s.groupId);
  return {
    subject: line?.shortName ?? s.subjectId,
    detail: [group, teacher, s.room ? `каб. ${s.room}` : ''].filter(Boolean).join(', '),
  };
}

export interface SlotForm {
  weekday: number;
  lessonNo: number;
  subjectId: string;
  groupId: string;
  teacherId: string;
  room: string;
}

export function emptySlotForm(weekday: number, lessonNo: number, week: Pick<ClassWeek, 'lines'>): SlotForm {
  const first = week.lines[0];
  return { weekday, lessonNo, subjectId: first?.subjectId ?? '', groupId: first?.groups?.[0]?.groupId ?? WHOLE_CLASS, teacherId: '', room: '' };
}

export function slotForm(s: Slot): SlotForm {
  return { weekday: s.weekday, lessonNo: s.lessonNo, subjectId: s.subjectId, groupId: s.groupId, teacherId: s.teacherId, room: s.room ?? '' };
}

/** The groups a subject's lessons may be for in this class. */
export function groupsOf(week: Pick<ClassWeek, 'lines'>, subjectId: string): Array<{ groupId: string; name: string }> {
  const line = week.lines.find((l) => l.subjectId === subjectId);
  return line?.groups?.length ? line.groups.map((g) => ({ groupId: g.groupId, name: g.name })) : [{ groupId: WHOLE_CLASS, name: TIMETABLE_TEXT.wholeClass }];
}

export function slotBody(form: SlotForm, classId?: string, version?: number): Record<string, unknown> {
  return {
    ...(classId ? { classId } : {}),
    weekday: Number(form.weekday),
    lessonNo: Number(form.lessonNo),
    subjectId: form.subjectId,
    groupId: form.groupId,
    ...(form.teacherId ? { teacherId: form.teacherId } : {}),
    ...(form.room.trim() ? { room: form.room.trim() } : {}),
    ...(version ? { version } : {}),
  };
}

/** The change described in one line of Russian. */
export function changeText(c: ChangeView, ru: (iso: string) => string): string {
  const what = `${c.className}, ${c.lessonNo}-й урок, «${c.subjectName}»`;
  switch (c.kind) {
    case 'cancel':
      return `${what}: отменён`;
    case 'move':
      return `${what}: перенесён на ${ru(c.toDate ?? '')}, ${c.toLessonNo}-й урок`;
    case 'moveIn':
      return `${what}: перенесён сюда с ${ru(c.fromDate ?? '')}, ${c.fromLessonNo}-й урок`;
    case 'substitute':
      return `${what}: ведёт ${c.substituteTeacherName ?? c.substituteTeacherId} вместо ${c.teacherName}`;
  }
}

export interface ChangeForm {
  classId: string;
  date: string;
  lessonNo: string;
  groupId: string;
  kind: 'cancel' | 'move' | 'substitute';
  toDate: string;
  toLessonNo: string;
  substituteTeacherId: string;
  reason: string;
}

export function changeBody(f: ChangeForm): { body?: Record<string, unknown>; problem?: string } {
  if (!f.classId || !f.date || !f.lessonNo) return { problem: 'Укажите класс, дату и номер урока.' };
  if (f.reason.trim().length < 3) return { problem: 'Укажите причину изменения.' };
  const base = { classId: f.classId, date: f.date, lessonNo: Number(f.lessonNo), groupId: f.groupId || WHOLE_CLASS, kind: f.kind, reason: f.reason.trim() };
  if (f.kind === 'move') {
    if (!f.toDate || !f.toLessonNo) return { problem: 'Укажите, на какую дату и какой урок переносится урок.' };
    return { body: { ...base, toDate: f.toDate, toLessonNo: Number(f.toLessonNo) } };
  }
  if (f.kind === 'substitute') {
    if (!f.substituteTeacherId) return { problem: 'Выберите учителя, который проведёт урок.' };
    return { body: { ...base, substituteTeacherId: f.substituteTeacherId } };
  }
  return { body: base };
}

const seg = encodeURIComponent;
export const timetablePaths = {
  ofClass: (schoolId: string, yearId: string, classId?: string) => `/timetable?school=${seg(schoolId)}&year=${seg(yearId)}${classId ? `&class=${seg(classId)}` : ''}`,
  ofTeacher: (schoolId: string, yearId: string, teacherId?: string) =>
    `/timetable/teacher?school=${seg(schoolId)}&year=${seg(yearId)}${teacherId ? `&teacher=${seg(teacherId)}` : ''}`,
  changes: (schoolId: string, yearId: string) => `/timetable/changes?school=${seg(schoolId)}&year=${seg(yearId)}`,
};

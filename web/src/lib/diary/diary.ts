/**
 * The family's diary (issue 12): the API calls, the words of its screens and the small pure helpers
 * they use. Plain TypeScript, unit-tested without a browser.
 */
import type { z } from 'zod';
import type { eventsResponse, studentEventsResponse, subjectResponse, weekResponse, yearsResponse } from '../../../../functions/diary/schemas';
import { ruDate } from '../../../../shared/domain/calendar';
import { REASON_TITLES } from '../../../../shared/domain/journal-model';
import { send } from '../api';
import type { FamilyReport } from '../what-if/family';
import { qs } from './paths';

export type DiaryWeek = z.infer<typeof weekResponse>;
export type DiaryDay = DiaryWeek['days'][number];
export type DiaryLesson = DiaryDay['lessons'][number];
export type DiaryEvent = DiaryDay['events'][number];
export type DiarySubject = z.infer<typeof subjectResponse>;
export type EventList = z.infer<typeof eventsResponse>;
export type StudentEventList = z.infer<typeof studentEventsResponse>;
export type StudentYears = z.infer<typeof yearsResponse>;

const seg = encodeURIComponent;
/** The student's diary in the API. */
const diaryOf = (schoolId: string, studentId: string) => `/api/schools/${seg(schoolId)}/students/${seg(studentId)}/diary`;

export const diaryApi = {
  week: (schoolId: string, studentId: string, from?: string | null) => send<DiaryWeek>('GET', `${diaryOf(schoolId, studentId)}/week${qs({ from })}`),
  events: (schoolId: string, studentId: string) => send<StudentEventList>('GET', `${diaryOf(schoolId, studentId)}/events`),
  years: (schoolId: string, studentId: string) => send<StudentYears>('GET', `${diaryOf(schoolId, studentId)}/years`),
  subject: (schoolId: string, studentId: string, subjectId: string, period?: string | null) =>
    send<DiarySubject>('GET', `${diaryOf(schoolId, studentId)}/subjects/${seg(subjectId)}${qs({ period })}`),
};

export { diaryPaths } from './paths';

const WEEKDAYS = ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'];

export const DIARY_TEXT = {
  title: 'Дневник',
  whose: 'Чей дневник',
  nobody: 'Дневник видят обучающийся и его родители; в вашей учётной записи таких ролей нет.',
  weekNav: 'Недели',
  previous: '← Предыдущая',
  next: 'Следующая →',
  thisWeek: 'Текущая неделя',
  previousLabel: 'Предыдущая неделя',
  nextLabel: 'Следующая неделя',
  week: (from: string, to: string) => `Неделя ${ruDate(from)} — ${ruDate(to)}`,
  day: (date: string, weekday: number) => `${WEEKDAYS[weekday - 1] ?? ''}, ${ruDate(date)}`,
  today: 'сегодня',
  noLessons: 'Уроков нет.',
  holiday: (name: string) => `Каникулы: ${name}`,
  topic: 'Тема',
  homework: 'Домашнее задание',
  individual: 'Индивидуальное задание',
  noHomework: 'не задано',
  marks: 'Отметки',
  cancelled: 'Урок отменён',
  substituted: 'замена учителя',
  moved: (from: string) => `перенесён с ${ruDate(from.split('#')[0] ?? from)}, урок ${from.split('#')[1] ?? ''}`,
  room: (r: string) => `каб. ${r}`,
  events: 'Мероприятия',
  upcoming: 'Ближайшие мероприятия и каникулы',
  noUpcoming: 'В ближайшие два месяца мероприятий и каникул нет.',
  holidays: (name: string, from: string, to: string) => (from === to ? `${ruDate(from)} — ${name}` : `${ruDate(from)} — ${ruDate(to)}: ${name}`),
  eventFor: (who: string) => `для кого: ${who}`,
  otherMarks: 'Отметки за уроки, которых больше нет в расписании',
  lessonNo: (n: number) => `${n} урок`,
  goToDate: 'Неделя, в которую входит дата',
  show: 'Показать',
  history: 'Прошлые недели и учебные годы открываются кнопкой «Предыдущая» или по дате.',
  periodMarks: 'Отметки за период',
  warningsTitle: 'Раннее предупреждение',
  noWarnings: 'Сейчас предупреждений нет: по всем предметам отметка за период выходит не ниже «3», пропусков немного.',
  warningsIntro: (n: number) => `Есть о чём поговорить: ${n === 1 ? 'по одному предмету' : `по ${n} предметам`} учитель уже видит риск.`,
  yearMark: 'Годовая отметка',
  absent: 'отсутствие',
} as const;

/** «5 — Ответ на уроке, вес 1». */
export function markText(m: { value: number; workTypeName: string; weight: number }): string {
  return `${m.value} — ${m.workTypeName}, вес ${String(m.weight).replace('.', ',')}`;
}

/** «Н — отсутствие по болезни», «опоздание». */
export function attendanceText(a: { kind: string; reason?: string | undefined }): string {
  if (a.kind === 'late') return 'Опоздание';
  const reason = a.reason ? REASON_TITLES[a.reason as keyof typeof REASON_TITLES] : undefined;
  return reason ? `Н — отсутствие ${reason}` : 'Н — отсутствие';
}

/** «18:00, Актовый зал; для кого: вся школа». */
export function eventDetails(e: Pick<DiaryEvent, 'time' | 'place' | 'audienceTitle'>): string {
  const when = [e.time, e.place].filter(Boolean).join(', ');
  return [when, DIARY_TEXT.eventFor(e.audienceTitle)].filter(Boolean).join('; ');
}

/** The subjects with warnings in the period report, in plain words: what a parent should know. */
export function warningLines(report: Pick<FamilyReport, 'subjects'> | null): Array<{ subjectId: string; subjectName: string; messages: string[] }> {
  return (report?.subjects ?? []).filter((s) => s.warnings.length > 0).map((s) => ({ subjectId: s.subjectId, subjectName: s.subjectName, messages: s.warnings.map((w) => w.message) }));
}

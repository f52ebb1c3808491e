/**
 * School and class events of the diary (issue 12, item 1: «мероприятия»): the deputy (or the
 * director) publishes them for the whole school, a grade or a class; a class teacher for their own
 * class. Each has a date, an optional time and place, and whom it is for; the family sees the
 * events of their child's school, grade and class beside the year's holidays. Pure rules; the web
 * imports this module as well.
 */
import { isIsoDate } from './calendar';

export type EventAudience = { kind: 'school' } | { kind: 'grade'; grade: number } | { kind: 'class'; classId: string };

export interface DiaryEvent {
  /** `<date>.<nonce>`: the date is part of the stored key, so a list of dates is one Query. */
  eventId: string;
  date: string;
  /** «ЧЧ:ММ», school-local. */
  time?: string;
  title: string;
  place?: string;
  audience: EventAudience;
  /** «5А» for a class event, «5 классы» for a grade, «вся школа»: what the family reads. */
  audienceTitle: string;
  publishedByName: string;
  version: number;
}

export interface EventInput {
  date: string;
  time?: string;
  title: string;
  place?: string;
  audience: EventAudience;
}

export const EVENT_TITLE_MAX = 200;
export const EVENT_PLACE_MAX = 200;
/** One Query lists them: a range is kept short enough to be one page. */
export const EVENT_LIST_MAX_DAYS = 120;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const EVENT_ID = /^(\d{4}-\d{2}-\d{2})\.([a-z0-9]{6,16})$/;

export function eventIdOf(date: string, nonce: string): string {
  return `${date}.${nonce}`;
}

export function parseEventId(id: string): { date: string; nonce: string } | null {
  const m = EVENT_ID.exec(id);
  return m && isIsoDate(m[1]) ? { date: m[1]!, nonce: m[2]! } : null;
}

/** Problems of an event as a person typed it, in Russian; empty when it may be stored. */
export function eventProblems(e: EventInput): string[] {
  const out: string[] = [];
  if (!isIsoDate(e.date)) out.push('Дата мероприятия: укажите дату в виде ДД.ММ.ГГГГ.');
  if (e.time !== undefined && !TIME.test(e.time)) out.push('Время мероприятия: укажите часы и минуты, например 18:30.');
  if (!e.title.trim()) out.push('Укажите название мероприятия.');
  if (e.title.length > EVENT_TITLE_MAX) out.push(`Название мероприятия — не длиннее ${EVENT_TITLE_MAX} знаков.`);
  if ((e.place ?? '').length > EVENT_PLACE_MAX) out.push(`Место мероприятия — не длиннее ${EVENT_PLACE_MAX} знаков.`);
  if (e.audience.kind === 'grade' && !(Number.isInteger(e.audience.grade) && e.audience.grade >= 1 && e.audience.grade <= 11)) {
    out.push('Параллель: укажите класс от 1 до 11.');
  }
  return out;
}

/** Whether an event is for a student of this class and grade. */
export function eventIsFor(a: EventAudience, student: { classId: string; grade: number }): boolean {
  if (a.kind === 'school') return true;
  if (a.kind === 'grade') return a.grade === student.grade;
  return a.classId === student.classId;
}

/** «вся школа», «5 классы», «5А»: whom the event is for, as the family reads it. */
export function audienceTitle(a: EventAudience, className: (classId: string) => string): string {
  if (a.kind === 'school') return 'вся школа';
  if (a.kind === 'grade') return `${a.grade} классы`;
  return className(a.classId);
}

/** Events of a day sorted by time (those without a time first: all-day events). */
export function byDateAndTime(a: Pick<DiaryEvent, 'date' | 'time' | 'title'>, b: Pick<DiaryEvent, 'date' | 'time' | 'title'>): number {
  return a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || a.title.localeCompare(b.title, 'ru');
}

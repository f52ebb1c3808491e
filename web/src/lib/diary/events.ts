/**
 * The events screen (issue 12, item 1): the deputy or director publishes for the school, a grade or
 * a class; a class teacher for their class. Its API calls, words and the body of a new event.
 */
import { send } from '../api';
import type { DiaryEvent, EventList } from './diary';

const seg = encodeURIComponent;
const base = (schoolId: string) => `/api/schools/${seg(schoolId)}/events`;

export type Audience = 'school' | 'grade' | 'class';

export interface EventForm {
  date: string;
  time: string;
  title: string;
  place: string;
  audience: Audience;
  grade: string;
  classId: string;
}

export const eventsApi = {
  list: (schoolId: string, from: string, to: string) => send<EventList>('GET', `${base(schoolId)}?from=${seg(from)}&to=${seg(to)}`),
  publish: (schoolId: string, body: ReturnType<typeof eventBody>) => send<{ event: DiaryEvent }>('POST', base(schoolId), body),
  remove: (schoolId: string, e: Pick<DiaryEvent, 'eventId' | 'version'>) => send<void>('DELETE', `${base(schoolId)}/${seg(e.eventId)}?version=${e.version}`),
};

export const EVENTS_TEXT = {
  title: 'Мероприятия',
  intro: 'Мероприятия видят в дневнике обучающиеся и родители тех, для кого они: всей школы, параллели или класса.',
  refused: 'Мероприятия публикуют заместитель директора, директор и классные руководители.',
  publish: 'Опубликовать мероприятие',
  date: 'Дата',
  time: 'Время (ЧЧ:ММ, если есть)',
  what: 'Название',
  place: 'Место',
  audience: 'Для кого',
  audiences: { school: 'Вся школа', grade: 'Параллель', class: 'Класс' } as Record<Audience, string>,
  grade: 'Параллель (класс от 1 до 11)',
  cls: 'Класс',
  list: (from: string, to: string) => `Мероприятия с ${from} по ${to}`,
  none: 'В эти дни мероприятий нет.',
  when: 'Когда',
  forWhom: 'Для кого',
  published: 'Мероприятие опубликовано.',
  removed: 'Мероприятие удалено.',
  remove: 'Удалить',
  confirmRemove: 'Удалить мероприятие? Его перестанут видеть в дневниках.',
  noDate: 'Укажите дату мероприятия.',
} as const;

/** The API's body of the form: only the fields its audience needs. */
export function eventBody(f: EventForm) {
  return {
    date: f.date,
    ...(f.time.trim() ? { time: f.time.trim() } : {}),
    title: f.title,
    ...(f.place.trim() ? { place: f.place.trim() } : {}),
    audience: f.audience,
    ...(f.audience === 'grade' ? { grade: Number(f.grade) } : {}),
    ...(f.audience === 'class' ? { classId: f.classId } : {}),
  };
}

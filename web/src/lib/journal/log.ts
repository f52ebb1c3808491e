/**
 * The change-log screen (R-42, issue 8): its texts and its address. The server tells each record
 * in words (shared/domain/journal-log-text.ts) and by name; the screen shows when in the school's
 * zone (ДД.ММ.ГГГГ ЧЧ:ММ), which lesson (date and number) and the filters it was asked for.
 */
import { ruDate } from '../../../../shared/domain/calendar';
import { send } from '../api';
import type { ChangeLogFilter } from '../../../../shared/services/journal-changes';
import type { ChangeLog } from './types';

export const LOG_TEXT = {
  title: 'Журнал изменений',
  heading: (cls: string, period: string) => `Журнал изменений${cls ? `: ${cls}` : ''}${period ? `, ${period}` : ''}`,
  intro: 'Все изменения отметок, посещаемости, тем уроков и итоговых отметок класса за период: кто, когда и что изменил (п. 7.5 положения). Записи нельзя изменить или удалить.',
  ok: (n: number) => `Проверка целостности пройдена: ${n} записей, ни одна не удалена и не изменена.`,
  broken: 'Проверка целостности не пройдена: журнал изменений был изменён в обход системы.',
  filters: 'Отбор записей',
  subject: 'Предмет',
  student: 'Обучающийся',
  actor: 'Кто изменил',
  from: 'С',
  to: 'По',
  all: 'Все',
  show: 'Показать',
  reset: 'Сбросить отбор',
  when: 'Когда',
  who: 'Кто',
  lesson: 'Урок',
  what: 'Что изменено',
  lessonOf: (date: string, no: number) => `${ruDate(date)}, ${no} урок`,
  reasonOf: (reason: string) => `Основание: ${reason}`,
  none: 'Записей с таким отбором нет.',
  shown: (first: number, last: number, total: number) => `Записи ${first}–${last} из ${total}, сначала новые`,
  pages: 'Страницы журнала изменений',
  newer: '← Более новые',
  older: 'Более ранние →',
} as const;

const seg = encodeURIComponent;

/** The filters and page of the screen: those the server's service takes. */
export type LogQuery = ChangeLogFilter;

export const LOG_FILTERS = ['subject', 'student', 'actor', 'from', 'to'] as const;

/** The filters of the address (empty ones left out), as the API and the page links take them. */
export function logQueryOf(params: URLSearchParams): LogQuery {
  const q: LogQuery = {};
  for (const k of LOG_FILTERS) {
    const v = params.get(k);
    if (v) q[k] = v;
  }
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) q.page = page;
  return q;
}

export function logSearch(q: LogQuery): string {
  return Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${seg(String(v))}`)
    .join('&');
}

/** The screen's address with the school, filters and page. */
export function logHref(schoolId: string, classId: string, periodId: string, q: LogQuery = {}): string {
  const rest = logSearch(q);
  return `/journal/log/${seg(classId)}/${seg(periodId)}?school=${seg(schoolId)}${rest ? `&${rest}` : ''}`;
}

/** GET the class x period's log with the filters and page (the screen's one call). */
export function readLog(schoolId: string, classId: string, periodId: string, q: LogQuery): Promise<ChangeLog> {
  const rest = logSearch(q);
  return send<ChangeLog>('GET', `/api/schools/${seg(schoolId)}/classes/${seg(classId)}/periods/${seg(periodId)}/change-log${rest ? `?${rest}` : ''}`);
}

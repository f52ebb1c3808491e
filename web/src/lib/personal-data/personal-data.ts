/**
 * Screens of personal data (R-71; 152-FZ): the log of views and exports, read by the school's
 * administrator and director. Texts, addresses and the one API call here; the server checks again.
 */
import type { z } from 'zod';
import type { accessLogResponse } from '../../../../functions/people/personal-data-schemas';
import { send } from '../api';
import { filterQuery, type AccessLogFilter } from './paths';

export { personalDataPaths, type AccessLogFilter } from './paths';

export type AccessLog = z.infer<typeof accessLogResponse>;

const seg = encodeURIComponent;

export const personalDataApi = {
  accessLog: (schoolId: string, f: AccessLogFilter) => send<AccessLog>('GET', `/api/schools/${seg(schoolId)}/personal-data/access-log${filterQuery(f)}`),
};

export const PERSONAL_DATA_TEXT = {
  accessLog: 'Журнал доступа к персональным данным',
  intro: 'Кто и когда открывал личные карточки обучающихся и выгружал персональные данные (коды активации). Записи ведутся автоматически, изменить их нельзя.',
  from: 'С',
  to: 'По',
  show: 'Показать',
  student: 'Обучающийся',
  onlyStudent: 'Только записи об обучающемся',
  allStudents: 'Все обучающиеся',
  when: 'Дата и время',
  who: 'Кто',
  kind: 'Действие',
  what: 'Что',
  whom: 'Чьи данные',
  noStudent: 'сотрудники',
  none: 'За выбранный период записей нет.',
  next: 'Следующие записи',
  first: 'К началу журнала',
  refused: 'Журнал доступа читают администратор ЭЖ и директор школы.',
} as const;

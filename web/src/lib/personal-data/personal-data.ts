/**
 * Screens of personal data (R-71; 152-FZ): the log of views and exports, read by the school's
 * administrator and director; the administrator's monthly check (clause 5). Texts, addresses and the one API call here; the server checks again.
 */
import type { z } from 'zod';
import type { accessLogResponse, checkResponse, withdrawConsentResponse } from '../../../../functions/people/personal-data-schemas';
import { send } from '../api';
import { filterQuery, type AccessLogFilter } from './paths';

export { personalDataPaths, type AccessLogFilter } from './paths';

export type AccessLog = z.infer<typeof accessLogResponse>;
export type CheckView = z.infer<typeof checkResponse>;
export type Withdrawal = z.infer<typeof withdrawConsentResponse>;

const seg = encodeURIComponent;

export const personalDataApi = {
  accessLog: (schoolId: string, f: AccessLogFilter) => send<AccessLog>('GET', `/api/schools/${seg(schoolId)}/personal-data/access-log${filterQuery(f)}`),
  check: (schoolId: string) => send<CheckView>('GET', `/api/schools/${seg(schoolId)}/personal-data/check`),
  withdrawConsent: (schoolId: string, studentId: string, body: { version: number; date: string; document: string }) =>
    send<Withdrawal>('POST', `/api/schools/${seg(schoolId)}/students/${seg(studentId)}/consent-withdrawal`, body),
  recordCheck: (schoolId: string, version: number) => send<CheckView>('POST', `/api/schools/${seg(schoolId)}/personal-data/check`, { version }),
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
  check: 'Проверка персональных данных',
  checkIntro: 'Раз в месяц администратор ЭЖ сверяет личные карточки, изменённые после прошлой проверки, и отмечает проверку.',
  lastCheck: (when: string, who: string, n: number) => `Прошлая проверка: ${when}, ${who}; карточек к проверке было ${n}.`,
  noCheck: 'Проверок ещё не было: показаны изменения за последний 31 день.',
  since: (when: string) => `Изменения после ${when}`,
  noChanges: 'После прошлой проверки личные карточки не менялись.',
  pupil: 'Обучающийся',
  className: 'Класс',
  changes: 'Что менялось',
  lastChange: 'Последнее изменение',
  changedBy: 'Кем',
  done: 'Проверка проведена',
  recorded: 'Проверка записана.',
  checkRefused: 'Проверку персональных данных проводит администратор ЭЖ школы.',
  withdrawTitle: 'Отзыв согласия',
  withdrawIntro: 'Если родитель (законный представитель) или обучающийся письменно отозвал согласие на обработку персональных данных, запишите это: доступ ученика и родителей к журналу прекратится, отметки и посещаемость сохранятся.',
  withdrawDate: 'Дата отзыва',
  withdrawDocument: 'Документ об отзыве (номер, дата, кем подписан)',
  withdrawSave: 'Записать отзыв согласия',
  withdrawConfirm: 'Записать отзыв согласия? Доступ ученика и родителей к журналу прекратится.',
  withdrawn: 'Отзыв согласия записан, доступ прекращён.',
  withdrawnOn: (date: string, who: string) => `Согласие отозвано ${date} (записал(а) ${who}).`,
} as const;

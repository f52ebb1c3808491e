/**
 * The period close on the screen (R-40; issue 14): the API calls, the screen's address and its
 * texts. The server decides every state and writes every finding in words; the screen shows them
 * (dates as ДД.ММ.ГГГГ).
 */
import type { z } from 'zod';
import type { closeResponse, closesResponse } from '../../../../functions/journal-control/period-close-routes';
import { send } from '../api';

export type ClosesView = z.infer<typeof closesResponse>;
export type CloseView = z.infer<typeof closeResponse>;
export type ClassClose = CloseView['classes'][number];

const seg = encodeURIComponent;
const closes = (schoolId: string) => `/api/schools/${seg(schoolId)}/period-closes`;

export const periodCloseApi = {
  overview: (schoolId: string) => send<ClosesView>('GET', closes(schoolId)),
  detail: (schoolId: string, periodId: string) => send<CloseView>('GET', `${closes(schoolId)}/${seg(periodId)}`),
};

export const periodClosePaths = {
  screen: (schoolId: string, periodId?: string) => `/period-close?school=${seg(schoolId)}${periodId ? `&period=${seg(periodId)}` : ''}`,
};

export const CLOSE_TEXT = {
  title: 'Закрытие периодов',
  intro:
    'На следующий день после окончания периода журнал каждого класса закрывается автоматически (п. 3.8 положения): ' +
    'отметки, посещаемость и темы больше не изменяются, исправления — только по заявкам на корректировку. ' +
    'Сводные ведомости с таблицей изменений сохраняются в архив на 25 лет, остальные документы — на 5 лет (п. 8.6).',
  denied: 'Закрытие периодов доступно директору и заместителям директора.',
  periods: 'Периоды учебного года',
  period: 'Период',
  dates: 'Даты',
  closeDay: 'Закрывается',
  state: 'Состояние',
  classes: 'Классы',
  open: 'Открыть',
  openFor: (name: string) => `Открыть закрытие: ${name}`,
  classesDone: (done: number, total: number) => (total ? `${done} из ${total}` : '—'),
  detail: (name: string) => `Закрытие: ${name}`,
  closedOn: (date: string) => `Закрыт ${date}.`,
  notYet: (date: string) => `Период будет закрыт ${date}.`,
  manifest: 'Опись документов (SHA-256):',
  cls: 'Класс',
  findings: 'Что не было заполнено',
  integrity: 'Проверка по журналу изменений',
  documents: 'Документы',
  integrityOk: 'Журнал совпадает с журналом изменений',
  integrityBad: (n: number) => `Расхождений: ${n}`,
  noFindings: '—',
  documentsCount: (n: number) => (n ? `Сохранено: ${n}` : '—'),
  archive: 'Документы периода в архиве',
  noClasses: 'В этом периоде нет классов.',
} as const;

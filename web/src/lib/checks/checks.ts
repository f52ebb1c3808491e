/**
 * The checks of the electronic journal on the screens (issue 13 item 4; clauses 8.2–8.4): the API
 * calls, the screens' addresses, the справка's PDF link and the screens' texts. The figures are
 * printed by the same functions as the PDF (shared/domain/reports/journal-checks.ts).
 */
import type { z } from 'zod';
import type { checkResponse, dueResponse, listResponse } from '../../../../functions/checks/schemas';
import { send } from '../api';
import { schoolsWhere } from '../policy';

export { CERTIFICATE_TITLE, CHECK_STATUS_TEXT, FIGURE_COLUMNS, figureCells } from '../../../../shared/domain/reports/journal-checks';

export type JournalCheck = z.infer<typeof checkResponse>;
export type CheckList = z.infer<typeof listResponse>;
export type CheckDue = z.infer<typeof dueResponse>;

const seg = encodeURIComponent;
const api = (schoolId: string) => `/api/schools/${seg(schoolId)}/journal-checks`;

export interface CheckFields {
  date: string;
  periodId: string;
  classIds: string[];
  findings: string;
}

export const checksApi = {
  list: (schoolId: string) => send<CheckList>('GET', api(schoolId)),
  due: (schoolId: string) => send<CheckDue>('GET', `${api(schoolId)}/due`),
  get: (schoolId: string, checkId: string) => send<JournalCheck>('GET', `${api(schoolId)}/${seg(checkId)}`),
  create: (schoolId: string, body: CheckFields) => send<JournalCheck>('POST', api(schoolId), body),
  update: (schoolId: string, checkId: string, body: Partial<CheckFields> & { version: number; text?: string; redraft?: boolean }) => send<JournalCheck>('PUT', `${api(schoolId)}/${seg(checkId)}`, body),
  signOff: (schoolId: string, checkId: string, version: number) => send<JournalCheck>('POST', `${api(schoolId)}/${seg(checkId)}/sign-off`, { version }),
};

/** The справка as PDF: a plain link the browser saves with the session cookie. */
export const certificatePdf = (schoolId: string, checkId: string) => `${api(schoolId)}/${seg(checkId)}/pdf`;

const school = (schoolId: string) => `?school=${seg(schoolId)}`;

export const checksPaths = {
  list: (schoolId: string) => `/reports/checks${school(schoolId)}`,
  create: (schoolId: string) => `/reports/checks/new${school(schoolId)}`,
  check: (schoolId: string, checkId: string) => `/reports/checks/${seg(checkId)}${school(schoolId)}`,
};

export const CHECKS_TEXT = {
  title: 'Проверки электронного журнала',
  section: 'Проверки журнала',
  intro: 'Контроль за ведением электронного журнала — не реже 1 раза в месяц (п. 8.2 Положения); результаты проверки отражаются в справке (п. 8.4). Подписанная справка больше не изменяется.',
  denied: 'Проверки электронного журнала ведут директор и заместители директора.',
  none: 'Проверок ещё не записано.',
  newCheck: 'Записать проверку',
  newTitle: 'Новая проверка журнала',
  newIntro: 'Справка составится по показателям мониторинга выбранных классов за проверяемый период; её текст можно исправить до подписания.',
  date: 'Дата проверки',
  period: 'Проверяемый период',
  classes: 'Проверенные классы',
  allClasses: 'Все классы',
  findings: 'Выводы и рекомендации',
  findingsHint: 'Необязательно; попадут в справку отдельным разделом.',
  create: 'Записать и составить справку',
  creating: 'Записываем…',
  noClasses: 'Выберите хотя бы один класс.',
  checkedBy: 'Проверял(а)',
  status: 'Состояние',
  open: 'Открыть',
  checkTitle: (date: string) => `Проверка журнала от ${date}`,
  text: 'Текст справки',
  textHint: 'Абзацы разделяются пустой строкой.',
  save: 'Сохранить',
  saved: 'Черновик сохранён.',
  redraft: 'Составить справку заново по текущим показателям',
  redrafted: 'Справка составлена заново по текущим показателям мониторинга.',
  signOff: 'Подписать справку',
  signedOff: 'Справка подписана: проверка сохранена без изменений.',
  confirmSignOff: 'Подписать справку? После подписания её нельзя изменить.',
  signedOn: (date: string) => `Справка подписана ${date}.`,
  pdf: 'Справка (PDF)',
  draftPdf: 'Проект справки (PDF)',
  figures: 'Показатели мониторинга',
  figuresAt: (at: string) => `Показатели мониторинга на ${at}`,
  noFigures: 'Показателей мониторинга по этим классам за период нет.',
  problems: 'Замечания',
  conflict: 'Проверку только что изменили: показана сохранённая версия.',
  back: 'Все проверки',
} as const;

/** The school of a checks screen: the one asked if the person may read its checks there, else their first such school. */
export function checksSchool(me: Parameters<typeof schoolsWhere>[0], asked: string | null): string | null {
  const mine = schoolsWhere(me, 'journalCheck.read');
  if (asked && mine.includes(asked)) return asked;
  return mine[0] ?? null;
}

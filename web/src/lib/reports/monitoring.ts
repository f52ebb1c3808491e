/**
 * The monitoring of how the journal is kept on the screen (R-62; issue 13, item 3): the API call,
 * the addresses of the screen and of its PDF and XLSX (plain links), its words, and the shared
 * renderers' own formats, so the screen, the PDF and the XLSX never differ.
 */
import type { z } from 'zod';
import type { monitoringResponse } from '../../../../functions/reports/schemas';
import { send } from '../api';

export { ASSESSMENT_STATE_TEXT, MONITORING_NOTES, MONITORING_THRESHOLD_LABELS, MONITORING_TITLE } from '../../../../shared/domain/reports/monitoring';
export { averageText, percentText } from '../../../../shared/domain/reports/summary-sheet';
export { ktpText } from '../../../../shared/reports/monitoring-table';

export type SchoolMonitoring = z.infer<typeof monitoringResponse>;
export type MonitoringRow = SchoolMonitoring['rows'][number];

export interface MonitoringFilter {
  periodId: string;
  classId?: string;
  teacherId?: string;
}

const seg = encodeURIComponent;
const query = (pairs: Record<string, string | undefined>) => {
  const q = Object.entries(pairs).flatMap(([k, v]) => (v ? [`${k}=${seg(v)}`] : [])).join('&');
  return q ? `?${q}` : '';
};
const base = (schoolId: string, yearId: string, periodId: string) => `/api/schools/${seg(schoolId)}/years/${seg(yearId)}/periods/${seg(periodId)}/monitoring`;
const apiQuery = (f: MonitoringFilter) => query({ classId: f.classId, teacherId: f.teacherId });

export const monitoringApi = {
  read: (schoolId: string, yearId: string, f: MonitoringFilter) => send<SchoolMonitoring>('GET', `${base(schoolId, yearId, f.periodId)}${apiQuery(f)}`),
};

/** The PDF and XLSX of what the screen shows: links the browser saves with the session cookie. */
export const monitoringFiles = (schoolId: string, yearId: string, f: MonitoringFilter) => ({
  pdf: `${base(schoolId, yearId, f.periodId)}/pdf${apiQuery(f)}`,
  xlsx: `${base(schoolId, yearId, f.periodId)}/xlsx${apiQuery(f)}`,
});

export const monitoringPath = (schoolId: string, yearId?: string) => `/reports/monitoring${query({ school: schoolId, year: yearId })}`;

export const MONITORING_TEXT = {
  link: 'Мониторинг ведения электронного журнала',
  linkHint: 'наполняемость отметками, домашние задания и темы, выполнение КТП, опоздания с заполнением, график оценочных процедур, активность в дневнике',
  denied: 'Мониторинг ведения журнала доступен директору, заместителям директора и специалистам управления образования.',
  filters: 'Что показать',
  period: 'Период',
  cls: 'Класс',
  teacher: 'Учитель',
  all: 'Все',
  show: 'Показать',
  pdf: 'Скачать PDF',
  xlsx: 'Скачать XLSX',
  counted: (from: string, until: string, today: string) => `С ${from} по ${until}. Сформировано ${today}.`,
  problemsFound: (n: number) => (n === 0 ? 'Проблем по порогам школы не найдено.' : `Строк с проблемами: ${n}. Они отмечены словом «Проблема» и перечислены в последнем столбце.`),
  journal: 'Ведение журнала по учителям, классам и предметам',
  activity: 'Активность родителей и обучающихся в электронном дневнике',
  none: 'В выбранном периоде нет уроков.',
  problem: 'Проблема',
  noProblems: 'нет',
  thresholds: 'Пороги школы',
  thresholdsHint: 'Пороги устанавливают директор и заместитель директора в настройках школы.',
  notes: 'Как считаются показатели',
  cols: {
    teacher: 'Учитель',
    cls: 'Класс',
    subject: 'Предмет',
    lessons: 'Проведено уроков',
    fill: 'Наполняемость (отметок на ученика за урок)',
    noMarks: 'Без отметок',
    oneMark: 'С одной отметкой',
    homework: 'Уроков с ДЗ',
    topics: 'Уроков с темой',
    ktp: 'КТП',
    late: 'Заполнено с опозданием',
    assessments: 'Оценочные процедуры (проведено из наступивших)',
    problems: 'Проблемы',
    students: 'Обучающихся',
    parents: 'Родителей',
    week: 'входили за 7 дней',
    month: 'входили за 30 дней',
  },
};

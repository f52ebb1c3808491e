/**
 * The deputy's school reports on the screens (issue 13, item 2): the API calls, the addresses of the
 * screens and of their PDF and XLSX (plain links), and the shared renderers' own formats, so the
 * screen, the PDF and the XLSX never differ.
 */
import type { z } from 'zod';
import type { classSizesResponse, finalDataResponse, schoolMovementResponse, schoolResultsResponse } from '../../../../functions/reports/school-schemas';
import { send } from '../api';

export { CLASS_SIZES_TITLE, MOVEMENT_DYNAMICS_TITLE } from '../../../../shared/domain/reports/school-movement';
export { changeText, FINAL_DATA_TITLE, SCHOOL_RESULTS_TITLE } from '../../../../shared/domain/reports/school-results';
export { movesText, sizeText } from '../../../../shared/reports/school-report-tables';

export type SchoolMovement = z.infer<typeof schoolMovementResponse>;
export type ClassSizes = z.infer<typeof classSizesResponse>;
export type SchoolResults = z.infer<typeof schoolResultsResponse>;
export type FinalData = z.infer<typeof finalDataResponse>;

const seg = encodeURIComponent;
const yearReports = (schoolId: string, yearId: string) => `/api/schools/${seg(schoolId)}/years/${seg(yearId)}/school-reports`;
const finalData = (schoolId: string, classId: string) => `/api/schools/${seg(schoolId)}/classes/${seg(classId)}/final-data`;
const periodQuery = (periodId?: string) => (periodId ? `?period=${seg(periodId)}` : '');

export const schoolReportsApi = {
  movement: (schoolId: string, yearId: string) => send<SchoolMovement>('GET', `${yearReports(schoolId, yearId)}/movement`),
  sizes: (schoolId: string, yearId: string) => send<ClassSizes>('GET', `${yearReports(schoolId, yearId)}/class-sizes`),
  results: (schoolId: string, yearId: string, periodId?: string) => send<SchoolResults>('GET', `${yearReports(schoolId, yearId)}/results${periodQuery(periodId)}`),
  finalData: (schoolId: string, classId: string) => send<FinalData>('GET', finalData(schoolId, classId)),
};

/** Each report's PDF and XLSX: links the browser saves with the session cookie. */
export const schoolReportFiles = {
  movement: (schoolId: string, yearId: string) => files(`${yearReports(schoolId, yearId)}/movement`),
  sizes: (schoolId: string, yearId: string) => files(`${yearReports(schoolId, yearId)}/class-sizes`),
  results: (schoolId: string, yearId: string, periodId: string) => files(`${yearReports(schoolId, yearId)}/results`, periodQuery(periodId)),
  finalData: (schoolId: string, classId: string) => files(finalData(schoolId, classId)),
};

function files(base: string, query = '') {
  return { pdf: `${base}/pdf${query}`, xlsx: `${base}/xlsx${query}` };
}

const params = (pairs: Record<string, string | undefined>) =>
  `?${Object.entries(pairs)
    .flatMap(([k, v]) => (v ? [`${k}=${seg(v)}`] : []))
    .join('&')}`;

export const schoolReportPaths = {
  movement: (schoolId: string, yearId: string) => `/reports/school/movement${params({ school: schoolId, year: yearId })}`,
  sizes: (schoolId: string, yearId: string) => `/reports/school/sizes${params({ school: schoolId, year: yearId })}`,
  results: (schoolId: string, yearId: string, periodId?: string) => `/reports/school/results${params({ school: schoolId, year: yearId, period: periodId })}`,
  finalData: (schoolId: string, yearId: string, classId?: string) => `/reports/school/final-data${params({ school: schoolId, year: yearId, class: classId })}`,
};

export const SCHOOL_REPORTS_TEXT = {
  title: 'Отчёты по школе',
  lead: 'Отчёты заместителя директора по всей школе за учебный год: движение учащихся, численность классов, итоги успеваемости по классам, предметам и учителям, итоговые данные по обучающимся класса.',
  denied: 'Отчёты по школе доступны директору и заместителям директора.',
  movementLink: 'Динамика движения учащихся',
  sizesLink: 'Численность классов по периодам',
  resultsLink: 'Итоги успеваемости по классам, предметам и учителям',
  finalDataLink: 'Итоговые данные по обучающимся',
  made: (yearName: string, today: string) => `${yearName}. Сформировано ${today}.`,
  byClassMonth: 'Прибыли и выбыли по классам и месяцам',
  movesHint: 'В ячейке: +прибыло / −выбыло за месяц; перевод между классами учтён в обоих классах.',
  bySchool: 'По школе',
  chartMonths: 'Зачислено и выбыло по месяцам',
  month: 'Месяц',
  enrolled: 'Зачислено в школу',
  leftSchool: 'Выбыло из школы',
  transfers: 'Переводы между классами',
  orders: 'Движение по приказам',
  noMoves: 'Движения учащихся за этот период не было.',
  cls: 'Класс',
  arrived: 'Прибыло',
  left: 'Выбыло',
  date: 'Дата',
  student: 'Обучающийся',
  kind: 'Движение',
  fromClass: 'Из класса',
  toClass: 'В класс',
  note: 'Примечание',
  order: 'Приказ №',
  sizesHint: '* — период идёт: численность на сегодня. На начало периода — до движения в его первый день.',
  total: 'Всего',
  atStart: (date: string) => `на ${date} (начало)`,
  atEnd: (date: string) => `на ${date} (конец)`,
  otherSets: 'Классы с другими учебными периодами',
  period: 'Учебный период',
  byClass: 'По классам',
  bySubject: 'По предметам',
  byTeacher: 'По учителям',
  byClassSubject: 'По классам и предметам',
  chartQuality: 'Качество знаний по классам',
  subject: 'Предмет',
  teacher: 'Учитель',
  classes: 'Классы',
  assessed: 'Аттестовано',
  success: 'Успеваемость',
  quality: 'Качество',
  average: 'Средний балл',
  change: 'изменение',
  compareTo: (name: string) => `Изменение — к периоду «${name}» (успеваемость и качество — в процентных пунктах).`,
  nothingToCompare: 'Сравнивать не с чем: это первый период года.',
  school: 'Школа',
  classLabel: 'Класс',
  show: 'Показать',
  noStudents: 'В классе нет обучающихся.',
  yearAverage: 'Средний годовой балл',
};

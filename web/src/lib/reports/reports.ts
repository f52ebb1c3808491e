/**
 * The class teacher's reports on the screens (issue 13): the API calls, the addresses of the
 * screens and of the PDF and XLSX files (plain links: the browser downloads them with the session
 * cookie), and how a figure is printed: the shared renderers' own `averageText` / `percentText`,
 * so the screen, the PDF and the XLSX never differ.
 */
import type { z } from 'zod';
import type { attendanceResponse, movementResponse, preliminaryResponse, summaryResponse } from '../../../../functions/reports/schemas';
import { send } from '../api';

export { attendedText, missedText, monthTitle } from '../../../../shared/domain/reports/attendance';
export { averageText, cellText, percentText, RESULTS_TITLE, SUMMARY_TITLE } from '../../../../shared/domain/reports/summary-sheet';

export type SummaryReport = z.infer<typeof summaryResponse>;
export type PreliminaryReport = z.infer<typeof preliminaryResponse>;
export type AttendanceReport = z.infer<typeof attendanceResponse>;
export type MovementReport = z.infer<typeof movementResponse>;
export { MOVEMENT_SHEET_TITLE } from '../../../../shared/domain/reports/movement-sheet';

const seg = encodeURIComponent;
const reportsPath = (schoolId: string, classId: string, periodId: string) => `/api/schools/${seg(schoolId)}/classes/${seg(classId)}/periods/${seg(periodId)}/reports`;

export const reportsApi = {
  summary: (schoolId: string, classId: string, periodId: string) => send<SummaryReport>('GET', `${reportsPath(schoolId, classId, periodId)}/summary`),
  preliminary: (schoolId: string, classId: string, periodId: string) => send<PreliminaryReport>('GET', `${reportsPath(schoolId, classId, periodId)}/preliminary`),
  attendance: (schoolId: string, classId: string, periodId: string) => send<AttendanceReport>('GET', `${reportsPath(schoolId, classId, periodId)}/attendance`),
  movement: (schoolId: string, classId: string, periodId: string) => send<MovementReport>('GET', `${reportsPath(schoolId, classId, periodId)}/movement`),
};

/** The files of a class's period: each a link the browser saves. */
export const reportFiles = (schoolId: string, classId: string, periodId: string) => ({
  summaryPdf: `${reportsPath(schoolId, classId, periodId)}/summary/pdf`,
  resultsPdf: `${reportsPath(schoolId, classId, periodId)}/results/pdf`,
  xlsx: `${reportsPath(schoolId, classId, periodId)}/summary/xlsx`,
  preliminaryPdf: `${reportsPath(schoolId, classId, periodId)}/preliminary/pdf`,
  preliminaryXlsx: `${reportsPath(schoolId, classId, periodId)}/preliminary/xlsx`,
  attendancePdf: `${reportsPath(schoolId, classId, periodId)}/attendance/pdf`,
  attendanceXlsx: `${reportsPath(schoolId, classId, periodId)}/attendance/xlsx`,
  movementPdf: `${reportsPath(schoolId, classId, periodId)}/movement/pdf`,
  movementXlsx: `${reportsPath(schoolId, classId, periodId)}/movement/xlsx`,
});

const school = (schoolId: string) => `?school=${seg(schoolId)}`;

export const reportsPaths = {
  /** The classes whose reports the person may open. */
  index: (schoolId: string) => `/reports${school(schoolId)}`,
  summary: (schoolId: string, classId: string, periodId: string) => `/reports/${seg(classId)}/${seg(periodId)}${school(schoolId)}`,
  preliminary: (schoolId: string, classId: string, periodId: string) => `/reports/${seg(classId)}/${seg(periodId)}/preliminary${school(schoolId)}`,
  attendance: (schoolId: string, classId: string, periodId: string) => `/reports/${seg(classId)}/${seg(periodId)}/attendance${school(schoolId)}`,
  movement: (schoolId: string, classId: string, periodId: string) => `/reports/${seg(classId)}/${seg(periodId)}/movement${school(schoolId)}`,
};

export const REPORTS_TEXT = {
  title: 'Отчёты',
  lead: 'Отчёты классного руководителя по классу и учебному периоду: сводная ведомость учёта успеваемости и итоги успеваемости класса. Каждый отчёт — на экране, в PDF и в XLSX.',
  none: 'Нет классов, отчёты по которым вам доступны: отчёты по классу видят его классный руководитель, директор и заместители директора.',
  denied: 'Отчёты доступны классным руководителям, директору и заместителям директора.',
  summaryLink: 'Сводная ведомость и итоги',
  preliminaryLink: 'Предварительный отчёт',
  attendanceLink: 'Посещаемость',
  movementLink: 'Движение учащихся',
  atStart: 'Состояло на начало периода',
  atEnd: 'Состоит на конец периода',
  arrivedList: 'Прибыли',
  leftList: 'Выбыли',
  whence: 'Откуда',
  whither: 'Куда',
  nobody: 'Нет.',
  attendanceTitle: 'Сводная ведомость посещаемости',
  attendanceLead: 'Пропущено уроков по месяцам с начала учебного года: б — по болезни, уп — по уважительной причине, нп — по неуважительной, н — причина не указана. Опоздания не считаются пропусками.',
  byMonth: 'Посещаемость класса по месяцам',
  month: 'Месяц',
  lessonsHeld: 'Проведено ученико-уроков',
  missed: 'Пропущено',
  attended: 'Посещаемость',
  late: 'Опозданий',
  preliminaryTitle: 'Предварительный отчёт за период',
  preliminaryLead: 'Текущий средний балл по каждому предмету и отметка, которая из него выходит по порогам школы (п. 6.1 положения); ниже — кому грозит «2», «н/а» или у кого падает посещаемость.',
  atRisk: 'Кому грозит «2» или «н/а»',
  noRisk: 'Никому в классе сейчас не грозит «2» или «н/а».',
  notInRoster: 'нет в списке группы',
  files: 'Скачать',
  summaryPdf: 'Сводная ведомость (PDF)',
  resultsPdf: 'Итоги успеваемости (PDF)',
  xlsx: 'Сводная ведомость и итоги (XLSX)',
  withYear: 'В последнем периоде года в ячейке две отметки: за период / годовая.',
  student: 'Обучающийся',
  average: 'Средний балл',
  subject: 'Предмет',
  unmarked: 'Без отметки',
  success: 'Успеваемость',
  quality: 'Качество',
  periods: 'Учебный период',
  reportsOfClass: 'Отчёты по классу',
  noStudents: 'В классе нет обучающихся.',
};

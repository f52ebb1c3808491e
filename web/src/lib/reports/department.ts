/**
 * «Отчёты по школам» on the screen (issue 13 item 5): the department's schools side by side for a
 * period, and the PDF and XLSX links. The cells are the PDF's and XLSX's own strings
 * (shared/reports/department-tables.ts).
 */
import type { z } from 'zod';
import type { departmentResponse } from '../../../../functions/reports/department-schemas';
import { send } from '../api';

export { CLASS_COLUMNS, classCells, DEPARTMENT_NOTES, MONITORING_COLUMNS, monitoringCells, RESULT_COLUMNS, resultCells, subjectCell, yearName } from '../../../../shared/reports/department-tables';
export { DEPARTMENT_TITLE } from '../../../../shared/domain/reports/department';

export type DepartmentReport = z.infer<typeof departmentResponse>;

const seg = encodeURIComponent;
const api = (departmentId: string) => `/api/departments/${seg(departmentId)}/reports/schools`;
const period = (periodId?: string) => (periodId ? `?periodId=${seg(periodId)}` : '');

export const departmentReportsApi = {
  schools: (departmentId: string, periodId?: string) => send<DepartmentReport>('GET', `${api(departmentId)}${period(periodId)}`),
};

export const departmentReportFiles = (departmentId: string, periodId?: string) => ({
  pdf: `${api(departmentId)}/pdf${period(periodId)}`,
  xlsx: `${api(departmentId)}/xlsx${period(periodId)}`,
});

export const departmentReportPaths = {
  screen: (periodId?: string) => `/reports/schools${period(periodId)}`,
};

export const DEPARTMENT_TEXT = {
  intro: 'Итоги успеваемости и мониторинг ведения электронного журнала каждой школы управления за учебный период, рядом. Только сводные показатели: имена обучающихся здесь не показываются (п. 1.7 Положения).',
  denied: 'Отчёты по школам доступны специалисту управления образования.',
  period: 'Учебный период',
  show: 'Показать',
  results: 'Итоги успеваемости',
  monitoring: 'Мониторинг ведения электронного журнала',
  subjects: 'Успеваемость по предметам',
  subjectsHint: 'В ячейке: успеваемость / качество / средний балл.',
  byClass: (school: string) => `${school}: по классам`,
  byClasses: 'По классам',
  subject: 'Предмет',
  pdf: 'Отчёты по школам (PDF)',
  xlsx: 'Отчёты по школам (XLSX)',
  noSchools: 'В управлении пока нет школ.',
} as const;
